/** Assembles a TableSummary from the pieces one table's run produced. */
import { IcebergError, describeError, isStopped } from '../errors.js';
import { type FileKind, type PlannedDeletion, summariseDeletions } from '../plan/file-plan.js';
import type { AfterCommit, Attempt, CommitCounter, TableJobOptions } from './expire-table.js';
import type { ResumedCleanup } from './resume.js';
import type { SparkCounts, TableSummary } from './summary.js';

export interface SummaryParts {
  readonly name: string;
  readonly options: TableJobOptions;
  readonly attempt: Attempt | undefined;
  readonly counter: CommitCounter;
  readonly resumed: ResumedCleanup | undefined;
  readonly cleanup: AfterCommit | undefined;
  readonly startedMs: number;
  readonly now: number;
  readonly error?: unknown;
}

function status(parts: SummaryParts): TableSummary['status'] {
  if (parts.error !== undefined) return isStopped(parts.error) ? 'stopped' : 'failed';
  if (parts.options.dryRun) return 'dry-run';
  return parts.attempt?.newLocation !== undefined ? 'expired' : 'nothing-to-expire';
}

export function sparkCounts(files: Readonly<Record<FileKind, { count: number }>>): SparkCounts {
  return {
    deleted_data_files_count: files.data.count,
    deleted_position_delete_files_count: files['position-deletes'].count + files['deletion-vectors'].count,
    deleted_equality_delete_files_count: files['equality-deletes'].count,
    deleted_manifest_files_count: files.manifests.count,
    deleted_manifest_lists_count: files['manifest-lists'].count,
    deleted_statistics_files_count: files.statistics.count,
  };
}

export function buildSummary(parts: SummaryParts): TableSummary {
  const { attempt, options } = parts;
  const resumedPlanned = parts.resumed?.planned ?? [];
  const planned: readonly PlannedDeletion[] = options.dryRun ? [...resumedPlanned, ...(attempt?.filePlan?.deletions ?? [])] : [];
  const resumedDeleted = parts.resumed?.result?.deleted ?? [];
  const ownDeleted = parts.cleanup?.result.deleted ?? [];
  const deleted = [...resumedDeleted, ...ownDeleted];
  const counted = options.dryRun ? planned : deleted;
  const files = summariseDeletions(counted);
  const before = attempt?.base.view.snapshots.length ?? 0;
  const expired = attempt?.plan.expiredSnapshotIds ?? [];
  const error = parts.error;
  const deleteMs = parts.cleanup?.deleteMs ?? 0;
  return {
    table: parts.name,
    status: status(parts),
    dryRun: options.dryRun,
    snapshotsBefore: before,
    snapshotsAfter: before - expired.length,
    expiredSnapshotIds: expired,
    droppedRefs: attempt?.plan.droppedRefs ?? [],
    removedPartitionSpecIds: attempt?.metadataCleanup?.removedSpecIds ?? [],
    removedSchemaIds: attempt?.metadataCleanup?.removedSchemaIds ?? [],
    files,
    bytes: counted.reduce((sum, d) => sum + d.sizeBytes, 0),
    sparkCounts: sparkCounts(files),
    bytesReclaimed: deleted.reduce((sum, d) => sum + d.sizeBytes, 0),
    deleteDurationMs: deleteMs,
    filesPerSecond: ownDeleted.length > 0 ? Math.round((ownDeleted.length / Math.max(deleteMs, 1)) * 1000 * 10) / 10 : null,
    resumedDeletions: options.dryRun ? resumedPlanned.length : resumedDeleted.length,
    deleteFailures: [...(parts.resumed?.result?.failures ?? []), ...(parts.cleanup?.result.failures ?? [])],
    pendingDeletions: (parts.resumed?.result?.pending.length ?? 0) + (parts.cleanup?.result.pending.length ?? 0),
    warnings: [...(parts.resumed?.warnings ?? []), ...(options.dryRun ? attempt?.filePlan?.warnings ?? [] : []), ...(parts.cleanup?.warnings ?? [])],
    commitAttempts: options.dryRun ? 0 : parts.counter.attempts,
    previousMetadataLocation: attempt?.base.location,
    metadataLocation: attempt?.newLocation,
    durationMs: parts.now - parts.startedMs,
    error: error === undefined ? undefined : { code: error instanceof IcebergError ? error.code : 'INTERNAL', message: describeError(error) },
    plannedDeletions: options.dryRun ? planned : undefined,
  };
}
