/**
 * The check report: plain data built by the check and rendered as text, JSON or GitHub workflow
 * commands. The JSON form (json.ts) is a stable projection of it, documented in docs/report-format.md.
 */
import type { CompatibilityLevel, Direction } from '../../avro/compat/index.js';
import type { Severity } from '../../avro/diff/index.js';
import type { Evolution } from './evolution.js';

/** Bumped only when a field changes meaning or disappears; new fields keep the version. */
export const REPORT_VERSION = 1;

/**
 * - `changed`: the schema files changed since the merge-base with the base ref;
 * - `all`: every schema file (`--all`);
 * - `audit`: nothing changed, so every subject's whole history is checked version by version;
 * - `files`: the files given to `guardrails compat`.
 */
export type CheckMode = 'changed' | 'all' | 'audit' | 'files';

export type SubjectStatus = 'compatible' | 'incompatible' | 'new' | 'deleted' | 'error';

export interface CheckReport {
  readonly reportVersion: typeof REPORT_VERSION;
  /** False when any subject is incompatible or in error. */
  readonly ok: boolean;
  readonly mode: CheckMode;
  /** The git base the check ran against; null for `guardrails compat`. */
  readonly against: BaseRef | null;
  readonly subjects: readonly SubjectReport[];
  /** Problems that did not stop the check (config warnings), one line each. */
  readonly warnings: readonly string[];
  /** Where the verdicts came from: the git history (offline, the default) or the Schema Registry. */
  readonly source?: 'git' | 'registry';
  /** The registry asked (without credentials), for registry checks and degraded ones. */
  readonly registryUrl?: string;
  /**
   * Set when the registry was unavailable and `on-registry-unavailable: offline` fell back to the git
   * history: the verdicts are not the registry's. Every output shows it.
   */
  readonly degraded?: { readonly reason: string };
}

export interface BaseRef {
  /** The ref as given (or the default that was picked), e.g. `origin/HEAD`. */
  readonly ref: string;
  readonly commit: string;
  /** Where HEAD left the base: changes are counted from here. */
  readonly mergeBase: string;
}

/** A text excerpt for people: one source line (cut around the position when long) and the caret column in it. */
export interface Excerpt {
  readonly text: string;
  readonly column: number;
}

/** Where something is: a file and, when known, a 1-based line and column. */
export interface Position {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Set when the position is in a committed version rather than the working tree (audits). */
  readonly commit?: string;
  readonly excerpt?: Excerpt;
}

/** One committed version of the subject, as the history the check compared against. */
export interface HistoryVersion {
  /** Index into `history`, oldest first (findings' `version`). */
  readonly version: number;
  /** The first-parent commit that brought the version onto the base branch (absent for `compat` files). */
  readonly commit?: string;
  /** That commit's committer date, ISO 8601. */
  readonly date?: string;
  /** The file's path at that commit (or as given to `compat`). */
  readonly file: string;
  /** Registry checks: the registered version this entry is. */
  readonly registry?: { readonly subject: string; readonly version: number; readonly id: number };
}

export interface Incompatibility extends Position {
  /** Avro's incompatibility type, or UNEXPECTED_EXCEPTION. */
  readonly type: string;
  /** Avro Java's JSON-pointer location in the reader schema. */
  readonly location: string;
  /** Avro Java's message. */
  readonly message: string;
  /** Confluent's (CP ≥ 7.4) description. */
  readonly description: string;
  /** Index into the subject's `history` of the version it failed against. */
  readonly version: number;
  /** 'backward': the new schema reads old data; 'forward': the old schema reads new data. */
  readonly direction: Direction;
  /** Audits: index into `history` of the version that was the candidate. Absent for the working-tree file. */
  readonly candidateVersion?: number;
}

export interface Change {
  /** Semantic-diff rule id, e.g. FIELD_REMOVED. */
  readonly rule: string;
  readonly severity: Severity;
  /** Human path in the new schema, e.g. `Tick.quote.bid`. */
  readonly path: string;
  readonly message: string;
  /** For warnings: why it matters although the registry accepts it. */
  readonly reason?: string;
  /** Where in the new schema, when the changed element exists there. */
  readonly position?: Position;
}

export interface SubjectError extends Position {
  /** SchemaError code (INVALID_JSON, MISSING_REFERENCE, ...) or a check-level code (SUBJECT_NAMING, DUPLICATE_SUBJECT, READ_ERROR). */
  readonly code: string;
  /** The whole one-line message, with file:line:column. */
  readonly message: string;
}

export interface SubjectReport {
  /** The registry subject; null when it could not be determined (see `error`). */
  readonly subject: string | null;
  /** The schema file in the working tree (for a deleted subject, its last path). */
  readonly file: string;
  /** For a renamed file: its path on the base branch. */
  readonly previousFile?: string;
  readonly level: CompatibilityLevel;
  readonly status: SubjectStatus;
  /** True for compatible, new and deleted subjects. */
  readonly compatible: boolean;
  readonly incompatibilities: readonly Incompatibility[];
  /** Semantic diff from the latest committed version to the working-tree file. */
  readonly changes: readonly Change[];
  /** The committed versions compared against, oldest first. */
  readonly history: readonly HistoryVersion[];
  /** Audits: what each of those versions changed since the one before it, packed (evolution.ts). */
  readonly evolution?: Evolution;
  /** Set when status is `error`. */
  readonly error?: SubjectError;
  /** Problems that did not stop this subject's check (e.g. a committed version that does not parse). */
  readonly warnings: readonly string[];
  /** Registry checks: what the registry said and what the local engine said about the same versions. */
  readonly registry?: RegistryVerdict;
}

/** A schema reference sent with the candidate. */
export interface SentReference {
  readonly name: string;
  readonly subject: string;
  readonly version: number;
}

export interface RegistryVerdict {
  /**
   * The registry's answer: `compatible`, `incompatible`, `new` (the subject has no live version) or
   * `unchecked` (a referenced schema is not registered yet, so the registry could not be asked; the
   * local engine's verdict on the registry's versions stands in).
   */
  readonly verdict: 'compatible' | 'incompatible' | 'new' | 'unchecked';
  /** The verbose messages as the registry sent them. */
  readonly messages: readonly string[];
  /** The cross-check: the local engine on the same registered versions at the same level. */
  readonly local: 'compatible' | 'incompatible' | 'new';
  /** The references sent with the candidate. */
  readonly references: readonly SentReference[];
}

/** 0 all compatible, 1 some subject incompatible, 2 some subject in error (bad input wins). */
export function exitCodeOf(report: CheckReport): 0 | 1 | 2 {
  if (report.subjects.some((s) => s.status === 'error')) return 2;
  if (report.subjects.some((s) => s.status === 'incompatible')) return 1;
  return 0;
}
