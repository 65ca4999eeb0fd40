/** The metrics of `guardrails remove-orphans`, per table, from its typed run result. */
import type { OrphanRun, OrphanTableSummary } from '../../iceberg/orphans/summary.js';
import { sample, type JobSample, type OrphanSkipReason } from '../../scheduler/job-metric-catalogue.js';

/** Every table the run reached gets every series, 0 included; a dry run deletes nothing. */
export function removeOrphansMetrics(run: OrphanRun): JobSample[] {
  return run.tables.flatMap((table) => tableMetrics(table));
}

function tableMetrics(summary: OrphanTableSummary): JobSample[] {
  const { table, counts } = summary;
  const deleting = !summary.dryRun;
  const skipped: Record<OrphanSkipReason, number> = { too_young: counts.skippedTooYoung, hidden: counts.skippedHidden, prefix_mismatch: counts.skippedPrefixMismatch };
  return [
    sample('orphansFilesDeleted', deleting ? counts.deleted : 0, { table }),
    sample('orphansBytesReclaimed', deleting ? counts.deletedBytes : 0, { table }),
    sample('orphansFound', counts.orphans, { table }),
    sample('orphansDeleteFailures', deleting ? counts.deleteFailures : 0, { table }),
    ...Object.entries(skipped).map(([reason, count]) => sample('orphansSkipped', count, { table, reason })),
    sample('orphansAwaitingMark', counts.awaitingMark, { table }),
    // A stopped table is unfinished, not failed: the next run finishes it.
    sample('orphansTableFailed', summary.status === 'failed' ? 1 : 0, { table }),
  ];
}
