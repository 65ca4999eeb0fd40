/** Pure planning: from reports, issues and a few GitHub facts to the creates, updates, comments and ticks needed. */
import type { FollowupsConfig } from '../config.js';
import type { IncidentReport } from '../model.js';
import type { TrackedIssue } from '../github/tracker.js';
import { daysBetween } from '../parse/dates.js';
import { keyItems, pairItems, type KeyedItem } from './match.js';
import { planMissing, clampLabel, incidentsFromReports, type Incident } from './missing.js';
import { resolveOwner, type OwnerResolution } from './owners.js';
import { PLAN_VERSION, type Operation, type SyncPlan } from './plan-types.js';
import { actionBody, actionTitle, needsOwnerComment, reminderComment, type RenderContext } from './render.js';

export interface SyncFacts {
  readonly reports: readonly IncidentReport[];
  /** All issues carrying the base label, open and closed. */
  readonly issues: readonly TrackedIssue[];
  /** login → assignable in the repository (checked for every mapped user). */
  readonly assignable: ReadonlyMap<string, boolean>;
  /** issue number → date (`YYYY-MM-DD`) of the last reminder comment, for open overdue issues. */
  readonly lastReminders: ReadonlyMap<number, string>;
  /** The incident log; undefined → incidents are read from the reports. */
  readonly incidents?: readonly Incident[];
  readonly now: Date;
}

export function planSync(facts: SyncFacts, config: FollowupsConfig, ctx: RenderContext): SyncPlan {
  const items = keyItems(facts.reports);
  const { pairs, orphans, duplicates } = pairItems(items, facts.issues);
  const today = facts.now.toISOString().slice(0, 10);
  const operations: Operation[] = [];
  for (const { item, issue, rekeyed } of pairs) {
    const owner = resolveOwner(item.item.owner, config.owners, facts.assignable);
    if (!issue) operations.push(...planNew(item, owner, config, ctx));
    else operations.push(...planExisting(item, issue, owner, rekeyed, config, ctx, facts, today));
  }
  const incidents = facts.incidents ?? incidentsFromReports(facts.reports);
  operations.push(...planMissing(incidents, facts.reports, facts.issues, config, facts.now));
  const drift = [
    ...orphans.map((i) => ({ issue: i.number, reason: 'its follow-up item is no longer in the report' })),
    ...duplicates.map((i) => ({ issue: i.number, reason: 'duplicate of an older issue with the same item key' })),
  ];
  return { version: PLAN_VERSION, operations, drift };
}

function labelsFor(item: KeyedItem, owner: OwnerResolution, config: FollowupsConfig): string[] {
  const { labels } = config;
  const out = [labels.base, `${labels.incidentPrefix}${item.report.incidentId}`];
  if (item.report.severity) out.splice(1, 0, `${labels.severityPrefix}${item.report.severity}`);
  if (owner.needsOwner) out.push(labels.needsOwner);
  return out.map(clampLabel);
}

function planNew(item: KeyedItem, owner: OwnerResolution, config: FollowupsConfig, ctx: RenderContext): Operation[] {
  // An item ticked before it ever had an issue is done; creating an issue only to close it is noise.
  if (item.item.done) return [];
  return [{
    kind: 'create', key: item.key, purpose: 'action-item',
    source: { file: item.report.file, line: item.item.line },
    issue: {
      title: actionTitle(item.report, item.item),
      body: actionBody(ctx, item.report, item.item, item.key, owner),
      labels: labelsFor(item, owner, config),
      assignees: owner.assignees,
    },
    ...(owner.needsOwner ? { needsOwnerComment: needsOwnerComment(owner) } : {}),
  }];
}

function planExisting(
  item: KeyedItem, issue: TrackedIssue, owner: OwnerResolution, rekeyed: boolean,
  config: FollowupsConfig, ctx: RenderContext, facts: SyncFacts, today: string,
): Operation[] {
  const ops: Operation[] = [];
  const update = planUpdate(item, issue, owner, rekeyed, config, ctx);
  if (update) ops.push(update);
  const state = planState(item, issue);
  if (state) ops.push(state);
  const reminder = planReminder(item, issue, owner, config, facts, today);
  if (reminder && !state) ops.push(reminder);
  return ops;
}

function planUpdate(
  item: KeyedItem, issue: TrackedIssue, owner: OwnerResolution, rekeyed: boolean, config: FollowupsConfig, ctx: RenderContext,
): Operation | undefined {
  const title = actionTitle(item.report, item.item);
  const body = actionBody(ctx, item.report, item.item, item.key, owner);
  const wanted = labelsFor(item, owner, config);
  const managed = (l: string) =>
    [config.labels.base, config.labels.needsOwner].includes(l) ||
    l.startsWith(config.labels.severityPrefix) || l.startsWith(config.labels.incidentPrefix);
  const labels = [...issue.labels.filter((l) => !managed(l)), ...wanted];
  const changes: { title?: string; body?: string; labels?: string[]; assignees?: string[] } = {};
  const reasons: string[] = [];
  if (issue.title !== title) {
    changes.title = title;
    reasons.push(rekeyed ? 'text edited' : 'title');
  }
  if (issue.body !== body) {
    changes.body = body;
    reasons.push('description');
  }
  if (!sameSet(issue.labels, labels)) {
    changes.labels = labels;
    reasons.push('labels');
  }
  // People reassign issues in GitHub; only a changed description (owner edited in the report) resets assignees.
  if (changes.body && owner.assignees.length > 0 && !sameSet(issue.assignees, owner.assignees)) {
    changes.assignees = owner.assignees;
    reasons.push('assignees');
  }
  if (reasons.length === 0) return undefined;
  const newlyNeedsOwner = owner.needsOwner && !issue.labels.includes(config.labels.needsOwner);
  return {
    kind: 'update', issue: issue.number, key: item.key, changes, reasons,
    ...(newlyNeedsOwner ? { needsOwnerComment: needsOwnerComment(owner) } : {}),
  };
}

// The issue is where work is tracked: closed ticks the box, reopened unticks it, and a box ticked in the report
// while the issue is open (and was not reopened) closes the issue.
function planState(item: KeyedItem, issue: TrackedIssue): Operation | undefined {
  const tick = (done: boolean): Operation => ({
    kind: 'tick', file: item.report.file, line: item.item.line, key: item.key,
    incidentId: item.report.incidentId, done, issue: issue.number,
  });
  const canTick = item.item.form === 'checkbox';
  if (issue.state === 'closed' && !item.item.done) return canTick ? tick(true) : undefined;
  if (issue.state === 'open' && item.item.done) {
    if (issue.stateReason === 'reopened') return canTick ? tick(false) : undefined;
    return { kind: 'close', issue: issue.number, reason: 'ticked in the report', stateReason: 'completed' };
  }
  return undefined;
}

function planReminder(
  item: KeyedItem, issue: TrackedIssue, owner: OwnerResolution, config: FollowupsConfig, facts: SyncFacts, today: string,
): Operation | undefined {
  if (issue.state !== 'open' || item.item.done) return undefined;
  const overdue = daysBetween(item.item.due, today);
  if (overdue <= 0) return undefined;
  const last = facts.lastReminders.get(issue.number);
  if (last && daysBetween(last, today) < config.reminders.intervalDays) return undefined;
  return { kind: 'comment', issue: issue.number, purpose: 'reminder', body: reminderComment(item.item, today, overdue, owner) };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a.map((x) => x.toLowerCase()));
  const sb = new Set(b.map((x) => x.toLowerCase()));
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
