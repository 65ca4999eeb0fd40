/**
 * Carries out a sync plan, one write at a time. Creates are made safe to retry: an unknown outcome
 * re-lists before posting again. Once `signal` is aborted no new write starts: the one in flight
 * settles, and every operation not carried out is returned in `notDone`.
 */
import type { FollowupsConfig } from '../config.js';
import { FollowupsError } from '../errors.js';
import { WriteNotStarted, type CreateResult, type IssueTracker, type TrackedIssue } from '../github/tracker.js';
import { readActionMarker, readMissingMarker } from '../sync/key.js';
import type { Operation, SyncPlan } from '../sync/plan-types.js';
import { writeBack, type WritebackResult } from './writeback.js';

export interface ApplyDeps {
  readonly tracker: IssueTracker;
  readonly config: FollowupsConfig;
  /** One line per write carried out, as it happens. */
  readonly log: (line: string) => void;
  /** Aborted on SIGINT/SIGTERM: start no new write. */
  readonly signal: AbortSignal;
}

export interface CreatedIssue {
  readonly key: string;
  readonly number: number;
  readonly url: string;
  /** Found by listing after a create whose outcome was unknown (timeout, 5xx), not created twice. */
  readonly recovered: boolean;
}

export interface ApplyResult {
  readonly created: CreatedIssue[];
  readonly updated: number[];
  readonly closed: number[];
  readonly commented: number[];
  readonly writeback: WritebackResult;
  readonly warnings: string[];
  /** Planned operations not carried out because the run was stopped; empty otherwise. */
  readonly notDone: Operation[];
  readonly stopped: boolean;
}

type CreateOp = Extract<Operation, { kind: 'create' }>;
type TickOp = Extract<Operation, { kind: 'tick' }>;

export async function applyPlan(plan: SyncPlan, deps: ApplyDeps): Promise<ApplyResult> {
  const result = { created: [] as CreatedIssue[], updated: [] as number[], closed: [] as number[], commented: [] as number[], warnings: [] as string[] };
  const notDone: Operation[] = [];
  const issueOps = plan.operations.filter((o) => o.kind !== 'tick');
  for (const op of issueOps) {
    if (deps.signal.aborted) {
      notDone.push(op);
      continue;
    }
    try {
      await applyOne(op, deps, result);
    } catch (e) {
      // Refused before it was sent because the signal came while it waited for the rate limiter.
      if (!(e instanceof WriteNotStarted)) throw e;
      notDone.push(op);
    }
  }
  const ticks = plan.operations.filter((o): o is TickOp => o.kind === 'tick');
  const wb = await writeBack(ticks, deps);
  notDone.push(...wb.notDone);
  return { ...result, writeback: wb, warnings: [...result.warnings, ...wb.warnings], notDone, stopped: deps.signal.aborted };
}

type Progress = Pick<ApplyResult, 'created' | 'updated' | 'closed' | 'commented' | 'warnings'>;

async function applyOne(op: Exclude<Operation, TickOp>, deps: ApplyDeps, result: Progress): Promise<void> {
  const { tracker, log } = deps;
  if (op.kind === 'create') {
    const created = await applyCreate(op, deps, result);
    result.created.push(created);
    log(`created #${created.number} ${created.url}${created.recovered ? ' (found after an unknown create outcome)' : ''}`);
  } else if (op.kind === 'update') {
    await tracker.updateIssue(op.issue, op.changes);
    result.updated.push(op.issue);
    log(`updated #${op.issue} (${op.reasons.join(', ')})`);
    if (op.needsOwnerComment) await commentAfter(op.issue, op.needsOwnerComment, deps, result);
  } else if (op.kind === 'close') {
    await tracker.updateIssue(op.issue, { state: 'closed', stateReason: op.stateReason });
    result.closed.push(op.issue);
    log(`closed #${op.issue} (${op.reason})`);
  } else {
    await tracker.addComment(op.issue, op.body);
    result.commented.push(op.issue);
    log(`commented on #${op.issue} (${op.purpose})`);
  }
}

async function applyCreate(op: CreateOp, deps: ApplyDeps, result: Progress): Promise<CreatedIssue> {
  const { tracker, config, log } = deps;
  let issue = op.issue;
  let comment = op.needsOwnerComment;
  let outcome = await createOnce(op, issue, tracker, config);
  if (!outcome.ok && outcome.reason === 'assignees-rejected') {
    // One unassignable login fails the whole request (422): create without assignees, flag it, never skip the item.
    log(`GitHub refused assignees ${issue.assignees.join(', ')} for "${issue.title}" (422); creating it with ${config.labels.needsOwner}`);
    comment = `GitHub refused to assign ${issue.assignees.map((a) => `@${a}`).join(', ')} (422: not assignable in this repository). Labelled \`${config.labels.needsOwner}\` until someone takes it.`;
    issue = { ...issue, assignees: [], labels: [...new Set([...issue.labels, config.labels.needsOwner])] };
    outcome = await createOnce(op, issue, tracker, config);
  }
  if (!outcome.ok) {
    throw new FollowupsError('unknown-outcome', `creating "${issue.title}" failed twice (${outcome.detail})`,
      'Rerun the job: it lists existing issues first and will not duplicate');
  }
  if (comment) await commentAfter(outcome.issue.number, comment, deps, result);
  return { key: op.key, number: outcome.issue.number, url: outcome.issue.url, recovered: 'recovered' in outcome };
}

/** The needs-owner comment that follows a write; skipped with a warning once the run is stopped, the issue itself stands. */
async function commentAfter(issue: number, body: string, deps: ApplyDeps, result: Progress): Promise<void> {
  const skipped = `issue #${issue}: the needs-owner comment was not posted (stopped); post it by hand or wait for the next reminder`;
  if (deps.signal.aborted) {
    result.warnings.push(skipped);
    return;
  }
  try {
    await deps.tracker.addComment(issue, body);
  } catch (e) {
    if (!(e instanceof WriteNotStarted)) throw e;
    result.warnings.push(skipped);
  }
}

// After an unknown outcome (timeout, 5xx) the issue may exist: look for its marker before posting again.
async function createOnce(op: CreateOp, issue: CreateOp['issue'], tracker: IssueTracker, config: FollowupsConfig): Promise<CreateResult & { recovered?: true }> {
  const first = await tracker.createIssue(issue);
  if (first.ok || first.reason !== 'unknown-outcome') return first;
  const existing = findByKey(await tracker.listIssuesByLabel(config.labels.base), op.key);
  if (existing) return { ok: true, issue: existing, recovered: true };
  return tracker.createIssue(issue);
}

export function findByKey(issues: readonly TrackedIssue[], key: string): TrackedIssue | undefined {
  const missing = key.startsWith('missing:') ? key.slice('missing:'.length).toLowerCase() : undefined;
  return issues.find((i) =>
    missing !== undefined ? readMissingMarker(i.body)?.toLowerCase() === missing : readActionMarker(i.body)?.key === key);
}
