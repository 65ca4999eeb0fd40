/** Renders a remove-orphans run for people: one block per table as it finishes, then the run's outcome. */
import { formatBytes } from '../job/report.js';
import type { OrphanRun, OrphanTableSummary } from './summary.js';

export function formatAge(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 48 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours)}h`;
}

export function renderOrphanTable(summary: OrphanTableSummary): string {
  const header = `${summary.table}: ${summary.status}${summary.dryRun ? ' (dry run: nothing deleted or marked)' : ''}`;
  const c = summary.counts;
  if (summary.error !== undefined && summary.counts.listed === 0) {
    return [header, `  ${summary.error.code}: ${summary.error.message}`, '  nothing was deleted for this table'].join('\n');
  }
  const lines = [
    header,
    `  listed ${c.listed} file(s) under ${summary.location ?? '?'}: ${c.referenced} referenced, ${c.orphans} orphan(s) older than the cutoff (${formatBytes(c.orphanBytes)})`,
    `  skipped: ${c.skippedTooYoung} too young, ${c.skippedHidden} hidden, ${c.skippedPrefixMismatch} prefix mismatch`,
  ];
  if (c.marked > 0 || c.awaitingMark > 0) lines.push(`  two-phase: ${c.marked} newly marked, ${c.awaitingMark} orphan(s) not marked long enough yet`);
  if (summary.dryRun) {
    lines.push(`  would delete ${summary.files.length} file(s), ${formatBytes(summary.files.reduce((n, f) => n + f.sizeBytes, 0))}:`);
    for (const f of summary.files) lines.push(`    ${formatBytes(f.sizeBytes).padStart(10)}  ${formatAge(f.ageMs).padStart(6)}  ${f.path}`);
  } else {
    const rate = summary.filesPerSecond !== undefined ? `, ${summary.filesPerSecond} files/s` : '';
    lines.push(`  deleted ${c.deleted} file(s), ${formatBytes(c.deletedBytes)} reclaimed${rate}`);
  }
  if (c.nowReferenced > 0) lines.push(`  kept ${c.nowReferenced} planned file(s) that a commit since the plan references`);
  for (const m of summary.prefixMismatches.slice(0, 20)) lines.push(`  prefix mismatch: ${m.path} is referenced as ${m.referencedAs}`);
  for (const f of summary.failures) lines.push(`  not deleted: ${f.path}: ${f.reason}`);
  if (summary.error !== undefined) lines.push(`  ${summary.error.code}: ${summary.error.message}`);
  for (const w of summary.warnings) lines.push(`  note: ${w}`);
  lines.push(`  took ${summary.durationMs} ms`);
  return lines.join('\n');
}

/** The closing line (or lines, after a stop) for stderr. */
export function renderOrphanOutcome(run: OrphanRun): string[] {
  const failed = run.tables.filter((t) => t.status === 'failed').length;
  const stopped = run.tables.filter((t) => t.status === 'stopped').length;
  const verb = run.dryRun ? 'would delete' : 'deleted';
  const count = run.dryRun ? run.tables.reduce((n, t) => n + t.files.length, 0) : run.totals.deleted;
  const lines = [`remove-orphans: ${run.tables.length - failed - stopped} table(s) ok, ${failed} failed; ${verb} ${count} orphan file(s)`];
  if (run.stopped) {
    lines.push(`stopped by a signal: ${run.totals.notAttempted} orphan(s) not deleted, ${run.notStarted.length} table(s) not started (${run.notStarted.join(', ') || 'none'}); run again to finish`);
  }
  return lines;
}
