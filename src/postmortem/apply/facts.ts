/** Gathers what planning needs from GitHub: the labelled issues, assignability of mapped users, last reminders. */
import type { FollowupsConfig } from '../config.js';
import type { IncidentReport } from '../model.js';
import type { IssueTracker, TrackedIssue } from '../github/tracker.js';
import { readActionMarker, readReminderMarker } from '../sync/key.js';
import type { Incident } from '../sync/missing.js';
import { candidateLogins } from '../sync/owners.js';
import type { SyncFacts } from '../sync/plan.js';

export async function gatherFacts(
  tracker: IssueTracker, reports: readonly IncidentReport[], config: FollowupsConfig, now: Date,
  incidents?: readonly Incident[],
): Promise<SyncFacts> {
  // Listing by label, never the search API: search is eventually consistent and would let a rerun duplicate.
  const issues = await tracker.listIssuesByLabel(config.labels.base);
  const logins = [...new Set(reports.flatMap((r) => r.actions.flatMap((a) => candidateLogins(a.owner, config.owners))))];
  const assignable = new Map(await Promise.all(logins.map(async (l) => [l, await tracker.isAssignable(l)] as const)));
  const lastReminders = await readLastReminders(tracker, issues, now.toISOString().slice(0, 10));
  return { reports, issues, assignable, lastReminders, now, ...(incidents ? { incidents } : {}) };
}

// Only open issues whose marker says overdue need their comments read.
async function readLastReminders(tracker: IssueTracker, issues: readonly TrackedIssue[], today: string) {
  const overdue = issues.filter((i) => {
    const due = i.state === 'open' ? readActionMarker(i.body)?.due : undefined;
    return due !== undefined && due !== '' && due < today;
  });
  const entries = await Promise.all(
    overdue.map(async (issue) => {
      const dates = (await tracker.listComments(issue.number)).map((c) => readReminderMarker(c.body)).filter((d): d is string => !!d);
      return [issue.number, dates.sort().at(-1)] as const;
    }),
  );
  return new Map(entries.filter((e): e is readonly [number, string] => e[1] !== undefined));
}
