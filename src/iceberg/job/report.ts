/** Renders a run for people: one block per table as it finishes, then what was done and what was not. */
import type { FileKind } from '../plan/file-plan.js';
import type { ExpirationRun, TableSummary } from './summary.js';

const LABELS: ReadonlyArray<[FileKind, string]> = [
  ['data', 'data files'], ['position-deletes', 'position deletes'], ['equality-deletes', 'equality deletes'],
  ['deletion-vectors', 'deletion vectors'], ['manifests', 'manifests'], ['manifest-lists', 'manifest lists'],
  ['statistics', 'statistics files'], ['metadata-files', 'metadata files'],
];

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

function fileLines(summary: TableSummary): string[] {
  const total = LABELS.reduce((n, [kind]) => n + summary.files[kind].count, 0);
  const verb = summary.dryRun ? 'would delete' : 'deleted';
  const lines = [`  ${verb} ${total} file(s), ${formatBytes(summary.bytes)}:`];
  for (const [kind, label] of LABELS) {
    const { count, bytes } = summary.files[kind];
    lines.push(`    ${label.padEnd(18)} ${String(count).padStart(8)}  ${formatBytes(bytes).padStart(10)}`);
  }
  return lines;
}

export function renderTableText(summary: TableSummary): string {
  const header = `${summary.table}: ${summary.status}${summary.dryRun ? ' (dry run: nothing written)' : ''}`;
  if (summary.status === 'failed' || summary.status === 'stopped') {
    const resumed = summary.resumedDeletions > 0 ? [`  finished ${summary.resumedDeletions} deletion(s) of an interrupted cleanup first`] : [];
    return [header, `  ${summary.error?.code ?? 'ERROR'}: ${summary.error?.message ?? 'unknown error'}`, ...resumed, summary.status === 'stopped' ? '  nothing was committed for this table' : '  nothing was deleted by this step'].join('\n');
  }
  const refs = summary.droppedRefs.length > 0 ? summary.droppedRefs.join(', ') : 'none';
  const lines = [
    header,
    `  snapshots: ${summary.snapshotsBefore} -> ${summary.snapshotsAfter} (${summary.expiredSnapshotIds.length} expire; refs dropped: ${refs})`,
    ...fileLines(summary),
  ];
  if (summary.removedPartitionSpecIds.length + summary.removedSchemaIds.length > 0) {
    lines.push(`  unused metadata ${summary.dryRun ? 'to remove' : 'removed'}: partition specs [${summary.removedPartitionSpecIds.join(', ')}], schemas [${summary.removedSchemaIds.join(', ')}]`);
  }
  if (!summary.dryRun && summary.filesPerSecond !== null) {
    lines.push(`  reclaimed ${formatBytes(summary.bytesReclaimed)}; deleted at ${summary.filesPerSecond} files/s (${summary.deleteDurationMs} ms)`);
  }
  const c = summary.sparkCounts;
  lines.push(`  spark counts: data ${c.deleted_data_files_count}, position deletes ${c.deleted_position_delete_files_count}, equality deletes ${c.deleted_equality_delete_files_count}, manifests ${c.deleted_manifest_files_count}, manifest lists ${c.deleted_manifest_lists_count}, statistics ${c.deleted_statistics_files_count}`);
  if (summary.metadataLocation !== undefined) lines.push(`  committed ${summary.metadataLocation}`);
  if (summary.resumedDeletions > 0) {
    lines.push(`  ${summary.dryRun ? 'would finish' : 'finished'} an interrupted cleanup: ${summary.resumedDeletions} file(s)`);
  }
  for (const f of summary.deleteFailures) lines.push(`  not deleted (orphan): ${f.path}: ${f.reason}`);
  if (summary.pendingDeletions > 0) lines.push(`  stopped: ${summary.pendingDeletions} expired file(s) left for the next run to delete`);
  for (const w of summary.warnings) lines.push(`  note: ${w}`);
  if (summary.dryRun && summary.plannedDeletions !== undefined && summary.plannedDeletions.length > 0) {
    lines.push('  files:');
    for (const d of summary.plannedDeletions) lines.push(`    ${d.kind.padEnd(16)} ${formatBytes(d.sizeBytes).padStart(10)}  ${d.path}`);
  }
  lines.push(`  took ${summary.durationMs} ms`);
  return lines.join('\n');
}

/** The closing line (or lines, after a stop) for stderr: what was done, and what was not. */
export function renderRunOutcome(run: ExpirationRun): string[] {
  const count = (status: TableSummary['status']) => run.tables.filter((t) => t.status === status).length;
  const failed = count('failed');
  const lines = [`expire-snapshots: ${run.tables.length - failed - count('stopped')} table(s) ok, ${failed} failed`];
  if (!run.stopped) return lines;
  const committed = run.tables.filter((t) => t.status === 'expired');
  const pending = committed.filter((t) => t.pendingDeletions > 0);
  lines.push(`stopped by a signal: ${committed.length} table(s) committed, ${pending.length} of them with deletions left for the next run (${pending.map((t) => t.table).join(', ') || 'none'})`);
  const before = run.tables.filter((t) => t.status === 'stopped').map((t) => t.table);
  lines.push(`not done: ${before.length} table(s) stopped before their commit (${before.join(', ') || 'none'}), ${run.notStarted.length} not started (${run.notStarted.join(', ') || 'none'}); run again to finish`);
  return lines;
}
