/** Markdown for the GitHub Actions job summary: one row per table and Mermaid charts of the effect. */
import { formatBytes } from './report.js';
import type { TableSummary } from './summary.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(s: TableSummary): string {
  const f = s.files;
  const status = s.status === 'failed' ? `❌ failed: ${escapeCell(s.error?.message ?? '')}` : s.status;
  const c = s.sparkCounts;
  const rate = s.filesPerSecond === null ? '–' : String(s.filesPerSecond);
  return `| ${escapeCell(s.table)} | ${status} | ${s.snapshotsBefore} → ${s.snapshotsAfter} | ${c.deleted_data_files_count} | ${c.deleted_position_delete_files_count} | ${c.deleted_equality_delete_files_count} | ${c.deleted_manifest_files_count} | ${c.deleted_manifest_lists_count} | ${c.deleted_statistics_files_count} | ${f['metadata-files'].count} | ${formatBytes(s.bytes)} | ${formatBytes(s.bytesReclaimed)} | ${rate} | ${(s.durationMs / 1000).toFixed(1)} s |`;
}

function chart(title: string, axis: string, labels: string[], series: number[][]): string[] {
  return [
    '```mermaid', 'xychart-beta', `  title "${title}"`,
    `  x-axis [${labels.map((l) => JSON.stringify(l)).join(', ')}]`, `  y-axis "${axis}"`,
    ...series.map((values) => `  bar [${values.join(', ')}]`), '```',
  ];
}

export function renderGithubSummary(summaries: readonly TableSummary[], heading: string): string {
  const lines = [
    `### ${heading}`, '',
    '| Table | Status | Snapshots | Data files | Position deletes | Equality deletes | Manifests | Manifest lists | Statistics | Metadata files | Bytes | Reclaimed | Files/s | Duration |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...summaries.map(row), '',
  ];
  const shown = summaries.filter((s) => s.status !== 'failed');
  if (shown.length > 0) {
    const labels = shown.map((s) => s.table.split('.').slice(1).join('.'));
    lines.push('Snapshots before (first bar) and after (second bar):', '', ...chart('Snapshots', 'snapshots', labels, [shown.map((s) => s.snapshotsBefore), shown.map((s) => s.snapshotsAfter)]), '');
    lines.push(`Bytes ${shown.some((s) => s.dryRun) ? 'that would be reclaimed' : 'reclaimed'} (MiB):`, '', ...chart('Reclaimed', 'MiB', labels, [shown.map((s) => Math.round((s.bytes / 1_048_576) * 10) / 10)]), '');
  }
  return `${lines.join('\n')}\n`;
}
