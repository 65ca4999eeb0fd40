import { describe, expect, it } from 'vitest';
import { metricsBody, pushMetrics } from '../../src/action/metrics.js';
import type { ActionVerdict } from '../../src/action/verdict.js';

const verdict = { conclusion: 'failure' } as ActionVerdict;
const input = { owner: 'acme', repo: 'schemas', verdict, incompatibleSubjects: 2, durationSeconds: 1.5 };

describe('metrics', () => {
  it('exposes the runbook alert metric and the duration in the text format', () => {
    expect(metricsBody(input)).toBe(
      [
        '# TYPE schema_registry_compatibility_failures_total counter',
        'schema_registry_compatibility_failures_total 2',
        '# TYPE guardrails_schema_check_duration_seconds gauge',
        'guardrails_schema_check_duration_seconds 1.500',
        '# TYPE guardrails_schema_check_success gauge',
        'guardrails_schema_check_success 0',
        '',
      ].join('\n'),
    );
  });

  it('PUTs to the job and repository grouping key, and reports a refused push', async () => {
    const calls: { url: string; method?: string }[] = [];
    const ok = (async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method });
      return new Response('', { status: 200 });
    }) as typeof fetch;
    await pushMetrics('http://pgw:9091', input, ok);
    expect(calls).toEqual([{ url: 'http://pgw:9091/metrics/job/guardrails_schema_check/repository/acme__schemas', method: 'PUT' }]);
    const refused = (async () => new Response('', { status: 500 })) as typeof fetch;
    await expect(pushMetrics('http://pgw:9091', input, refused)).rejects.toThrow('the Pushgateway answered HTTP 500');
  });
});
