/** .github/workflows/schema-register.yml: on push to the default branch, behind an environment, one at a time. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
const wf = parse(readFileSync('.github/workflows/schema-register.yml', 'utf8')) as {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: { register: { environment: string; steps: Step[] } };
};

describe('the schema-register workflow', () => {
  it('runs on push to main, never cancels a registration, and reads GitHub only', () => {
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.concurrency['cancel-in-progress']).toBe(false);
    expect(Object.values(wf.permissions).every((p) => p === 'read')).toBe(true);
    expect(wf.jobs.register.environment).toBe('schema-registry');
  });

  it('registers the pushed commit with the App pinned, and writes a job summary', () => {
    const step = wf.jobs.register.steps.find((s) => s.name === 'Register') as Step;
    expect(step.run).toMatch(/register --ref "\$GITHUB_SHA" --audit-log/);
    expect(step.run).toMatch(/GITHUB_STEP_SUMMARY/);
    expect(step.env?.['GUARDRAILS_APP_ID']).toBe('${{ vars.GUARDRAILS_APP_ID }}');
    expect(step.env?.['GUARDRAILS_REGISTRY_API_SECRET']).toMatch(/secrets\./);
  });
});
