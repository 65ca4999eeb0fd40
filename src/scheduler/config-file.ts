/**
 * Reads the `schedule:` section of a YAML file with node positions, so every problem points at file:line:column.
 * An explicitly given file must exist; the default guardrails.yaml may be absent (no jobs then).
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError } from '../policy/config/errors.js';
import { yamlLocator } from '../policy/config/locate.js';
import { parseScheduleConfig, type Locate, type ScheduleConfig } from './config.js';

export interface ConfigSource {
  /** Absolute path of the file. */
  readonly path: string;
  /** How messages name it: the path as given, or `guardrails.yaml`. */
  readonly label: string;
  /** Given on the command line: then it must exist. */
  readonly explicit: boolean;
}

export interface LoadedSchedule {
  readonly config: ScheduleConfig;
  /** The label of the file read; undefined when the default file is absent. */
  readonly file: string | undefined;
  /** Positions of keys in the `schedule:` section. */
  readonly locate: Locate;
}

export async function loadScheduleConfig(source: ConfigSource, knownJobs: readonly string[]): Promise<LoadedSchedule> {
  const file = source.label;
  let text: string;
  try {
    text = await readFile(source.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !source.explicit) return { config: parseScheduleConfig(undefined, { file, knownJobs }), file: undefined, locate: () => undefined };
    throw new ConfigError([{ file, path: '', problem: code === 'ENOENT' ? 'config file not found; check the --config path' : `cannot read the config file (${code ?? String(error)})` }]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(doc.errors.map((e) => {
      const { line, col } = lines.linePos(e.pos[0]);
      return { file, line, column: col, path: '', problem: `invalid YAML: ${e.message.split('\n')[0] ?? e.message}` };
    }));
  }
  let value: unknown;
  try {
    // A small alias budget stops "billion laughs" documents.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError([{ file, path: '', problem: `cannot expand YAML aliases: ${(error as Error).message}` }]);
  }
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
    throw new ConfigError([{ file, line: 1, column: 1, path: '', problem: 'expected a mapping of sections (schedule:, …)' }]);
  }
  const at = yamlLocator(doc, lines);
  const locate: Locate = (path, target) => at(['schedule', ...path], target);
  const raw = (value as Record<string, unknown> | null | undefined)?.['schedule'];
  return { config: parseScheduleConfig(raw, { file, locate, knownJobs }), file, locate };
}
