/** The per-table result the job prints as JSON and renders for people and the GitHub job summary. */
import type { DeleteFailure } from '../io/file-io.js';
import type { FileKind, PlannedDeletion } from '../plan/file-plan.js';

export type TableStatus = 'expired' | 'nothing-to-expire' | 'dry-run' | 'failed';

export interface TableSummary {
  readonly version: 1;
  readonly table: string;
  readonly status: TableStatus;
  readonly dryRun: boolean;
  readonly snapshotsBefore: number;
  readonly snapshotsAfter: number;
  readonly expiredSnapshotIds: readonly string[];
  readonly droppedRefs: readonly string[];
  /** Deleted files (or, in a dry run, files that would be deleted) by kind. */
  readonly files: Readonly<Record<FileKind, { count: number; bytes: number }>>;
  readonly bytes: number;
  /** Also counted in `files`: files of an earlier, interrupted cleanup (deleted, or planned in a dry run). */
  readonly resumedDeletions: number;
  readonly deleteFailures: readonly DeleteFailure[];
  readonly warnings: readonly string[];
  readonly commitAttempts: number;
  readonly previousMetadataLocation: string | undefined;
  readonly metadataLocation: string | undefined;
  readonly durationMs: number;
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /** Dry runs list every planned deletion; real runs omit them to keep the output small. */
  readonly plannedDeletions: readonly PlannedDeletion[] | undefined;
}
