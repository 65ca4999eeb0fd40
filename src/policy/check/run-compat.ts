/**
 * `guardrails compat`: one subject's history given as files, oldest first, the candidate last. The
 * candidate is parsed strictly, the older versions leniently (defaults and logical types), as the
 * registry does; names are validated in every file, as the registry refused them on registration.
 */
import type { CompatibilityLevel } from '../../avro/compat/index.js';
import { REPORT_VERSION, type CheckReport, type HistoryVersion, type SubjectReport } from '../report/model.js';
import { InputError } from './errors.js';
import { errorSubject, evaluateSubject, type ParsedVersion, type SubjectBase } from './evaluate.js';
import { loadFromClosure, type ParsedCandidate } from './load-candidate.js';
import { schemaErrorEntry } from './naming.js';
import { scanSource } from './sources.js';

export interface CompatRunOptions {
  /** Schema files, oldest first; the last one is the candidate. */
  readonly files: readonly string[];
  readonly level: CompatibilityLevel;
  /** Reads a file as given on the command line. */
  readonly readFile: (file: string) => Promise<Uint8Array>;
}

export async function runCompat(options: CompatRunOptions): Promise<CheckReport> {
  const candidateFile = options.files[options.files.length - 1];
  if (candidateFile === undefined) throw new InputError('compat needs at least one schema file');
  const olderFiles = options.files.slice(0, -1);
  const base: SubjectBase = { subject: null, file: candidateFile, level: options.level, warnings: [] };
  const history: ParsedVersion[] = [];
  for (const [version, file] of olderFiles.entries()) {
    const meta: HistoryVersion = { version, file };
    const parsed = await parseFile(file, false, options.readFile);
    if ('error' in parsed) return single(errorSubject(base, parsed.error, history.map((v) => v.meta)));
    history.push({ meta, parsed });
  }
  const candidate = await parseFile(candidateFile, true, options.readFile);
  const metas = history.map((v) => v.meta);
  const entry = 'error' in candidate ? errorSubject(base, candidate.error, metas) : evaluateSubject({ ...base, history, candidate, audit: false });
  return single(entry);
}

async function parseFile(file: string, strict: boolean, readFile: CompatRunOptions['readFile']) {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
  }
  const source = scanSource(file, bytes);
  const loaded = loadFromClosure(file, new Map([[file, source]]), strict);
  if (loaded.ok) return loaded.value satisfies ParsedCandidate;
  return { error: schemaErrorEntry(loaded.error, file, loaded.text) };
}

function single(entry: SubjectReport): CheckReport {
  const ok = entry.status !== 'incompatible' && entry.status !== 'error';
  return { reportVersion: REPORT_VERSION, ok, mode: 'files', against: null, subjects: [entry], warnings: [] };
}
