/** The metrics of `guardrails followups`, per incident severity, from the report's own tallies. */
import type { FollowupsReport } from '../../postmortem/report/summary.js';
import { INCIDENT_SEVERITIES, sample, type JobSample } from '../../scheduler/job-metric-catalogue.js';

/** Items of a report without a severity; the only value outside P1–P4, so the label stays bounded. */
const UNKNOWN = 'unknown';

/**
 * P1–P4 always, 0 when none, so that an overdue expression has a series to read; the on-time
 * ratio only where some item was due (0/0 is no rate).
 */
export function followupsMetrics(report: FollowupsReport): JobSample[] {
  const tallies = report.metrics.bySeverity;
  const known: readonly string[] = INCIDENT_SEVERITIES;
  const severities = [...INCIDENT_SEVERITIES, ...(Object.keys(tallies).some((s) => !known.includes(s)) ? [UNKNOWN] : [])];
  return severities.flatMap((severity) => {
    const keys = severity === UNKNOWN ? Object.keys(tallies).filter((s) => !known.includes(s)) : [severity];
    const sum = (field: 'open' | 'done' | 'overdue' | 'onTime' | 'eligible') => keys.reduce((n, key) => n + (tallies[key]?.[field] ?? 0), 0);
    const labels = { incident_severity: severity };
    const eligible = sum('eligible');
    return [
      sample('followupsOpen', sum('open'), labels),
      sample('followupsDone', sum('done'), labels),
      sample('followupsOverdue', sum('overdue'), labels),
      ...(eligible > 0 ? [sample('followupsOnTime', sum('onTime') / eligible, labels)] : []),
    ];
  });
}
