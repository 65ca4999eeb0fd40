/** What a remove-orphans run reports, per table and for the run: the same fields in text, JSON and the job summary. */
import type { DeleteFailure } from '../io/file-io.js';
import type { PrefixMismatch } from './plan.js';

export interface OrphanCounts {
  /** Files the listing of the table location returned. */
  readonly listed: number;
  /** Locations the metadata references (metadata files, lists, manifests, content, statistics, version hint). */
  readonly referencedLocations: number;
  /** Listed files that are referenced. */
  readonly referenced: number;
  readonly skippedHidden: number;
  readonly skippedTooYoung: number;
  readonly skippedPrefixMismatch: number;
  /** Orphans older than the cutoff. */
  readonly orphans: number;
  readonly orphanBytes: number;
  /** Orphans not yet marked long enough (two-phase mode). */
  readonly awaitingMark: number;
  /** Marks added by this run. */
  readonly marked: number;
  readonly deleted: number;
  readonly deletedBytes: number;
  readonly deleteFailures: number;
  readonly notAttempted: number;
  /** Planned orphans a commit made since the plan came to reference: kept. */
  readonly nowReferenced: number;
}

export interface OrphanFileLine {
  readonly path: string;
  readonly sizeBytes: number;
  /** Age at the run's instant. */
  readonly ageMs: number;
  /** When the two-phase mode first marked it (ISO 8601). */
  readonly markedAt?: string;
}

export interface OrphanTableSummary {
  readonly table: string;
  readonly status: 'cleaned' | 'planned' | 'failed' | 'stopped';
  readonly dryRun: boolean;
  readonly location: string | undefined;
  readonly metadataLocation: string | undefined;
  readonly counts: OrphanCounts;
  /** Deleted files per second of deleting (undefined when nothing was sent). */
  readonly filesPerSecond: number | undefined;
  readonly deleteMs: number;
  readonly durationMs: number;
  /** Dry run: every file it would delete; otherwise every file it deleted. */
  readonly files: readonly OrphanFileLine[];
  readonly prefixMismatches: readonly PrefixMismatch[];
  readonly failures: readonly DeleteFailure[];
  readonly warnings: readonly string[];
  readonly error?: { readonly code: string; readonly message: string };
}

export interface OrphanRun {
  readonly catalog: string;
  readonly shard: { readonly index: number; readonly count: number };
  readonly dryRun: boolean;
  readonly now: string;
  readonly cutoff: string;
  readonly prefixMismatch: string;
  readonly mode: 'delete' | 'mark' | 'delete-marked' | 'mark-and-delete-marked';
  readonly stopped: boolean;
  readonly totals: OrphanCounts & { readonly filesPerSecond: number | undefined };
  readonly tables: readonly OrphanTableSummary[];
  readonly notStarted: readonly string[];
}

export const ZERO_COUNTS: OrphanCounts = {
  listed: 0, referencedLocations: 0, referenced: 0, skippedHidden: 0, skippedTooYoung: 0, skippedPrefixMismatch: 0,
  orphans: 0, orphanBytes: 0, awaitingMark: 0, marked: 0, deleted: 0, deletedBytes: 0, deleteFailures: 0, notAttempted: 0, nowReferenced: 0,
};

export function addCounts(a: OrphanCounts, b: OrphanCounts): OrphanCounts {
  const out: Record<string, number> = {};
  for (const key of Object.keys(ZERO_COUNTS) as Array<keyof OrphanCounts>) out[key] = a[key] + b[key];
  return out as unknown as OrphanCounts;
}

export function filesPerSecond(deleted: number, ms: number): number | undefined {
  if (deleted === 0 || ms <= 0) return undefined;
  return Math.round((deleted / ms) * 1000 * 10) / 10;
}
