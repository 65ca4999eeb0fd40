/** The job summary (markdown with a Mermaid on-time trend chart) from the metrics the JSON report also carries. */
import { formatProblem, type ParseProblem } from '../model.js';
import type { SyncPlan } from '../sync/plan-types.js';
import type { FollowupMetrics, Tally } from './metrics.js';

export interface FollowupsReport {
  readonly generatedAt: string;
  readonly dryRun: boolean;
  /** Stopped by a signal before every planned operation was carried out. */
  readonly stopped: boolean;
  readonly metrics: FollowupMetrics;
  /** Planned operations by kind: create, update, close, comment, tick. */
  readonly operations: Record<string, number>;
  readonly problems: readonly ParseProblem[];
  readonly drift: SyncPlan['drift'];
}

export interface ReportFacts {
  readonly metrics: FollowupMetrics;
  readonly plan: SyncPlan;
  readonly problems: readonly ParseProblem[];
  readonly now: Date;
  readonly dryRun: boolean;
  readonly stopped: boolean;
}

export function buildReport(f: ReportFacts): FollowupsReport {
  const operations: Record<string, number> = { create: 0, update: 0, close: 0, comment: 0, tick: 0 };
  for (const op of f.plan.operations) operations[op.kind] = (operations[op.kind] ?? 0) + 1;
  return { generatedAt: f.now.toISOString(), dryRun: f.dryRun, stopped: f.stopped, metrics: f.metrics, operations, problems: f.problems, drift: f.plan.drift };
}

const pct = (t: Tally) => (t.onTimePct === null ? '–' : `${t.onTimePct}%`);
const row = (name: string, t: Tally) => `| ${name.replace(/\|/g, '\\|')} | ${t.open} | ${t.done} | ${t.overdue} | ${pct(t)} |`;
const HEAD = ['| | Open | Done | Overdue | Done on time |', '|---|---:|---:|---:|---:|'];

export function renderSummary(r: FollowupsReport): string {
  const m = r.metrics;
  const ops = Object.entries(r.operations).map(([k, n]) => `${n} ${k}`).join(', ');
  const out = [
    `## Post-mortem follow-ups${r.dryRun ? ' (dry run)' : ''}`,
    '',
    `${m.totals.total} items: ${m.totals.open} open, ${m.totals.done} done, ${m.totals.overdue} overdue; ${pct(m.totals)} done on time. ${r.dryRun ? 'Would do' : r.stopped ? 'Planned, stopped by a signal before all were done' : 'Done'}: ${ops}.`,
    '',
    '### By severity', '', ...HEAD, ...Object.entries(m.bySeverity).map(([k, t]) => row(k, t)),
    '', '### By owner', '', ...HEAD, ...Object.entries(m.byOwner).map(([k, t]) => row(k, t)),
  ];
  if (m.trend.some((t) => t.onTimePct !== null)) out.push('', '### On-time trend', '', ...trendChart(m));
  if (r.problems.length > 0) out.push('', `### Items that could not be read (${r.problems.length})`, '', ...r.problems.map((p) => `- \`${formatProblem(p)}\``));
  if (r.drift.length > 0) out.push('', '### Drift', '', ...r.drift.map((d) => `- #${d.issue}: ${d.reason}`));
  return `${out.join('\n')}\n`;
}

/** A Mermaid xychart (GitHub renders it): percentage of items done on time, by due month. */
export function trendChart(m: FollowupMetrics): string[] {
  // Months where nothing was due yet have no rate; a 0 bar would read as "all late".
  const months = m.trend.filter((t) => t.onTimePct !== null);
  const values = months.map((t) => t.onTimePct).join(', ');
  return ['```mermaid', 'xychart-beta', '  title "Follow-ups done on time, by due month (%)"', `  x-axis [${months.map((t) => `"${t.month}"`).join(', ')}]`,
    '  y-axis "% on time" 0 --> 100', `  bar [${values}]`, `  line [${values}]`, '```'];
}
