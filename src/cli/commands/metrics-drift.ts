/** The metrics of `guardrails drift`, from its typed result. */
import type { DriftResult } from '../../registry/drift/run.js';
import { sample, type JobSample } from '../../scheduler/job-metric-catalogue.js';

export function driftMetrics(result: DriftResult): JobSample[] {
  return [sample('driftFindings', result.findings.length, {})];
}
