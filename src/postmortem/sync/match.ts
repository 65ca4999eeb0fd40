/** Pairs report items with existing issues: by key, then (for edited text) by position or similar text. */
import type { ActionItem, IncidentReport } from '../model.js';
import type { TrackedIssue } from '../github/tracker.js';
import { itemKey, normaliseText, readActionMarker, type ActionMarker } from './key.js';

export interface KeyedItem {
  readonly report: IncidentReport;
  readonly item: ActionItem;
  readonly key: string;
}

export interface Pairing {
  readonly pairs: ReadonlyArray<{ item: KeyedItem; issue?: TrackedIssue; rekeyed: boolean }>;
  /** Issues whose marker matches no current item (item deleted from its report): reported, never closed. */
  readonly orphans: readonly TrackedIssue[];
  /** Extra issues with a key that another, older issue already holds (earlier duplicates): reported. */
  readonly duplicates: readonly TrackedIssue[];
}

export function keyItems(reports: readonly IncidentReport[]): KeyedItem[] {
  return reports.flatMap((report) => report.actions.map((item) => ({ report, item, key: itemKey(report.incidentId, item.text) })));
}

export function pairItems(items: readonly KeyedItem[], issues: readonly TrackedIssue[]): Pairing {
  const marked = issues
    .map((issue) => ({ issue, marker: readActionMarker(issue.body) }))
    .filter((m): m is { issue: TrackedIssue; marker: ActionMarker } => m.marker !== undefined)
    .sort((a, b) => a.issue.number - b.issue.number);
  const byKey = new Map<string, TrackedIssue>();
  const duplicates: TrackedIssue[] = [];
  for (const { issue, marker } of marked) {
    if (byKey.has(marker.key)) duplicates.push(issue);
    else byKey.set(marker.key, issue);
  }
  const currentKeys = new Set(items.map((i) => i.key));
  const free = marked.filter((m) => !currentKeys.has(m.marker.key) && !duplicates.includes(m.issue));
  const pairs = items.map((item) => {
    const issue = byKey.get(item.key);
    if (issue) return { item, issue, rekeyed: false };
    const orphan = takeOrphan(item, free);
    return orphan ? { item, issue: orphan, rekeyed: true } : { item, rekeyed: false };
  });
  return { pairs, orphans: free.map((f) => f.issue), duplicates };
}

// An item whose text was edited lost its key; its old issue is the unclaimed one from the same report at the same
// position, or failing that the one with the most similar text (at least half the words shared).
function takeOrphan(item: KeyedItem, free: Array<{ issue: TrackedIssue; marker: ActionMarker }>) {
  const same = free.filter((f) => f.marker.incident === item.report.incidentId && f.marker.src === item.report.file);
  const byPosition = same.find((f) => f.marker.item === item.item.ordinal);
  const best = byPosition ?? mostSimilar(item.item.text, same);
  if (!best) return undefined;
  free.splice(free.indexOf(best), 1);
  return best.issue;
}

function mostSimilar(text: string, candidates: Array<{ issue: TrackedIssue; marker: ActionMarker }>) {
  const words = new Set(normaliseText(text).split(' '));
  let best: { issue: TrackedIssue; marker: ActionMarker } | undefined;
  let bestScore = 0.5;
  for (const c of candidates) {
    const other = new Set(normaliseText(c.issue.title.replace(/^\[[^\]]*\]\s*/, '')).split(' '));
    const shared = [...words].filter((w) => other.has(w)).length;
    const score = shared / Math.max(words.size, other.size);
    if (score >= bestScore) [best, bestScore] = [c, score];
  }
  return best;
}
