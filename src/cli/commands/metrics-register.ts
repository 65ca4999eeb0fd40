/** The metrics of `guardrails register`: its schema files by what became of each. */
import type { EntryAction, RegisterResult } from '../../registry/register/model.js';
import { REGISTER_RESULTS, sample, type JobSample, type RegisterFileResult as ResultLabel } from '../../scheduler/job-metric-catalogue.js';

const RESULT: Readonly<Record<EntryAction, ResultLabel>> = {
  unchanged: 'already_present',
  registered: 'registered',
  'registered-break': 'registered_break',
  planned: 'planned',
  'planned-break': 'planned',
  refused: 'refused',
  'not-latest': 'not_latest',
  failed: 'failed',
  skipped: 'skipped',
};

/** Every result, 0 when none, so that a failure expression has a series to read. */
export function registerMetrics(result: RegisterResult): JobSample[] {
  const counts = new Map<ResultLabel, number>(REGISTER_RESULTS.map((r) => [r, 0]));
  for (const entry of result.entries) counts.set(RESULT[entry.action], (counts.get(RESULT[entry.action]) ?? 0) + 1);
  return [...counts].map(([label, count]) => sample('registerSchemaFiles', count, { result: label }));
}
