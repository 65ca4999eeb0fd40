/** Reads every report under the reports folder and the optional incident log. The only file I/O of parsing. */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FollowupsError } from '../errors.js';
import { SEVERITIES, type IncidentReport, type ParseProblem } from '../model.js';
import type { Incident } from '../sync/missing.js';
import { parseDate } from './dates.js';
import { parseReport } from './report.js';
import { readSeverity } from './summary.js';
import { decodeStrict } from './utf8.js';

// Templates and folder docs are not incidents.
const SKIP = /^(readme|template|_.*)\.md$/i;

/** What a report file is, for the message when a folder holds none. */
export const REPORT_SHAPE =
  'a report is a Markdown file (*.md; README.md, TEMPLATE.md and _*.md are skipped) with a "## Follow-Up Actions" checklist, ' +
  'like postmortems/2026-01-06-schema-registry-outage.md (docs/postmortem-followups.md#reports)';

export interface LoadedReports {
  readonly reports: IncidentReport[];
  readonly problems: ParseProblem[];
}

/** The report files under `folder` (absolute), sorted, relative to it. */
export async function listReportFiles(folder: string): Promise<string[]> {
  try {
    const all = await readdir(folder, { recursive: true });
    return all.filter((f) => f.toLowerCase().endsWith('.md') && !SKIP.test(basename(f))).sort();
  } catch (e) {
    throw new FollowupsError('config', `cannot list the reports folder ${folder} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * Reads and parses every report under `folder` (absolute). Paths in reports, issues and links are
 * relative to `cwd`, the repository root. A folder without reports, or a report that is not strict
 * UTF-8, is bad input: nothing would be synced, or a title would carry U+FFFD into GitHub.
 */
export async function loadReports(cwd: string, folder: string, display: string): Promise<LoadedReports> {
  const files = await listReportFiles(folder);
  if (files.length === 0) throw new FollowupsError('config', `${display} holds no report; ${REPORT_SHAPE}`);
  const reports: IncidentReport[] = [];
  const problems: ParseProblem[] = [];
  for (const f of files) {
    const path = relative(cwd, join(folder, f)).split(sep).join('/');
    let bytes: Buffer;
    try {
      bytes = await readFile(join(folder, f));
    } catch (e) {
      throw new FollowupsError('config', `${path}: cannot read the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const parsed = parseReport(decodeStrict(bytes, path), path);
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

const LOG_HINT = 'set followups.missingPostmortems.incidentLog to a YAML or JSON list of {id, severity, date}';

/** A YAML/JSON list (or `{incidents: [...]}`) of incidents at `absolute`; entries without a P1–P4 severity or a date are refused. */
export async function loadIncidentLog(absolute: string, file: string): Promise<Incident[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (e) {
    throw new FollowupsError('config', `${file}: cannot read the incident log (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${LOG_HINT}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(decodeStrict(bytes, file));
  } catch (e) {
    if (e instanceof FollowupsError) throw e;
    throw new FollowupsError('config', `${file}: the incident log is not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}; ${LOG_HINT}`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { incidents?: unknown } | null)?.incidents;
  if (!Array.isArray(list)) throw new FollowupsError('config', `${file}: expected a list of incidents; ${LOG_HINT}`);
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
