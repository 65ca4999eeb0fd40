/**
 * The follow-up sync as one typed function: gather GitHub facts, plan, apply (unless a dry run),
 * report. It reads no argv, environment or files and decides no exit code; the command does.
 */
import { applyPlan, type ApplyResult } from './apply/apply.js';
import { gatherFacts } from './apply/facts.js';
import type { FollowupsConfig } from './config.js';
import type { IssueTracker } from './github/tracker.js';
import type { IncidentReport, ParseProblem } from './model.js';
import { computeMetrics } from './report/metrics.js';
import { buildReport, type FollowupsReport } from './report/summary.js';
import type { Incident } from './sync/missing.js';
import type { Operation, SyncPlan } from './sync/plan-types.js';
import { planSync } from './sync/plan.js';

export interface SyncOptions {
  readonly config: FollowupsConfig;
  readonly reports: readonly IncidentReport[];
  /** Items that could not be read; reported, and the readable ones are still synced. */
  readonly problems: readonly ParseProblem[];
  /** The incident log; undefined → incidents come from the reports. */
  readonly incidents?: readonly Incident[];
  /** `owner/name`, for links; undefined only in an offline dry run. */
  readonly repo?: string;
  /** GitHub's web URL, for links in issue bodies. */
  readonly serverUrl: string;
  readonly now: Date;
  /** Plan and report only; no write. */
  readonly dryRun: boolean;
}

export interface SyncDeps {
  readonly tracker: IssueTracker;
  /** Aborted on SIGINT/SIGTERM: no new write starts, the one in flight settles. */
  readonly signal: AbortSignal;
  /** One line per write as it is done. */
  readonly progress: (line: string) => void;
}

export interface SyncResult {
  readonly report: FollowupsReport;
  readonly plan: SyncPlan;
  /** What was written; undefined in a dry run and when stopped before the first write. */
  readonly applied?: ApplyResult;
  /** Stopped by the signal before every planned operation was carried out. */
  readonly stopped: boolean;
  /** Planned operations not carried out because of the stop (a dry run carries out none and lists none). */
  readonly notDone: readonly Operation[];
}

export async function syncFollowups(options: SyncOptions, deps: SyncDeps): Promise<SyncResult> {
  const { config, reports, now } = options;
  const facts = await gatherFacts(deps.tracker, reports, config, now, options.incidents);
  const plan = planSync(facts, config, { repo: options.repo ?? 'OWNER/REPO', branch: config.defaultBranch, serverUrl: options.serverUrl });
  const metrics = computeMetrics(reports, facts.issues, now);
  const finish = (stopped: boolean, notDone: readonly Operation[], applied?: ApplyResult): SyncResult => ({
    report: buildReport({ metrics, plan, problems: options.problems, now, dryRun: options.dryRun, stopped }),
    plan, stopped, notDone, ...(applied ? { applied } : {}),
  });
  if (options.dryRun) return finish(false, []);
  if (deps.signal.aborted) return finish(plan.operations.length > 0, plan.operations);
  const applied = await applyPlan(plan, { tracker: deps.tracker, config, log: deps.progress, signal: deps.signal });
  return finish(applied.stopped && applied.notDone.length > 0, applied.notDone, applied);
}
