/** Assembles a TableSummary from the pieces one table's run produced. */
import type { CleanupResult } from '../cleanup/execute.js';
import { IcebergError, describeError, isStopped } from '../errors.js';
import { type PlannedDeletion, summariseDeletions } from '../plan/file-plan.js';
import type { Attempt, TableJobOptions } from './expire-table.js';
import type { ResumedCleanup } from './resume.js';
import type { TableSummary } from './summary.js';

export interface SummaryParts {
  readonly name: string;
  readonly options: TableJobOptions;
  readonly attempt: Attempt | undefined;
  readonly resumed: ResumedCleanup | undefined;
  readonly cleanup: { result: CleanupResult; warnings: string[] } | undefined;
  readonly startedMs: number;
  readonly now: number;
  readonly error?: unknown;
}

function status(parts: SummaryParts): TableSummary['status'] {
  if (parts.error !== undefined) return isStopped(parts.error) ? 'stopped' : 'failed';
  if (parts.options.dryRun) return 'dry-run';
  return parts.attempt?.newLocation !== undefined ? 'expired' : 'nothing-to-expire';
}

export function buildSummary(parts: SummaryParts): TableSummary {
  const { attempt, options } = parts;
  const resumedPlanned = parts.resumed?.plan.deletions ?? [];
  const planned: readonly PlannedDeletion[] = options.dryRun ? [...resumedPlanned, ...(attempt?.filePlan?.deletions ?? [])] : [];
  const resumedDeleted = parts.resumed?.result?.deleted ?? [];
  const deleted = [...resumedDeleted, ...(parts.cleanup?.result.deleted ?? [])];
  const counted = options.dryRun ? planned : deleted;
  const files = summariseDeletions(counted);
  const before = attempt?.base.view.snapshots.length ?? 0;
  const expired = attempt?.plan.expiredSnapshotIds ?? [];
  const error = parts.error;
  return {
    table: parts.name,
    status: status(parts),
    dryRun: options.dryRun,
    snapshotsBefore: before,
    snapshotsAfter: before - expired.length,
    expiredSnapshotIds: expired,
    droppedRefs: attempt?.plan.droppedRefs ?? [],
    files,
    bytes: counted.reduce((sum, d) => sum + d.sizeBytes, 0),
    resumedDeletions: options.dryRun ? resumedPlanned.length : resumedDeleted.length,
    deleteFailures: [...(parts.resumed?.result?.failures ?? []), ...(parts.cleanup?.result.failures ?? [])],
    pendingDeletions: (parts.resumed?.result?.pending.length ?? 0) + (parts.cleanup?.result.pending.length ?? 0),
    warnings: [...(options.dryRun ? attempt?.filePlan?.warnings ?? [] : []), ...(parts.resumed?.plan.warnings ?? []), ...(parts.cleanup?.warnings ?? [])],
    commitAttempts: options.dryRun ? 0 : attempt?.attempts ?? 0,
    previousMetadataLocation: attempt?.base.location,
    metadataLocation: attempt?.newLocation,
    durationMs: parts.now - parts.startedMs,
    error: error === undefined ? undefined : { code: error instanceof IcebergError ? error.code : 'INTERNAL', message: describeError(error) },
    plannedDeletions: options.dryRun ? planned : undefined,
  };
}
