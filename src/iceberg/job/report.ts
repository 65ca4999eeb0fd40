/** Renders table summaries for people (text) and machines (one JSON object per line). */
import type { FileKind } from '../plan/file-plan.js';
import type { TableSummary } from './summary.js';

const LABELS: ReadonlyArray<[FileKind, string]> = [
  ['data', 'data files'], ['position-deletes', 'position deletes'], ['equality-deletes', 'equality deletes'],
  ['deletion-vectors', 'deletion vectors'], ['manifests', 'manifests'], ['manifest-lists', 'manifest lists'],
  ['statistics', 'statistics files'],
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
  if (summary.status === 'failed') {
    return [header, `  ${summary.error?.code ?? 'ERROR'}: ${summary.error?.message ?? 'unknown error'}`, '  nothing was deleted by this step'].join('\n');
  }
  const refs = summary.droppedRefs.length > 0 ? summary.droppedRefs.join(', ') : 'none';
  const lines = [
    header,
    `  snapshots: ${summary.snapshotsBefore} -> ${summary.snapshotsAfter} (${summary.expiredSnapshotIds.length} expire; refs dropped: ${refs})`,
    ...fileLines(summary),
  ];
  if (summary.metadataLocation !== undefined) lines.push(`  committed ${summary.metadataLocation}`);
  if (summary.resumedDeletions > 0) {
    lines.push(`  ${summary.dryRun ? 'would finish' : 'finished'} an interrupted cleanup: ${summary.resumedDeletions} file(s)`);
  }
  for (const f of summary.deleteFailures) lines.push(`  not deleted (orphan): ${f.path}: ${f.reason}`);
  for (const w of summary.warnings) lines.push(`  note: ${w}`);
  if (summary.dryRun && summary.plannedDeletions !== undefined && summary.plannedDeletions.length > 0) {
    lines.push('  files:');
    for (const d of summary.plannedDeletions) lines.push(`    ${d.kind.padEnd(16)} ${formatBytes(d.sizeBytes).padStart(10)}  ${d.path}`);
  }
  lines.push(`  took ${summary.durationMs} ms`);
  return lines.join('\n');
}

export function renderTableJson(summary: TableSummary): string {
  return JSON.stringify(summary);
}
