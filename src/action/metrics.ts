/**
 * Optional metrics to a Prometheus Pushgateway (issue 4 §6): the runbook's alert metric
 * `schema_registry_compatibility_failures_total` and the check's duration. Best effort: a failure to
 * push is a warning, never a failed check.
 */
import type { ActionVerdict } from './verdict.js';

export interface MetricsInput {
  readonly owner: string;
  readonly repo: string;
  readonly verdict: ActionVerdict;
  readonly incompatibleSubjects: number;
  readonly durationSeconds: number;
}

/** The Prometheus text exposition body. */
export function metricsBody(input: MetricsInput): string {
  return [
    '# TYPE schema_registry_compatibility_failures_total counter',
    `schema_registry_compatibility_failures_total ${input.incompatibleSubjects}`,
    '# TYPE guardrails_schema_check_duration_seconds gauge',
    `guardrails_schema_check_duration_seconds ${input.durationSeconds.toFixed(3)}`,
    '# TYPE guardrails_schema_check_success gauge',
    `guardrails_schema_check_success ${input.verdict.conclusion === 'failure' ? 0 : 1}`,
    '',
  ].join('\n');
}

/** PUTs the metrics under job `guardrails_schema_check` and the repository as a grouping label. */
export async function pushMetrics(url: string, input: MetricsInput, fetchImpl: typeof fetch = fetch): Promise<void> {
  const repository = encodeURIComponent(`${input.owner}/${input.repo}`).replace(/%2F/g, '__');
  const target = `${url}/metrics/job/guardrails_schema_check/repository/${repository}`;
  const response = await fetchImpl(target, { method: 'PUT', body: metricsBody(input), headers: { 'content-type': 'text/plain; version=0.0.4' } });
  if (!response.ok) throw new Error(`the Pushgateway answered HTTP ${response.status}`);
}
