/** The facts `guardrails drift` compares and the findings it reports. */
import type { CompatibilityLevel } from '../types.js';

/** One schema file on the default branch, mapped to its subject by guardrails.yaml. */
export interface RepositorySubject {
  readonly subject: string;
  readonly file: string;
  /** The level guardrails.yaml gives the subject. */
  readonly level: CompatibilityLevel;
  /** The comparable form (canonical.ts) of the file at the compared commit. */
  readonly head: string;
  /** The comparable forms of every committed revision of the file, head included. */
  readonly history: ReadonlySet<string>;
}

/** One version as the registry holds it. */
export interface SnapshotVersion {
  readonly version: number;
  readonly id: number;
  /** Comparable form; undefined for a schema that is not JSON (another schema type, say). */
  readonly form: string | undefined;
  readonly schemaType: string;
  readonly deleted: boolean;
  readonly references: readonly { readonly subject: string; readonly version: number }[];
}

export interface SnapshotSubject {
  readonly subject: string;
  /** Every version, soft-deleted ones included, by ascending number. */
  readonly versions: readonly SnapshotVersion[];
  /** The effective level: the subject's override, else the global one. */
  readonly level: CompatibilityLevel | undefined;
  /** The effective mode: the subject's override, else the global one. */
  readonly mode: string;
}

export interface RegistrySnapshot {
  readonly subjects: ReadonlyMap<string, SnapshotSubject>;
}

export const DRIFT_KINDS = [
  'unmanaged-subject',
  'missing-subject',
  'latest-mismatch',
  'foreign-version',
  'level-mismatch',
  'mode-not-readwrite',
  'deleted-but-referenced',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface DriftFinding {
  readonly kind: DriftKind;
  readonly subject: string;
  /** The registry version concerned, when one is. */
  readonly version: number | null;
  readonly id: number | null;
  /** The schema file, when one maps to the subject. */
  readonly file: string | null;
  /** What git says, in a few words. */
  readonly expected: string | null;
  /** What the registry has. */
  readonly actual: string | null;
  /** What to do about it. */
  readonly action: string;
  /** Stable identity of the drift across runs: one tracked issue per key. */
  readonly key: string;
}
