/** Carries out a sync plan. Creates are made safe to retry: an unknown outcome re-lists before posting again. */
import type { FollowupsConfig } from '../config.js';
import { FollowupsError } from '../errors.js';
import type { CreateResult, IssueTracker, TrackedIssue } from '../github/tracker.js';
import { readActionMarker, readMissingMarker } from '../sync/key.js';
import type { Operation, SyncPlan } from '../sync/plan-types.js';
import { writeBack, type WritebackResult } from './writeback.js';

export interface ApplyResult {
  readonly created: Array<{ key: string; number: number; url: string; recovered: boolean }>;
  readonly updated: number[];
  readonly closed: number[];
  readonly commented: number[];
  readonly writeback: WritebackResult;
  readonly warnings: string[];
}

type CreateOp = Extract<Operation, { kind: 'create' }>;

export async function applyPlan(plan: SyncPlan, tracker: IssueTracker, config: FollowupsConfig, log: (s: string) => void): Promise<ApplyResult> {
  const result: ApplyResult = {
    created: [], updated: [], closed: [], commented: [], warnings: [],
    writeback: { files: [], warnings: [] },
  };
  for (const op of plan.operations) {
    if (op.kind === 'create') await applyCreate(op, tracker, config, result, log);
    else if (op.kind === 'update') {
      await tracker.updateIssue(op.issue, op.changes);
      if (op.needsOwnerComment) await tracker.addComment(op.issue, op.needsOwnerComment);
      result.updated.push(op.issue);
    } else if (op.kind === 'close') {
      await tracker.updateIssue(op.issue, { state: 'closed', stateReason: op.stateReason });
      result.closed.push(op.issue);
    } else if (op.kind === 'comment') {
      await tracker.addComment(op.issue, op.body);
      result.commented.push(op.issue);
    }
  }
  const ticks = plan.operations.filter((o): o is Extract<Operation, { kind: 'tick' }> => o.kind === 'tick');
  const wb = await writeBack(ticks, tracker, config, log);
  return { ...result, writeback: wb, warnings: [...result.warnings, ...wb.warnings] };
}

async function applyCreate(op: CreateOp, tracker: IssueTracker, config: FollowupsConfig, result: ApplyResult, log: (s: string) => void) {
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
  if (comment) await tracker.addComment(outcome.issue.number, comment);
  result.created.push({ key: op.key, number: outcome.issue.number, url: outcome.issue.url, recovered: 'recovered' in outcome });
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
