/** The metrics of `guardrails expire-snapshots`, per table, from its typed run result. */
import type { ExpirationRun, TableSummary } from '../../iceberg/job/index.js';
import type { FileKind } from '../../iceberg/plan/file-plan.js';
import { EXPIRE_FILE_KINDS, sample, type ExpireFileKind, type JobSample } from '../../scheduler/job-metric-catalogue.js';

/**
 * Our file kinds as Spark's six: deletion vectors are position deletes (Iceberg spec v3). Kinds
 * Spark does not count (old metadata JSON files trimmed from the log) are left out.
 */
const SPARK_KIND: Readonly<Partial<Record<FileKind, ExpireFileKind>>> = {
  data: 'data',
  'position-deletes': 'position_delete',
  'deletion-vectors': 'position_delete',
  'equality-deletes': 'equality_delete',
  manifests: 'manifest',
  'manifest-lists': 'manifest_list',
  statistics: 'statistics',
};

/** Every table the run reached gets every series, 0 included; a dry run deletes and expires nothing. */
export function expireSnapshotsMetrics(run: ExpirationRun): JobSample[] {
  return run.tables.flatMap((table) => tableMetrics(table));
}

function tableMetrics(summary: TableSummary): JobSample[] {
  const { table } = summary;
  const deleted = new Map<ExpireFileKind, number>(EXPIRE_FILE_KINDS.map((kind) => [kind, 0]));
  if (!summary.dryRun) {
    for (const [kind, { count }] of Object.entries(summary.files) as [FileKind, { count: number }][]) {
      const spark = SPARK_KIND[kind];
      if (spark !== undefined) deleted.set(spark, (deleted.get(spark) ?? 0) + count);
    }
  }
  // A delete a stop kept from starting is pending, not refused: the next run deletes it.
  const committed = !summary.dryRun && summary.metadataLocation !== undefined;
  const undeletable = summary.deleteFailures.filter((failure) => failure.notAttempted !== true).length;
  return [
    ...[...deleted].map(([kind, count]) => sample('expireFilesDeleted', count, { table, kind })),
    // Planned snapshots count only once committed: a table that failed before its commit expired none.
    sample('expireSnapshotsExpired', committed ? summary.expiredSnapshotIds.length : 0, { table }),
    sample('expireUndeletable', summary.dryRun ? 0 : undeletable, { table }),
  ];
}
