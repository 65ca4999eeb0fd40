/** Reads every report under the configured folder and the optional incident log. The only file I/O of parsing. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FollowupsError } from '../errors.js';
import { SEVERITIES, type IncidentReport, type ParseProblem } from '../model.js';
import type { Incident } from '../sync/missing.js';
import { parseDate } from './dates.js';
import { parseReport } from './report.js';
import { readSeverity } from './summary.js';

// Templates and folder docs are not incidents.
const SKIP = /^(readme|template|_.*)\.md$/i;

export interface LoadedReports {
  readonly reports: IncidentReport[];
  readonly problems: ParseProblem[];
}

export async function loadReports(cwd: string, folder: string): Promise<LoadedReports> {
  const root = join(cwd, folder);
  let files: string[];
  try {
    files = (await readdir(root, { recursive: true })).filter((f) => f.toLowerCase().endsWith('.md')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { reports: [], problems: [] };
    throw new FollowupsError('io', `cannot list reports in ${folder}: ${(e as Error).message}`);
  }
  const reports: IncidentReport[] = [];
  const problems: ParseProblem[] = [];
  for (const f of files.filter((f) => !SKIP.test(f.split(sep).pop()!))) {
    const path = relative(cwd, join(root, f)).split(sep).join('/');
    let text: string;
    try {
      text = await readFile(join(root, f), 'utf8');
    } catch (e) {
      problems.push({ code: 'UNREADABLE_FILE', file: path, line: 1, message: `cannot read: ${(e as Error).message}` });
      continue;
    }
    const parsed = parseReport(text, path);
    reports.push(parsed.report);
    problems.push(...parsed.problems);
  }
  return { reports, problems };
}

const LogEntry = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  severity: z.string(),
  start: z.string().optional(),
  date: z.string().optional(),
  resolvedAt: z.string().optional(),
  title: z.string().optional(),
});

/** A YAML/JSON list (or `{incidents: [...]}`) of incidents; entries without a P1–P4 severity or a date are refused. */
export async function loadIncidentLog(cwd: string, file: string): Promise<Incident[]> {
  let doc: unknown;
  try {
    doc = parseYaml(await readFile(join(cwd, file), 'utf8'));
  } catch (e) {
    throw new FollowupsError('config', `cannot read the incident log ${file}: ${(e as Error).message.split('\n')[0]}`,
      'Set followups.missingPostmortems.incidentLog to a YAML or JSON list of {id, severity, date}');
  }
  const list = Array.isArray(doc) ? doc : (doc as { incidents?: unknown } | null)?.incidents;
  if (!Array.isArray(list)) throw new FollowupsError('config', `${file}: expected a list of incidents`);
  return list.map((raw, i) => toIncident(raw, i, file));
}

function toIncident(raw: unknown, i: number, file: string): Incident {
  const entry = LogEntry.safeParse(raw);
  if (!entry.success) throw new FollowupsError('config', `${file}: incident ${i + 1}: ${entry.error.issues[0]!.path.join('.')}: ${entry.error.issues[0]!.message}`);
  const e = entry.data;
  const severity = readSeverity(e.severity);
  if (!severity || !SEVERITIES.includes(severity)) throw new FollowupsError('config', `${file}: incident ${e.id}: severity "${e.severity}" is not P1–P4`);
  const start = e.resolvedAt ?? e.start ?? e.date;
  const valid = start && (!Number.isNaN(Date.parse(start)) || parseDate(start).ok);
  if (!valid) throw new FollowupsError('config', `${file}: incident ${e.id}: needs a date, resolvedAt or start as an ISO date`);
  const iso = Number.isNaN(Date.parse(start)) ? (parseDate(start) as { date: string }).date : start;
  return { id: e.id, severity, start: iso, ...(e.title ? { title: e.title } : {}) };
}
