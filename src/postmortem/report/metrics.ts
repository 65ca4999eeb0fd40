/** Follow-up metrics: open, done, overdue and the share done on time, per severity, per owner and per due month. */
import type { IncidentReport } from '../model.js';
import type { TrackedIssue } from '../github/tracker.js';
import { keyItems, pairItems } from '../sync/match.js';

export interface Tally {
  total: number;
  open: number;
  done: number;
  overdue: number;
  /** Items done by their due date. */
  onTime: number;
  /** Items that could be on time or late by now: due date passed, or done with a known close date. */
  eligible: number;
  /** onTime / eligible in percent with one decimal; null when nothing is eligible yet. */
  onTimePct: number | null;
}

export interface FollowupMetrics {
  readonly totals: Tally;
  readonly bySeverity: Record<string, Tally>;
  readonly byOwner: Record<string, Tally>;
  /** By month of the due date, oldest first, up to the current month. */
  readonly trend: Array<{ month: string } & Tally>;
}

interface ItemStatus {
  severity: string;
  owner: string;
  due: string;
  done: boolean;
  /** `YYYY-MM-DD` the issue was closed, when known. */
  doneOn?: string;
}

export function computeMetrics(reports: readonly IncidentReport[], issues: readonly TrackedIssue[], now: Date): FollowupMetrics {
  const today = now.toISOString().slice(0, 10);
  const statuses = pairItems(keyItems(reports), issues).pairs.map(({ item, issue }): ItemStatus => {
    const closed = issue?.state === 'closed';
    const done = closed || (item.item.done && issue?.state !== 'open') || (item.item.done && !issue);
    return {
      severity: item.report.severity ?? 'unknown', owner: item.item.owner, due: item.item.due, done,
      ...(closed && issue?.closedAt ? { doneOn: issue.closedAt.slice(0, 10) } : {}),
    };
  });
  const group = (keyOf: (s: ItemStatus) => string) => {
    const out: Record<string, Tally> = {};
    for (const s of statuses) out[keyOf(s)] = add(out[keyOf(s)] ?? empty(), s, today);
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, finish(t)]));
  };
  const trend = Object.entries(group((s) => s.due.slice(0, 7)))
    .filter(([month]) => month <= today.slice(0, 7))
    .map(([month, t]) => ({ month, ...t }));
  return {
    totals: finish(statuses.reduce((t, s) => add(t, s, today), empty())),
    bySeverity: group((s) => s.severity),
    byOwner: group((s) => s.owner),
    trend,
  };
}

function empty(): Tally {
  return { total: 0, open: 0, done: 0, overdue: 0, onTime: 0, eligible: 0, onTimePct: null };
}

function add(t: Tally, s: ItemStatus, today: string): Tally {
  const late = !s.done && s.due < today;
  const onTime = s.done && s.doneOn !== undefined && s.doneOn <= s.due;
  const eligible = (s.done && s.doneOn !== undefined) || late || (s.done && s.due < today);
  return {
    total: t.total + 1, open: t.open + (s.done ? 0 : 1), done: t.done + (s.done ? 1 : 0), overdue: t.overdue + (late ? 1 : 0),
    onTime: t.onTime + (onTime ? 1 : 0), eligible: t.eligible + (eligible ? 1 : 0), onTimePct: null,
  };
}

function finish(t: Tally): Tally {
  return { ...t, onTimePct: t.eligible === 0 ? null : Math.round((t.onTime / t.eligible) * 1000) / 10 };
}
