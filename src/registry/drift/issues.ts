/**
 * One tracked GitHub issue per drift, with the follow-ups' tracker and hidden-key scheme: the
 * issue body carries the drift's key in a hidden marker. A plan from the findings and the issues
 * that exist (pure), then its writes, none started after the run is stopped.
 */
import { WriteNotStarted, type IssueTracker, type TrackedIssue } from '../../postmortem/github/tracker.js';
import { readActionMarker, renderActionMarker } from '../../postmortem/sync/key.js';
import { DRIFT_SCOPE } from './find.js';
import type { DriftFinding } from './model.js';

export const DRIFT_LABEL = 'registry-drift';

export type IssueOperation =
  | { readonly kind: 'create'; readonly finding: DriftFinding; readonly title: string; readonly body: string }
  | { readonly kind: 'update'; readonly issue: number; readonly finding: DriftFinding; readonly title: string; readonly body: string; readonly reopen: boolean }
  | { readonly kind: 'close'; readonly issue: number; readonly key: string; readonly title: string };

export interface IssueOutcome {
  readonly created: readonly { readonly number: number; readonly key: string; readonly url: string }[];
  readonly updated: readonly number[];
  readonly closed: readonly number[];
  /** Planned writes not made: the run was stopped first. */
  readonly notDone: readonly IssueOperation[];
  /** Writes GitHub refused or whose outcome is unknown, one line each. */
  readonly problems: readonly string[];
}

export function issueTitle(finding: DriftFinding): string {
  return `Registry drift: ${finding.kind} ${finding.subject}${finding.version !== null ? ` version ${finding.version}` : ''}`;
}

export function issueBody(finding: DriftFinding): string {
  const row = (name: string, value: string | number | null) => (value === null ? [] : [`| ${name} | ${String(value).replace(/\|/g, '\\|')} |`]);
  return [
    `\`guardrails drift\` found the Schema Registry out of line with the default branch.`,
    '',
    '| | |',
    '|---|---|',
    ...row('Kind', finding.kind),
    ...row('Subject', `\`${finding.subject}\``),
    ...row('Version', finding.version),
    ...row('Schema id', finding.id),
    ...row('File', finding.file === null ? null : `\`${finding.file}\``),
    ...row('Expected', finding.expected),
    ...row('Actual', finding.actual),
    '',
    `**What to do:** ${finding.action}`,
    '',
    'This issue is kept up to date by the nightly drift job, and closed by it once the drift is gone.',
    '',
    renderActionMarker({ key: finding.key, incident: DRIFT_SCOPE, src: finding.subject, item: 0, due: '' }),
  ].join('\n');
}

/** The drift key of an issue this job manages, or undefined for any other issue. */
function driftKeyOf(issue: TrackedIssue): string | undefined {
  const marker = readActionMarker(issue.body);
  return marker?.incident === DRIFT_SCOPE ? marker.key : undefined;
}

export function planIssues(findings: readonly DriftFinding[], existing: readonly TrackedIssue[]): IssueOperation[] {
  const byKey = new Map<string, TrackedIssue>();
  // The open issue wins over a closed one of the same key; among equals the oldest (lowest number).
  for (const issue of [...existing].sort((a, b) => a.number - b.number)) {
    const key = driftKeyOf(issue);
    if (key === undefined) continue;
    const known = byKey.get(key);
    if (!known || (known.state === 'closed' && issue.state === 'open')) byKey.set(key, issue);
  }
  const operations: IssueOperation[] = [];
  const current = new Set<string>();
  for (const finding of findings) {
    if (current.has(finding.key)) continue;
    current.add(finding.key);
    const title = issueTitle(finding);
    const body = issueBody(finding);
    const issue = byKey.get(finding.key);
    if (!issue) operations.push({ kind: 'create', finding, title, body });
    else if (issue.state === 'closed' || issue.title !== title || issue.body !== body) {
      operations.push({ kind: 'update', issue: issue.number, finding, title, body, reopen: issue.state === 'closed' });
    }
  }
  for (const [key, issue] of byKey) {
    if (!current.has(key) && issue.state === 'open') operations.push({ kind: 'close', issue: issue.number, key, title: issue.title });
  }
  return operations;
}

export async function applyIssues(operations: readonly IssueOperation[], tracker: IssueTracker, signal: AbortSignal): Promise<IssueOutcome> {
  const created: { number: number; key: string; url: string }[] = [];
  const updated: number[] = [];
  const closed: number[] = [];
  const problems: string[] = [];
  let index = 0;
  for (; index < operations.length && !signal.aborted; index++) {
    const op = operations[index]!;
    try {
      await applyOne(op, tracker, { created, updated, closed, problems });
    } catch (error) {
      // Stopped while the write waited to be sent: nothing reached GitHub, so it is not done.
      if (error instanceof WriteNotStarted) break;
      throw error;
    }
  }
  return { created, updated, closed, notDone: operations.slice(index), problems };
}

interface Done {
  readonly created: { number: number; key: string; url: string }[];
  readonly updated: number[];
  readonly closed: number[];
  readonly problems: string[];
}

async function applyOne(op: IssueOperation, tracker: IssueTracker, { created, updated, closed, problems }: Done): Promise<void> {
    if (op.kind === 'create') {
      const result = await tracker.createIssue({ title: op.title, body: op.body, labels: [DRIFT_LABEL], assignees: [] });
      if (result.ok) created.push({ number: result.issue.number, key: op.finding.key, url: result.issue.url });
      else problems.push(`creating "${op.title}": ${result.reason} (${result.detail}); the next run lists the issues first and will not duplicate it`);
    } else if (op.kind === 'update') {
      await tracker.updateIssue(op.issue, { title: op.title, body: op.body, ...(op.reopen ? { state: 'open' as const, stateReason: 'reopened' as const } : {}) });
      updated.push(op.issue);
    } else {
      await tracker.addComment(op.issue, 'The drift is gone: `guardrails drift` no longer finds it. Closing.');
      await tracker.updateIssue(op.issue, { state: 'closed', stateReason: 'completed' });
      closed.push(op.issue);
    }
}

export function describeIssueOperation(op: IssueOperation): string {
  if (op.kind === 'create') return `create issue "${op.title}"`;
  if (op.kind === 'update') return `${op.reopen ? 'reopen' : 'update'} issue #${op.issue} "${op.title}"`;
  return `close issue #${op.issue} "${op.title}"`;
}
