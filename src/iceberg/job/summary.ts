/** The per-table result: part of the run's JSON report (docs/iceberg-expiration.md), rendered for people and the GitHub job summary. */
import type { DeleteFailure } from '../io/file-io.js';
import type { FileKind, PlannedDeletion } from '../plan/file-plan.js';

/** `stopped`: a signal came before this table's commit, so nothing of it was written. */
export type TableStatus = 'expired' | 'nothing-to-expire' | 'dry-run' | 'failed' | 'stopped';

export interface TableSummary {
  readonly table: string;
  readonly status: TableStatus;
  readonly dryRun: boolean;
  readonly snapshotsBefore: number;
  readonly snapshotsAfter: number;
  readonly expiredSnapshotIds: readonly string[];
  readonly droppedRefs: readonly string[];
  /** `--clean-expired-metadata`: partition spec ids and schema ids removed from the metadata (decimal text). */
  readonly removedPartitionSpecIds: readonly string[];
  readonly removedSchemaIds: readonly string[];
  /** Deleted files (or, in a dry run, files that would be deleted) by kind. */
  readonly files: Readonly<Record<FileKind, { count: number; bytes: number }>>;
  readonly bytes: number;
  /** The six counts of Spark's expire_snapshots procedure, for this table (DVs count as position deletes, as in Java). */
  readonly sparkCounts: SparkCounts;
  /** Bytes of the files really deleted (0 in a dry run). */
  readonly bytesReclaimed: number;
  /** Wall time of this run's own deletes after its commit, and files deleted per second in it (null when none). */
  readonly deleteDurationMs: number;
  readonly filesPerSecond: number | null;
  /** Also counted in `files`: files of an earlier, interrupted cleanup (deleted, or planned in a dry run). */
  readonly resumedDeletions: number;
  readonly deleteFailures: readonly DeleteFailure[];
  /** Expired files a stop kept this run from deleting; the next run's resume deletes them. */
  readonly pendingDeletions: number;
  readonly warnings: readonly string[];
  readonly commitAttempts: number;
  readonly previousMetadataLocation: string | undefined;
  readonly metadataLocation: string | undefined;
  readonly durationMs: number;
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /** Dry runs list every planned deletion; real runs omit them to keep the output small. */
  readonly plannedDeletions: readonly PlannedDeletion[] | undefined;
}

export interface SparkCounts {
  readonly deleted_data_files_count: number;
  readonly deleted_position_delete_files_count: number;
  readonly deleted_equality_delete_files_count: number;
  readonly deleted_manifest_files_count: number;
  readonly deleted_manifest_lists_count: number;
  readonly deleted_statistics_files_count: number;
}

/** One run over the selected tables of a catalog: the body of the JSON report. */
export interface ExpirationRun {
  readonly catalog: string;
  readonly shard: { readonly index: number; readonly count: number };
  readonly dryRun: boolean;
  /** The instant ages were measured from, ISO 8601 UTC. */
  readonly now: string;
  /** A signal stopped the run: see `notStarted`, the `stopped` tables and each table's `pendingDeletions`. */
  readonly stopped: boolean;
  /** In the order they ran. */
  readonly tables: readonly TableSummary[];
  /** Selected tables a stop kept from starting (`catalog.namespace.table`). */
  readonly notStarted: readonly string[];
}
