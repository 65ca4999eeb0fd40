/** The job summary (markdown with a Mermaid on-time trend chart) and the JSON report. Same data, two renderings. */
import { formatProblem, type ParseProblem } from '../model.js';
import type { SyncPlan } from '../sync/plan-types.js';
import type { FollowupMetrics, Tally } from './metrics.js';

export const REPORT_VERSION = 1;

export interface FollowupsReport {
  readonly version: typeof REPORT_VERSION;
  readonly generatedAt: string;
  readonly dryRun: boolean;
  readonly metrics: FollowupMetrics;
  readonly operations: Record<string, number>;
  readonly problems: readonly ParseProblem[];
  readonly drift: SyncPlan['drift'];
}

export function buildReport(metrics: FollowupMetrics, plan: SyncPlan, problems: readonly ParseProblem[], now: Date, dryRun: boolean): FollowupsReport {
  const operations: Record<string, number> = { create: 0, update: 0, close: 0, comment: 0, tick: 0 };
  for (const op of plan.operations) operations[op.kind] = (operations[op.kind] ?? 0) + 1;
  return { version: REPORT_VERSION, generatedAt: now.toISOString(), dryRun, metrics, operations, problems, drift: plan.drift };
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
    `${m.totals.total} items: ${m.totals.open} open, ${m.totals.done} done, ${m.totals.overdue} overdue; ${pct(m.totals)} done on time. ${r.dryRun ? 'Would do' : 'Done'}: ${ops}.`,
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
