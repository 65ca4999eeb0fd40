/** P1/P2 incidents without a completed post-mortem after the deadline (48 h by default) get an issue. */
import type { FollowupsConfig } from '../config.js';
import type { IncidentReport, Severity } from '../model.js';
import type { TrackedIssue } from '../github/tracker.js';
import { readMissingMarker } from './key.js';
import { missingBody, missingTitle } from './render.js';
import type { Operation } from './plan-types.js';

/** One incident from the incident log (or derived from a report). `start` is an ISO date or date-time. */
export interface Incident {
  readonly id: string;
  readonly severity: Severity;
  readonly start: string;
  readonly title?: string;
}

/** Incidents the reports themselves describe: a report can exist as a stub before its post-mortem is written. */
export function incidentsFromReports(reports: readonly IncidentReport[]): Incident[] {
  return reports.flatMap((r) =>
    r.severity && r.date ? [{ id: r.incidentId, severity: r.severity, start: r.date, title: r.title }] : [],
  );
}

export function planMissing(
  incidents: readonly Incident[], reports: readonly IncidentReport[], issues: readonly TrackedIssue[],
  config: FollowupsConfig, now: Date,
): Operation[] {
  const rules = config.missingPostmortems;
  if (!rules.enabled) return [];
  const completed = new Set(reports.filter((r) => r.completed).map((r) => r.incidentId.toLowerCase()));
  const existing = new Map<string, TrackedIssue>();
  for (const issue of issues) {
    const id = readMissingMarker(issue.body);
    if (id && !existing.has(id.toLowerCase())) existing.set(id.toLowerCase(), issue);
  }
  const ops: Operation[] = [];
  const seen = new Set<string>();
  for (const incident of incidents) {
    const id = incident.id.toLowerCase();
    if (seen.has(id) || !rules.severities.includes(incident.severity)) continue;
    seen.add(id);
    const issue = existing.get(id);
    const overdue = now.getTime() > Date.parse(incident.start) + rules.withinHours * 3_600_000;
    if (completed.has(id)) {
      if (issue?.state === 'open') ops.push({ kind: 'close', issue: issue.number, reason: 'post-mortem completed', stateReason: 'completed' });
    } else if (overdue && !issue) {
      ops.push({
        kind: 'create', key: `missing:${incident.id}`, purpose: 'missing-postmortem',
        issue: {
          title: missingTitle(incident.id),
          body: missingBody({ ...incident, date: incident.start.slice(0, 10) }, rules.withinHours, config.reports),
          labels: [config.labels.base, config.labels.missing, `${config.labels.severityPrefix}${incident.severity}`, `${config.labels.incidentPrefix}${incident.id}`].map(clampLabel),
          assignees: [],
        },
      });
    }
  }
  return ops;
}

/** GitHub label names are at most 50 characters. */
export function clampLabel(label: string): string {
  return label.length > 50 ? label.slice(0, 50) : label;
}
