/** The shipped workflow and action.yml: the events, one check name, no path filter (traps 9–12). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const workflow = parse(readFileSync('.github/workflows/schema-check.yml', 'utf8')) as {
  on: Record<string, { types?: string[]; paths?: unknown } | null>;
  jobs: Record<string, { env?: Record<string, string>; steps: { uses?: string; if?: string; with?: Record<string, string> }[] }>;
};
const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, unknown>; outputs: Record<string, unknown>; branding: unknown };

describe('schema-check.yml', () => {
  it('trap 12: re-evaluates on every event that can change the verdict', () => {
    // labeled/unlabeled: adding or removing the override label must re-evaluate the verdict.
    expect(workflow.on.pull_request?.types).toEqual(['opened', 'synchronize', 'reopened', 'ready_for_review', 'edited', 'labeled', 'unlabeled']);
    expect(workflow.on.pull_request_review?.types).toEqual(['submitted', 'edited', 'dismissed']);
    expect('merge_group' in workflow.on).toBe(true);
  });

  it('docs/action.md\'s copy-paste workflow has the same pull_request types', () => {
    const docs = readFileSync('docs/action.md', 'utf8');
    expect(docs).toContain(`types: [${(workflow.on.pull_request?.types ?? []).join(', ')}]`);
  });

  it('trap 11: has no paths filter that would leave a required check waiting forever', () => {
    for (const trigger of Object.values(workflow.on)) expect(trigger?.paths).toBeUndefined();
  });

  it('trap 10: every trigger reports under one fixed check name (the base branch is appended at run time)', () => {
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const uses = steps.filter((s) => s.uses === './');
    expect(uses).toHaveLength(1);
    expect(uses[0]?.with?.['check-name']).toBe('Schema guardrails');
    expect(uses[0]?.with?.['check-name']).not.toContain('${{');
  });

  it('needs no secret: with the App key only in the schema-gate environment, the App step is skipped, not failed', () => {
    const [job] = Object.values(workflow.jobs);
    const appStep = job?.steps.find((s) => s.uses?.startsWith('actions/create-github-app-token'));
    expect(job?.env?.APP_KEY_AVAILABLE).toBe("${{ secrets.GUARDRAILS_APP_PRIVATE_KEY != '' }}");
    expect(appStep?.if).toBe("${{ vars.GUARDRAILS_APP_ID != '' && env.APP_KEY_AVAILABLE == 'true' }}");
    expect(job?.steps.find((s) => s.uses === './')?.with?.['github-token']).toBe('${{ steps.app-token.outputs.token || github.token }}');
  });

  it('checks out the full history for the deprecation window', () => {
    const checkout = Object.values(workflow.jobs).flatMap((job) => job.steps).find((s) => s.uses?.startsWith('actions/checkout'));
    expect(String(checkout?.with?.['fetch-depth'])).toBe('0');
  });
});

describe('schema-check-verified.yml (trap 9: the evaluator a PR cannot edit)', () => {
  const verified = parse(readFileSync('.github/workflows/schema-check-verified.yml', 'utf8')) as {
    on: Record<string, { workflows?: string[]; types?: string[] }>;
    permissions: Record<string, string>;
    jobs: Record<string, { if?: string; environment?: string; steps: { name?: string; uses?: string; with?: Record<string, string> }[] }>;
  };
  const job = Object.values(verified.jobs)[0];
  const steps = job?.steps ?? [];

  it('runs from the default branch after every completed schema-check run', () => {
    expect(Object.keys(verified.on)).toEqual(['workflow_run']);
    expect(verified.on.workflow_run).toEqual({ workflows: [(parse(readFileSync('.github/workflows/schema-check.yml', 'utf8')) as { name: string }).name], types: ['completed'] });
    expect(job?.if).toContain('pull_request_review');
  });

  it('runs the trusted checkout of the action and reads the PR checkout only as data', () => {
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout'));
    expect(checkouts.map((s) => s.with?.path)).toEqual(['trusted', 'pr']);
    expect(checkouts[0]?.with?.ref).toBeUndefined();
    expect(checkouts[1]?.with?.ref).toBe('${{ github.event.workflow_run.head_sha }}');
    expect(checkouts.every((s) => String(s.with?.['persist-credentials']) === 'false')).toBe(true);
    const action = steps.filter((s) => s.uses?.startsWith('./'));
    expect(action.map((s) => [s.uses, s.with?.path])).toEqual([['./trusted', 'pr']]);
    // No step runs anything from the PR checkout.
    expect(steps.filter((s) => 'run' in s)).toEqual([]);
  });

  it('the check-run writer rule: posts with the same App as the sweep, so both write runs of one check suite', () => {
    const sweep = parse(readFileSync('.github/workflows/schema-check-sweep.yml', 'utf8')) as { jobs: Record<string, { steps: { id?: string; uses?: string; with?: Record<string, string> }[] }> };
    const appStep = (all: { id?: string; uses?: string; with?: Record<string, string> }[]) => all.find((s) => s.uses?.startsWith('actions/create-github-app-token'));
    const sweepSteps = Object.values(sweep.jobs).flatMap((j) => j.steps);
    expect(appStep(steps)?.with?.['app-id']).toBe('${{ vars.GUARDRAILS_APP_ID }}');
    expect(appStep(sweepSteps)?.with?.['app-id']).toBe(appStep(steps)?.with?.['app-id']);
    expect(appStep(sweepSteps)?.with?.['private-key']).toBe(appStep(steps)?.with?.['private-key']);
    // No fallback token that would post as another app (GitHub Actions).
    const token = steps.find((s) => s.uses === './trusted')?.with?.['github-token'];
    expect(token).toBe('${{ steps.app-token.outputs.token }}');
    expect(sweepSteps.find((s) => s.uses === './trusted')?.with?.['github-token']).toBe(token);
    expect(sweepSteps.find((s) => s.uses === './trusted')?.with?.['check-name']).toBe(steps.find((s) => s.uses === './trusted')?.with?.['check-name']);
  });

  it('keeps its App key in an environment and publishes under its own check name', () => {
    expect(job?.environment).toBe('schema-gate');
    expect(steps.find((s) => s.uses === './trusted')?.with?.['check-name']).toBe('Schema guardrails (verified)');
    expect(verified.permissions).toEqual({ contents: 'read', checks: 'write', 'pull-requests': 'write', issues: 'write' });
  });
});

describe('schema-check-sweep.yml (trap 12: membership changes trigger no event)', () => {
  const sweep = parse(readFileSync('.github/workflows/schema-check-sweep.yml', 'utf8')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { environment?: string; strategy?: { matrix?: Record<string, string> }; steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[] }>;
  };

  it('runs on a schedule and on demand, one matrix job per open pull request', () => {
    expect(Object.keys(sweep.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(sweep.jobs.check?.strategy?.matrix?.pull).toBe('${{ fromJSON(needs.list.outputs.pulls) }}');
  });

  it('re-checks each PR with the trusted action, its files read as data, under the verified check name', () => {
    const steps = sweep.jobs.check?.steps ?? [];
    expect(steps.filter((s) => s.uses?.startsWith('actions/checkout')).map((s) => [s.with?.path, s.with?.ref])).toEqual([['trusted', undefined], ['pr', 'refs/pull/${{ matrix.pull }}/head']]);
    expect(steps.find((s) => s.uses === './trusted')?.with).toEqual(expect.objectContaining({ path: 'pr', 'pull-request': '${{ matrix.pull }}', 'check-name': 'Schema guardrails (verified)' }));
    // A script may read the checkout's commit id with git, but never runs, sources or enters the PR's files.
    for (const script of steps.flatMap((s) => (s.run === undefined ? [] : [s.run]))) {
      expect(script).not.toMatch(/(^|\s)(\.\/|bash |sh |source |\. |cd |npm |npx |node )\S*pr\b|\bpr\//m);
      expect(script).not.toContain('${{');
    }
    expect(sweep.jobs.check?.environment).toBe('schema-gate');
  });

  it('passes the dispatch input through the environment, never into the script text', () => {
    const list = sweep.jobs.list?.steps[0];
    expect(list?.env?.ONE).toBe('${{ inputs.pull-request }}');
    expect(list?.run).not.toContain('${{');
  });
});

describe('action.yml', () => {
  it('runs the committed bundle on node24 and documents the inputs and outputs', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['github-token', 'registry-url', 'registry-password', 'config', 'fail-on', 'mode', 'path', 'pull-request']));
    expect(Object.keys(action.outputs)).toEqual(['result', 'compatible', 'breaking-changes', 'approvals-satisfied', 'deprecations-pending']);
    expect(action.branding).toBeDefined();
  });
});
