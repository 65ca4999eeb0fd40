/**
 * The deprecation window (issue 4 §5): an element may break only when its marker has been on the base
 * branch continuously for at least the window. The clock starts at the oldest version of the newest
 * unbroken run of marked versions, so removing and re-adding a marker restarts it, and so does a
 * deletion of the file or an unparsable version in between. Dates are landing
 * dates supplied by the caller (first-parent commit or merge time), never text from the PR.
 */
import type { ChangeElement } from '../../avro/diff/index.js';
import type { Schema } from '../../avro/model.js';
import { elementLabel, markerOf } from './markers.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One committed version of a subject on the base branch. */
export interface MarkedVersion {
  readonly commit: string;
  /** When the version landed on the base branch, ISO 8601. */
  readonly landedAt: string;
  readonly schema: Schema;
  /** The file was deleted, or a version did not parse, just before this one: no marker run reaches past it. */
  readonly afterGap?: boolean;
}

export type WindowStatus = 'mature' | 'pending' | 'unmarked';

export interface DeprecationVerdict {
  readonly element: ChangeElement;
  readonly label: string;
  readonly status: WindowStatus;
  /** When the current unbroken run of the marker landed. */
  readonly since?: string;
  /** The commit that brought it. */
  readonly commit?: string;
  /** `since` plus the window, ISO 8601: the first moment the element may be removed. */
  readonly removableOn?: string;
  /** Whole days until removable (0 when mature). */
  readonly daysLeft?: number;
  readonly reason?: string;
}

/** `versions` oldest first; `now` and `windowDays` decide maturity. */
export function deprecationVerdict(versions: readonly MarkedVersion[], element: ChangeElement, now: Date, windowDays: number): DeprecationVerdict {
  const label = elementLabel(element);
  let start: MarkedVersion | undefined;
  let reason: string | undefined;
  for (let i = versions.length - 1; i >= 0; i--) {
    const version = versions[i] as MarkedVersion;
    const marker = markerOf(version.schema, element);
    if (!marker?.deprecated) break;
    start = version;
    reason ??= marker.reason;
    if (version.afterGap === true) break;
  }
  if (start === undefined) return { element, label, status: 'unmarked' };
  const since = Date.parse(start.landedAt);
  const removable = since + windowDays * DAY_MS;
  const left = Math.max(0, Math.ceil((removable - now.getTime()) / DAY_MS));
  return {
    element,
    label,
    status: now.getTime() >= removable ? 'mature' : 'pending',
    since: new Date(since).toISOString(),
    commit: start.commit,
    removableOn: new Date(removable).toISOString(),
    daysLeft: now.getTime() >= removable ? 0 : left,
    ...(reason !== undefined && { reason }),
  };
}

/** One line for people: "Tick.bid: deprecated since 2026-10-01, removable on 2026-10-31 (5 days left)". */
export function describeVerdict(verdict: DeprecationVerdict): string {
  if (verdict.status === 'unmarked') return `${verdict.label}: not marked deprecated on the base branch`;
  const since = verdict.since?.slice(0, 10);
  const on = verdict.removableOn?.slice(0, 10);
  const left = verdict.status === 'mature' ? 'removable now' : `${verdict.daysLeft} day(s) left`;
  return `${verdict.label}: deprecated since ${since}, removable on ${on} (${left})`;
}
