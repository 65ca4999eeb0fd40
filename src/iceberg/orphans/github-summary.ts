/** The Markdown job summary of a remove-orphans run (e.g. for $GITHUB_STEP_SUMMARY): one row per table, then what failed. */
import { formatBytes } from '../job/report.js';
import type { OrphanRun } from './summary.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderOrphanSummary(run: OrphanRun): string {
  const title = `### Orphan file removal, shard ${run.shard.index}/${run.shard.count}${run.dryRun ? ' (dry run)' : ''}${run.stopped ? ' (stopped by a signal)' : ''}`;
  const t = run.totals;
  const lines = [
    title,
    '',
    `Cutoff ${run.cutoff} (files modified before it), prefix mismatch: ${run.prefixMismatch}, mode: ${run.mode}.`,
    `${run.dryRun ? 'Would delete' : 'Deleted'} **${run.dryRun ? run.tables.reduce((n, x) => n + x.files.length, 0) : t.deleted}** orphan file(s), ${formatBytes(run.dryRun ? run.tables.reduce((n, x) => n + x.files.reduce((m, f) => m + f.sizeBytes, 0), 0) : t.deletedBytes)}${t.filesPerSecond !== undefined ? `, ${t.filesPerSecond} files/s` : ''}.`,
    '',
    '| Table | Status | Listed | Referenced | Orphans | Deleted | Reclaimed | Too young | Hidden | Prefix mismatch | Failed deletes |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const s of run.tables) {
    const c = s.counts;
    lines.push(`| ${cell(s.table)} | ${s.status} | ${c.listed} | ${c.referenced} | ${c.orphans} | ${c.deleted} | ${formatBytes(c.deletedBytes)} | ${c.skippedTooYoung} | ${c.skippedHidden} | ${c.skippedPrefixMismatch} | ${c.deleteFailures} |`);
  }
  const failed = run.tables.filter((s) => s.error !== undefined);
  if (failed.length > 0) {
    lines.push('', '**Not cleaned:**', '');
    for (const s of failed) lines.push(`- \`${cell(s.table)}\`: ${cell(s.error?.code ?? '')}: ${cell(s.error?.message ?? '')}`);
  }
  if (run.notStarted.length > 0) lines.push('', `Not started: ${run.notStarted.map((n) => `\`${cell(n)}\``).join(', ')}.`);
  return `${lines.join('\n')}\n\n`;
}
