/** The typed inputs and results of `guardrails register` (src/registry/register/). */
import type { CompatibilityLevel, SchemaReference } from '../types.js';

/** One schema file of the repository, named as a subject by guardrails.yaml. */
export interface SchemaFile {
  readonly file: string;
  readonly text: string;
  /** Qualified subject (`:.ctx:name` in a context). */
  readonly subject: string;
  /** The level guardrails.yaml gives the subject. */
  readonly level: CompatibilityLevel;
  /** Files whose named types this file uses, with the type's full name (the reference name). */
  readonly uses: readonly { readonly file: string; readonly name: string }[];
}

/** Proof, read from where the pushed tree cannot forge it, that the merged PR allowed breaks. */
export interface MergedPrProof {
  readonly pr: number;
  readonly headSha: string;
  readonly checkRunId: number;
  readonly approvers: readonly string[];
  readonly overriddenBy?: string;
  /** Subject → matured deprecation markers, for each break the PR's check allowed. */
  readonly allowed: ReadonlyMap<string, readonly string[]>;
}

export type EntryAction =
  /** The subject's latest version already holds the file. */
  | 'unchanged'
  /** Registered (or, in a dry run, would be). */
  | 'registered'
  | 'planned'
  /** An allowed break, registered through a compatibility-group bump or a temporary NONE level. */
  | 'registered-break'
  | 'planned-break'
  /** Incompatible and not allowed: the registry's messages say why. */
  | 'refused'
  /** The file equals an older version; re-posting it would return that version, not a new latest. */
  | 'not-latest'
  | 'failed'
  | 'skipped';

export interface RegisterEntry {
  readonly subject: string;
  readonly file: string;
  readonly action: EntryAction;
  readonly id?: number;
  readonly version?: number;
  readonly references: readonly SchemaReference[];
  /** The level written because the registry's differed from guardrails.yaml (`from` → `to`). */
  readonly levelSet?: { readonly from: CompatibilityLevel | undefined; readonly to: CompatibilityLevel };
  /** How an allowed break got in. */
  readonly via?: { readonly kind: 'compatibility-group'; readonly property: string; readonly from?: string; readonly to: string } | { readonly kind: 'temporary-level'; readonly restored: boolean };
  /** The registry's own messages, for a refused or failed entry, or a reason for a skip. */
  readonly messages: readonly string[];
}

/** One line of the audit trail per allowed break written (docs/registry-gitops.md). */
export interface AuditLine {
  readonly at: string;
  readonly subject: string;
  readonly version?: number;
  readonly id?: number;
  readonly pr: number;
  readonly headSha: string;
  readonly checkRunId: number;
  readonly approvers: readonly string[];
  readonly matured: readonly string[];
  readonly overriddenBy?: string;
  readonly via: 'compatibility-group' | 'temporary-level';
}

export interface RegisterResult {
  readonly commit: string;
  readonly dryRun: boolean;
  readonly entries: readonly RegisterEntry[];
  readonly audit: readonly AuditLine[];
  /** Whether a signal stopped the run before every file was handled. */
  readonly stopped: boolean;
  /** Some entry was refused, failed, skipped or not the latest. */
  readonly failed: boolean;
}
