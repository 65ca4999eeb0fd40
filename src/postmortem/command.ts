/** `guardrails followups`: read reports, gather GitHub facts, plan, apply (or print the plan), report. */
import { appendFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyPlan, type ApplyResult } from './apply/apply.js';
import { gatherFacts } from './apply/facts.js';
import { FollowupsError } from './errors.js';
import { OctokitTracker, type OctokitTrackerOptions } from './github/octokit.js';
import { OfflineTracker } from './github/offline.js';
import type { IssueTracker } from './github/tracker.js';
import { formatProblem, type ParseProblem } from './model.js';
import { loadIncidentLog, loadReports } from './parse/load.js';
import { computeMetrics } from './report/metrics.js';
import { buildReport, renderSummary } from './report/summary.js';
import { readSettings, USAGE, type CommandIo, type FollowupsSettings } from './settings.js';
import { describeOperation } from './sync/describe.js';
import { planSync } from './sync/plan.js';

export type { CommandIo } from './settings.js';

export interface FollowupsDeps {
  /** Replaces the Octokit tracker (used by the benchmark's naive comparison and embedding callers). */
  readonly tracker?: IssueTracker;
  /** Tuning for the Octokit tracker (tests and the benchmark turn throttling off against local fakes). */
  readonly trackerOptions?: Pick<OctokitTrackerOptions, 'throttle' | 'retryAfterBaseValue'>;
}

export async function runFollowupsCommand(argv: string[], io: CommandIo, deps: FollowupsDeps = {}): Promise<number> {
  try {
    const parsed = await readSettings(argv, io);
    if (parsed.help) {
      io.stdout(USAGE);
      return 0;
    }
    return await run(parsed.settings, io, deps);
  } catch (e) {
    if (e instanceof FollowupsError) {
      io.stderr(`guardrails followups: ${e.message}\n`);
      return e.kind === 'config' ? 2 : 1;
    }
    io.stderr(`guardrails followups: internal error: ${e instanceof Error ? e.stack : String(e)}\nPlease report this as a bug.\n`);
    return 1;
  }
}

async function run(s: FollowupsSettings, io: CommandIo, deps: FollowupsDeps): Promise<number> {
  const { reports, problems } = await loadReports(io.cwd, s.config.reports);
  reportProblems(problems, s, io);
  const incidents = s.config.missingPostmortems.incidentLog ? await loadIncidentLog(io.cwd, s.config.missingPostmortems.incidentLog) : undefined;
  const tracker = deps.tracker ?? trackerFor(s, io, deps);
  const facts = await gatherFacts(tracker, reports, s.config, s.now, incidents);
  const ctx = { repo: s.repo ?? 'OWNER/REPO', branch: s.config.defaultBranch, serverUrl: s.serverUrl };
  const plan = planSync(facts, s.config, ctx);
  const report = buildReport(computeMetrics(reports, facts.issues, s.now), plan, problems, s.now, s.dryRun);
  if (s.dryRun) {
    for (const op of plan.operations) io.stdout(`${describeOperation(op)}\n`);
    io.stdout(`dry run: ${plan.operations.length} change(s) planned for ${reports.length} report(s); nothing written\n`);
  } else {
    printApplied(await applyPlan(plan, tracker, s.config, (l) => io.stdout(`${l}\n`)), io);
  }
  for (const d of plan.drift) io.stderr(`warning: issue #${d.issue}: ${d.reason}\n`);
  if (s.jsonPath) await writeFile(resolve(io.cwd, s.jsonPath), `${JSON.stringify(report, null, 2)}\n`);
  if (s.summaryPath) await appendFile(resolve(io.cwd, s.summaryPath), renderSummary(report));
  return problems.length > 0 ? 1 : 0;
}

function trackerFor(s: FollowupsSettings, io: CommandIo, deps: FollowupsDeps): IssueTracker {
  if (s.dryRun && !s.token) {
    io.stderr('note: no GITHUB_TOKEN; planning as if the repository had no follow-up issues and every mapped user were assignable\n');
    return new OfflineTracker();
  }
  if (!s.repo) throw new FollowupsError('config', 'no repository: pass --repo owner/name, set followups.repo, or set GITHUB_REPOSITORY');
  if (!s.token) throw new FollowupsError('config', 'no GitHub token: set GITHUB_TOKEN (or GH_TOKEN)', 'It needs issues: write, contents: write, pull-requests: write');
  return OctokitTracker.create({ token: s.token, repo: s.repo, baseUrl: s.apiUrl, log: (l) => io.stderr(`${l}\n`), ...deps.trackerOptions });
}

function reportProblems(problems: readonly ParseProblem[], s: FollowupsSettings, io: CommandIo): void {
  for (const p of problems) {
    io.stderr(`${formatProblem(p)}\n`);
    if (s.annotations) io.stdout(`::error file=${p.file},line=${p.line},title=${p.code}::${p.message.replace(/[\r\n%]/g, ' ')}\n`);
  }
}

function printApplied(r: ApplyResult, io: CommandIo): void {
  for (const c of r.created) io.stdout(`created #${c.number} ${c.url}${c.recovered ? ' (found after an unknown create outcome)' : ''}\n`);
  for (const w of r.warnings) io.stderr(`warning: ${w}\n`);
  if (r.writeback.pullRequest) io.stdout(`checkbox changes: ${r.writeback.pullRequest}\n`);
  io.stdout(`synced: ${r.created.length} created, ${r.updated.length} updated, ${r.closed.length} closed, ${r.commented.length} commented, ${r.writeback.files.length} report(s) written back\n`);
}
