/**
 * The deprecation window (issue 4 §5): an element may break only when its marker has been on the base
 * branch continuously for at least the window. The clock starts at the oldest version of the newest
 * unbroken run of marked versions, so removing and re-adding a marker restarts it, and so does a
 * deletion of the file or an unparsable version in between. The start's landing date is a fact the
 * caller proves by the server's clock (landing-proof.ts), never text from the PR; a start nothing
 * proves is `unproven`, which blocks like `pending`.
 */
import type { ChangeElement } from '../../avro/diff/index.js';
import type { Schema } from '../../avro/model.js';
import type { LandingFact, LandingProofSource } from './landing-proof.js';
import { elementLabel, markerOf } from './markers.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One committed version of a subject on the base branch. */
export interface MarkedVersion {
  /** The first-parent commit that brought this version onto the base branch. */
  readonly commit: string;
  readonly schema: Schema;
  /** The file was deleted, or a version did not parse, just before this one: no marker run reaches past it. */
  readonly afterGap?: boolean;
  /** Full name of each named type → the path of the file defining it at this commit (its own or a referenced one). */
  readonly typeFiles?: ReadonlyMap<string, string>;
}

export type WindowStatus = 'mature' | 'pending' | 'unproven' | 'unmarked';

export interface DeprecationVerdict {
  readonly element: ChangeElement;
  readonly label: string;
  readonly status: WindowStatus;
  /** When the current unbroken run of the marker landed (absent when unmarked or unproven). */
  readonly since?: string;
  /** The commit that brought it. */
  readonly commit?: string;
  /** How `since` is known: its source and the record behind it (absent when unmarked). */
  readonly landing?: LandingFact;
  /** `since` plus the window, ISO 8601: the first moment the element may be removed. */
  readonly removableOn?: string;
  /** Whole days until removable (0 when mature). */
  readonly daysLeft?: number;
  /** The marker's own reason text, e.g. "use memo". */
  readonly reason?: string;
  /** Status `unproven`: why the start cannot be dated or its continuity proven, and what to do. */
  readonly problem?: string;
  /** The file defining the element's type on the base branch (a referenced file for a shared type). */
  readonly definedIn?: string;
  /** Where the defining file was when the marker landed, when it was renamed since. */
  readonly markedIn?: string;
}

/** The proven landing dates (by commit) and the clock the window is measured on. */
export interface WindowClock {
  readonly landings: ReadonlyMap<string, LandingFact>;
  readonly now: Date;
  readonly windowDays: number;
}

/** The start of the element's marker run that reaches the latest version; undefined when unmarked there. */
export function markerRun(versions: readonly MarkedVersion[], element: ChangeElement): { start: MarkedVersion; reason?: string } | undefined {
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
  if (start === undefined) return undefined;
  return reason === undefined ? { start } : { start, reason };
}

/**
 * `versions` oldest first; the clock's landings must hold the run's start commit. `definers` names
 * the file defining each type on the base commit (the table's "Defined in").
 */
export function deprecationVerdict(versions: readonly MarkedVersion[], element: ChangeElement, clock: WindowClock, definers?: ReadonlyMap<string, string>): DeprecationVerdict {
  const label = elementLabel(element);
  const owner = element.kind === 'type' ? element.name : (element.record ?? '');
  const definedIn = definers?.get(owner);
  const where = definedIn === undefined ? {} : { definedIn };
  const run = markerRun(versions, element);
  if (run === undefined) return { element, label, status: 'unmarked', ...where };
  const landing = clock.landings.get(run.start.commit) ?? notGathered(run.start.commit);
  const markedIn = run.start.typeFiles?.get(owner);
  const moved = markedIn !== undefined && definedIn !== undefined && markedIn !== definedIn ? { markedIn } : {};
  const base = { element, label, commit: run.start.commit, landing, ...where, ...moved, ...(run.reason !== undefined && { reason: run.reason }) };
  const since = landing.at === undefined ? NaN : Date.parse(landing.at);
  if (Number.isNaN(since)) {
    const problem = landing.at === undefined ? landing.detail : `the landing date ${JSON.stringify(landing.at)} of commit ${run.start.commit.slice(0, 12)} is not a date; this is a bug, please report it`;
    return { ...base, status: 'unproven', problem };
  }
  const removable = since + clock.windowDays * DAY_MS;
  const now = clock.now.getTime();
  const mature = now >= removable;
  return {
    ...base,
    status: mature ? 'mature' : 'pending',
    since: new Date(since).toISOString(),
    removableOn: new Date(removable).toISOString(),
    daysLeft: mature ? 0 : Math.ceil((removable - now) / DAY_MS),
  };
}

const SOURCE_LABEL: Record<LandingProofSource, string> = {
  activity: 'repository activity',
  'pr-merged-at': 'pull request merge time',
  'web-flow-committer-date': 'commit created by GitHub',
  'committer-date': 'committer date, not verified',
  unproven: 'unproven',
};

/** How reports name a landing source, e.g. "repository activity". */
export function landingSourceLabel(source: LandingProofSource): string {
  return SOURCE_LABEL[source];
}

/** One line for people: "Tick.bid: deprecated since 2026-10-01 (repository activity), removable on 2026-10-31 (5 day(s) left)". */
export function describeVerdict(verdict: DeprecationVerdict): string {
  if (verdict.status === 'unmarked') return `${verdict.label}: not marked deprecated on the base branch`;
  if (verdict.status === 'unproven') return `${verdict.label}: deprecation date unproven: ${verdict.problem ?? 'no landing record'}`;
  const since = verdict.since?.slice(0, 10);
  const source = verdict.landing === undefined ? '' : ` (${landingSourceLabel(verdict.landing.source)})`;
  const on = verdict.removableOn?.slice(0, 10);
  const left = verdict.status === 'mature' ? 'removable now' : `${verdict.daysLeft} day(s) left`;
  return `${verdict.label}: deprecated since ${since}${source}, removable on ${on} (${left})`;
}

/** A start commit the caller did not date: a bug, but never a reason to allow the break. */
function notGathered(commit: string): LandingFact {
  return { commit, source: 'unproven', detail: `no landing record was gathered for commit ${commit.slice(0, 12)}; this is a bug, please report it` };
}
