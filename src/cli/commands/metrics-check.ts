/** The metrics of `guardrails check`, from its typed report. */
import type { CheckReport } from '../../policy/report/model.js';
import { sample, type JobSample } from '../../scheduler/job-metric-catalogue.js';

/** The command lets no break through (allowances are the Action's), so that count is 0 here. */
export function checkMetrics(report: CheckReport): JobSample[] {
  return [
    sample('checkSubjectsChecked', report.subjects.length, {}),
    sample('checkIncompatibilities', report.subjects.reduce((n, s) => n + s.incompatibilities.length, 0), {}),
    sample('checkAllowedBreaks', 0, {}),
  ];
}
