/**
 * End to end: the committed action bundle, dist/index.js, runs in a child process
 * exactly as the runner starts it, against a real git repository and a local fake of the GitHub API.
 */
import { basename, dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { committedActionBundle } from '../support/github-fake/bundle.js';
import { FakeGitHub } from '../support/github-fake/server.js';
import { startTestRegistry } from '../support/test-registry/index.js';
import { Repo, runBundle, type RunResult } from './e2e-support.js';

const POLICY = `version: 1
subjects:
  - files: "schemas/*.avsc"
    topic: orders
approvals:
  platform-leads: acme/platform-leads
  domain-experts:
    - files: "schemas/**"
      owners: acme/data-eng
`;

interface Fields {
  note?: Record<string, unknown>;
  memo?: Record<string, unknown>;
  symbols?: string[];
}

function orders(fields: Fields): string {
  const list: unknown[] = [{ name: 'id', type: 'long' }];
  if (fields.note) list.push({ name: 'note', type: 'string', default: '', ...fields.note });
  if (fields.memo) list.push({ name: 'memo', type: 'string', default: '', ...fields.memo });
  list.push({ name: 'side', type: { type: 'enum', name: 'Side', symbols: fields.symbols ?? ['BUY', 'SELL', 'HOLD'] } });
  return `${JSON.stringify({ type: 'record', name: 'Order', namespace: 'com.acme', fields: list }, null, 2)}\n`;
}

const repo = new Repo();
const fake = new FakeGitHub();
let bundle = '';
let apiUrl = '';
let base = '';
let deprecatedNote = '';
const heads: Record<string, string> = {};

beforeAll(async () => {
  bundle = committedActionBundle();
  apiUrl = await fake.start();
  const v1 = repo.write('guardrails.yaml', POLICY).write('schemas/orders.avsc', orders({ note: {}, memo: {} })).commit('orders v1', 200);
  deprecatedNote = repo.write('schemas/orders.avsc', orders({ note: { deprecated: 'use memo' }, memo: {} })).commit('deprecate note', 60);
  base = repo.write('schemas/orders.avsc', orders({ note: { deprecated: 'use memo' }, memo: { deprecated: true } })).commit('deprecate memo', 5);
  // main's activity, newest first, by the server's clock: the deprecation of note was merged 45 days
  // ago, although its commit says 60.
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const activity = (type: string, before: string, after: string, days: number, actor: string) => ({ activity_type: type, before, after, ref: 'refs/heads/main', timestamp: daysAgo(days), actor: { login: actor } });
  fake.state.activity.set('acme/schemas:refs/heads/main', [
    activity('push', deprecatedNote, base, 5, 'lead1'),
    activity('pr_merge', v1, deprecatedNote, 45, 'lead1'),
    activity('branch_creation', '0'.repeat(40), v1, 200, 'lead1'),
  ]);
  fake.state.contents.set(`${base}:guardrails.yaml`, POLICY);
  // PR 1 removes the matured `note` and the never-deprecated enum symbol HOLD, and tries to loosen the policy.
  repo.git(new Date(), 'checkout', '-q', '-b', 'pr1');
  repo.write('guardrails.yaml', `${POLICY}  required:\n    platform-lead: 0\n    domain-expert: 0\ndeprecation:\n  window-days: 0\n`);
  heads.pr1 = repo.write('schemas/orders.avsc', orders({ memo: { deprecated: true }, symbols: ['BUY', 'SELL'] })).commit('remove note and HOLD', 1);
  // PR 2 only removes `note`.
  repo.git(new Date(), 'checkout', '-q', 'main');
  repo.git(new Date(), 'checkout', '-q', '-b', 'pr2');
  heads.pr2 = repo.write('schemas/orders.avsc', orders({ memo: { deprecated: true } })).commit('remove note', 1);
  fake.state.teams.set('acme/platform-leads', new Map([['lead1', 'active']]));
  fake.state.teams.set('acme/data-eng', new Map([['expert1', 'active']]));
}, 120_000);

afterAll(() => fake.stop());

interface PullShape {
  /** The head repository's owner: `acme` for a branch of this repository, another for a fork. */
  readonly owner?: string;
  readonly branch?: string;
  readonly baseRef?: string;
  /** Who pushed the head commit (default: the author). */
  readonly pusher?: string;
}

function setUpPull(number: number, head: string, reviews: { login: string; state: string; commit: string }[], shape: PullShape = {}) {
  const { owner = 'acme', branch = `pr${number}`, baseRef = 'main', pusher = 'dev' } = shape;
  // Who pushed the head: the head branch's activity, in the head repository (the fork for a fork PR).
  const push = { id: number, node_id: 'A', before: base, after: head, ref: `refs/heads/${branch}`, timestamp: new Date().toISOString(), activity_type: 'push', actor: { login: pusher } };
  fake.state.activity.set(`${owner}/schemas:refs/heads/${branch}`, [push]);
  fake.state.pulls.set(number, {
    number, state: 'open', user: { login: 'dev' }, labels: [],
    head: { sha: head, ref: branch, repo: { full_name: `${owner}/schemas`, name: 'schemas', owner: { login: owner } } },
    base: { sha: base, ref: baseRef, repo: { full_name: 'acme/schemas', owner: { login: 'acme' } } },
  });
  fake.state.reviews.set(number, reviews.map((r, i) => ({ id: number * 100 + i, user: { login: r.login, type: 'User' }, state: r.state, commit_id: r.commit, submitted_at: `2026-11-2${i}T00:00:00Z` })));
  fake.state.commits.set(number, [{ sha: head, author: { login: 'dev' }, committer: { login: 'dev' } }]);
}

async function act(branch: 'pr1' | 'pr2', number: number, eventName = 'pull_request', inputs: Record<string, string> = {}): Promise<RunResult> {
  repo.git(new Date(), 'checkout', '-q', branch);
  const event = { action: eventName === 'pull_request' ? 'synchronize' : 'submitted', pull_request: { number, head: { sha: heads[branch] }, base: { sha: base, ref: 'main' } } };
  return runBundle(
    bundle,
    { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: repo.dir, GITHUB_API_URL: apiUrl },
    { 'github-token': 'ghs_e2eSecretToken0000000000000000000000', ...inputs },
    event,
    eventName,
  );
}

describe('the bundled action, end to end', () => {
  it('blocks an undeprecated removal, allows a matured one, and reports everywhere', async () => {
    setUpPull(1, heads.pr1 as string, [
      { login: 'lead1', state: 'APPROVED', commit: heads.pr1 as string },
      { login: 'expert1', state: 'APPROVED', commit: heads.pr1 as string },
    ]);
    const result = await act('pr1', 1);

    expect(result.code).toBe(1);
    expect(result.outputs.compatible).toBe('false');
    expect(result.outputs['breaking-changes']).toBe('2');
    expect(result.outputs['approvals-satisfied']).toBe('true');
    expect(result.outputs['deprecations-pending']).toBe('1');
    const json = JSON.parse(result.outputs.result ?? '{}') as { policy: string; verdict: { conclusion: string; problems: string[] } };
    expect(json.verdict.conclusion).toBe('failure');
    expect(json.verdict.problems).toContain('schemas/orders.avsc: breaking change not covered by a matured deprecation');
    // The PR's policy edit (no approvals, no window) gave it nothing: the base policy applied.
    expect(json.policy).toBe('guardrails.yaml@base');

    const runs = fake.state.checkRuns.filter((r) => r.head_sha === heads.pr1);
    expect(runs).toHaveLength(1);
    const run = runs[0];
    expect(run?.name).toBe('Schema guardrails: main');
    expect(run?.status).toBe('completed');
    expect(run?.conclusion).toBe('failure');
    expect(run?.output?.summary).toContain('❌ breaking, blocked');
    const failures = run?.annotations.filter((a) => a.annotation_level === 'failure') ?? [];
    expect(failures.length).toBeGreaterThan(0);
    const lines = orders({ memo: { deprecated: true }, symbols: ['BUY', 'SELL'] }).split('\n');
    // The enum's declaration: the `"type": {` member of field `side`, the line after its name.
    const enumLine = lines.findIndex((l) => l.includes('"name": "side"')) + 2;
    expect(lines[enumLine - 1]).toContain('"type": {');
    expect(failures).toContainEqual(expect.objectContaining({ path: 'schemas/orders.avsc', start_line: enumLine, title: 'orders-value: MISSING_ENUM_SYMBOLS (BACKWARD)' }));
    expect(failures).toContainEqual(expect.objectContaining({ start_line: enumLine, title: 'orders-value: ENUM_SYMBOL_REMOVED' }));
    expect(run?.annotations).toContainEqual(expect.objectContaining({ annotation_level: 'notice', title: expect.stringContaining('Order.memo deprecated') }));

    const comments = fake.state.comments.get(1) ?? [];
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body.startsWith('<!-- guardrails:schema-check -->')).toBe(true);
    expect(body).toContain('### `orders-value`');
    // Dated by the merge in main's activity (45 days ago), not by the commit's own date (60 days ago).
    const merged = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);
    expect(body).toMatch(new RegExp(`\\| \`Order.note\` \\| ${merged} \\(repository activity\\) \\| \\d{4}-\\d\\d-\\d\\d \\| ✅ removable now \\|`));
    // The PR set window-days: 0 and no required approvals; the base policy's 30 days and roles still apply.
    expect(body).toMatch(/\| `Order.memo` \| .* \| ⏳ 25 day\(s\) left \|/);
    expect(body).toContain('| `Side.HOLD` | not deprecated on the base branch |');
    expect(body).toContain('| Platform Lead | approved (1/1 required approval(s)) | @lead1 |');
    expect(result.summary).toContain('Schema guardrails');
    // The token is registered as a secret before anything else and never printed otherwise.
    const withToken = result.stdout.split('\n').filter((line) => line.includes('ghs_e2eSecretToken'));
    expect(withToken).toEqual(['::add-mask::ghs_e2eSecretToken0000000000000000000000']);
    expect(result.stdout.split('\n')[0]).toBe(withToken[0]);
    // Trap 13: the report, which quotes PR-controlled text, is logged with workflow commands stopped.
    const logged = result.stdout.split('\n');
    const stop = logged.findIndex((line) => /^::stop-commands::[0-9a-f-]{36}$/.test(line));
    expect(stop).toBeGreaterThanOrEqual(0);
    const resume = logged.indexOf(`::${logged[stop]!.slice('::stop-commands::'.length)}::`);
    expect(resume).toBeGreaterThan(stop);
    expect(logged.slice(stop + 1, resume).join('\n')).toContain('Side.HOLD: not marked deprecated');
    // An element that is both broken and marked is listed once.
    expect(logged.slice(stop + 1, resume).filter((line) => line.includes('Order.note:'))).toHaveLength(1);
  }, 120_000);

  it('a review event on the same head adds its own check run (the newest decides) and updates the one comment', async () => {
    const before = fake.state.checkRuns.length;
    const result = await act('pr1', 1, 'pull_request_review');
    expect(result.code).toBe(1);
    expect(fake.state.checkRuns).toHaveLength(before + 1);
    expect(newest(heads.pr1 as string)).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'failure' }));
    expect(fake.state.comments.get(1)).toHaveLength(1);
  }, 120_000);

  it('passes a removal whose deprecation matured, with approvals on the head', async () => {
    setUpPull(2, heads.pr2 as string, [
      { login: 'lead1', state: 'APPROVED', commit: heads.pr2 as string },
      { login: 'expert1', state: 'APPROVED', commit: heads.pr2 as string },
    ]);
    const result = await act('pr2', 2);
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual(expect.objectContaining({ compatible: 'true', 'breaking-changes': '1', 'approvals-satisfied': 'true', 'deprecations-pending': '1' }));
    const run = fake.state.checkRuns.find((r) => r.head_sha === heads.pr2);
    expect(run?.conclusion).toBe('success');
  }, 120_000);

  it('issue 12: a merged_at fallback does not date a marker when main\'s activity record does not reach back to the window', async () => {
    const full = fake.state.activity.get('acme/schemas:refs/heads/main') ?? [];
    // The record holds only last week's push: the merge that brought the marker is older than it.
    fake.state.activity.set('acme/schemas:refs/heads/main', full.slice(0, 1));
    fake.state.mergedAt.set(deprecatedNote, new Date(Date.now() - 45 * 86_400_000).toISOString());
    try {
      setUpPull(2, heads.pr2 as string, [
        { login: 'lead1', state: 'APPROVED', commit: heads.pr2 as string },
        { login: 'expert1', state: 'APPROVED', commit: heads.pr2 as string },
      ]);
      const result = await act('pr2', 2);
      expect(result.code).toBe(1);
      const run = fake.state.checkRuns.filter((r) => r.head_sha === heads.pr2).at(-1);
      expect(run?.conclusion).toBe('failure');
      expect(run?.output?.summary).toContain('reaches back only to the push by @lead1');
      // The fallback was never asked: an unproven date is decided before it.
      expect(fake.requests.some((r) => r.path.endsWith(`/commits/${deprecatedNote}/pulls`))).toBe(false);
    } finally {
      fake.state.activity.set('acme/schemas:refs/heads/main', full);
      fake.state.mergedAt.delete(deprecatedNote);
    }
  }, 120_000);

  it('fails when the expert approved an older commit', async () => {
    setUpPull(2, heads.pr2 as string, [
      { login: 'lead1', state: 'APPROVED', commit: heads.pr2 as string },
      { login: 'expert1', state: 'APPROVED', commit: base },
    ]);
    const result = await act('pr2', 2);
    expect(result.code).toBe(1);
    expect(result.outputs['approvals-satisfied']).toBe('false');
    expect(fake.state.comments.get(2)?.[0]?.body).toContain('not counted: @expert1: approved commit');
  }, 120_000);

  it('trap 5: the last pusher cannot approve, although no commit is theirs', async () => {
    setUpPull(2, heads.pr2 as string, approvedBoth(heads.pr2 as string), { pusher: 'lead1' });
    const result = await act('pr2', 2);
    expect(result.code).toBe(1);
    expect(result.outputs['approvals-satisfied']).toBe('false');
    expect(fake.state.comments.get(2)?.[0]?.body).toContain(`@lead1: pushed the current head ${(heads.pr2 as string).slice(0, 7)}, so cannot approve it`);
  }, 120_000);

  it('trap 8: a fork PR with a read-only token still gets the verdict in the summary, outputs and exit code', async () => {
    setUpPull(2, heads.pr2 as string, [
      { login: 'lead1', state: 'APPROVED', commit: heads.pr2 as string },
      { login: 'expert1', state: 'APPROVED', commit: heads.pr2 as string },
    ]);
    fake.state.readOnly = true;
    try {
      const result = await act('pr2', 2);
      expect(result.code).toBe(0);
      expect(result.outputs.compatible).toBe('true');
      expect(result.summary).toContain('✅ Schema guardrails');
      expect(result.stdout).toContain('the verdict is only in the job summary and the exit code');
    } finally {
      fake.state.readOnly = false;
    }
  }, 120_000);

  it('trap 7: a token that cannot read the teams fails with the exact reason', async () => {
    const teams = new Map(fake.state.teams);
    fake.state.teams.clear();
    try {
      const result = await act('pr2', 2);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('the token cannot read org membership');
      expect(result.outputs['approvals-satisfied']).toBe('false');
    } finally {
      for (const [k, v] of teams) fake.state.teams.set(k, v);
    }
  }, 120_000);

  it('checks against the test registry with the registry-url input and masked credentials', async () => {
    const registry = await startTestRegistry({ auth: { type: 'basic', username: 'sr-key', password: 'sr-secret-value' } });
    try {
      registry.seed('orders-value', { schema: orders({ note: { deprecated: 'use memo' }, memo: { deprecated: true } }) });
      setUpPull(2, heads.pr2 as string, [
        { login: 'lead1', state: 'APPROVED', commit: heads.pr2 as string },
        { login: 'expert1', state: 'APPROVED', commit: heads.pr2 as string },
      ]);
      const result = await act('pr2', 2, 'pull_request', { 'registry-url': registry.url, 'registry-username': 'sr-key', 'registry-password': 'sr-secret-value' });
      expect(result.code).toBe(0);
      expect(result.outputs.compatible).toBe('true');
      const json = JSON.parse(result.outputs.result ?? '{}') as { source?: string };
      expect(json.source).toBe('registry');
      expect(registry.requests.some((r) => r.path.includes('orders-value') && r.headers.authorization === `Basic ${Buffer.from('sr-key:sr-secret-value').toString('base64')}`)).toBe(true);
      expect(result.stdout.split('\n').filter((l) => l.includes('sr-secret-value'))).toEqual(['::add-mask::sr-secret-value']);
    } finally {
      await registry.close();
    }
  }, 120_000);

  it('merge_group: checks the queued commit under the same check name, approvals already enforced on the PR', async () => {
    repo.git(new Date(), 'checkout', '-q', 'pr2');
    const commentsBefore = [...fake.state.comments.values()].flat().length;
    const event = { merge_group: { head_sha: heads.pr2, base_sha: base, head_ref: 'refs/heads/gh-readonly-queue/main/pr-2', base_ref: 'refs/heads/main' } };
    const env = { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: repo.dir, GITHUB_API_URL: apiUrl };
    const result = await runBundle(bundle, env, { 'github-token': 'ghs_e2eSecretToken0000000000000000000000' }, event, 'merge_group');
    expect(result.code).toBe(0);
    expect(result.outputs['approvals-satisfied']).toBe('true');
    const json = JSON.parse(result.outputs.result ?? '{}') as { approvals: { status: string; description: string } };
    expect(json.approvals).toEqual(expect.objectContaining({ status: 'skipped', description: 'merge queue: approvals were enforced on the pull request' }));
    expect(newest(heads.pr2 as string)).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'success' }));
    expect([...fake.state.comments.values()].flat()).toHaveLength(commentsBefore);
  }, 120_000);

  it('a stale run (the PR has a newer head) exits 0 without touching any check run', async () => {
    setUpPull(2, heads.pr1 as string, []);
    const before = JSON.stringify(fake.state.checkRuns);
    const result = await act('pr2', 2);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Stale run');
    expect(JSON.stringify(fake.state.checkRuns)).toBe(before);
  }, 120_000);

  it('fails when the checkout is neither the event head nor a merge commit of it', async () => {
    setUpPull(2, heads.pr2 as string, approvedBoth(heads.pr2 as string));
    repo.git(new Date(), 'checkout', '-q', 'pr1');
    const result = await runPullEvent(2, heads.pr2 as string);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('is neither the event\'s head');
    expect(newest(heads.pr2 as string)?.conclusion).toBe('failure');
  }, 120_000);

  it('accepts a merge-commit checkout whose second parent is the event head', async () => {
    setUpPull(2, heads.pr2 as string, approvedBoth(heads.pr2 as string));
    repo.git(new Date(), 'checkout', '-q', '--detach', 'main');
    repo.git(new Date(), 'merge', '-q', '--no-ff', '-m', 'Merge pr2 into main', 'pr2');
    const result = await runPullEvent(2, heads.pr2 as string);
    expect(result.code).toBe(0);
    expect(newest(heads.pr2 as string)?.conclusion).toBe('success');
  }, 120_000);

  it('fails the job when the check run cannot be created for a reason other than a read-only token', async () => {
    setUpPull(2, heads.pr2 as string, approvedBoth(heads.pr2 as string));
    fake.state.checkRunStatus = 422;
    try {
      const result = await act('pr2', 2);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('create the check run');
    } finally {
      delete fake.state.checkRunStatus;
    }
  }, 120_000);

  it('fails the job when a decided verdict cannot be written to the check run, which stays in progress', async () => {
    setUpPull(2, heads.pr2 as string, approvedBoth(heads.pr2 as string));
    fake.state.completionStatus = 422;
    try {
      const result = await act('pr2', 2);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('the verdict (success) could not be written to the check run, which stays in progress and blocks merging');
      expect(newest(heads.pr2 as string)?.status).toBe('in_progress');
    } finally {
      delete fake.state.completionStatus;
    }
  }, 120_000);

  it('report-only publishes under its own check name and never concludes the required check', async () => {
    setUpPull(1, heads.pr1 as string, approvedBoth(heads.pr1 as string));
    const required = fake.state.checkRuns.find((r) => r.head_sha === heads.pr1 && r.name === 'Schema guardrails: main');
    const before = JSON.stringify(required);
    const result = await act('pr1', 1, 'pull_request', { mode: 'report-only' });
    expect(result.code).toBe(0);
    const reportOnly = fake.state.checkRuns.filter((r) => r.head_sha === heads.pr1 && r.name === 'Schema guardrails: main (report only)');
    expect(reportOnly.map((r) => r.conclusion)).toEqual(['neutral']);
    expect(JSON.stringify(fake.state.checkRuns.find((r) => r.head_sha === heads.pr1 && r.name === 'Schema guardrails: main'))).toBe(before);
  }, 120_000);

  it('fails closed when the config input names a file missing on the base branch', async () => {
    setUpPull(2, heads.pr2 as string, approvedBoth(heads.pr2 as string));
    const result = await act('pr2', 2, 'pull_request', { config: 'policy/missing.yaml' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the config input names policy/missing.yaml, which does not exist on the base branch');
  }, 120_000);

  it('refuses pull_request_target', async () => {
    const result = await act('pr2', 2, 'pull_request_target');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('pull_request_target is not supported');
  }, 120_000);

  it('trap 9: the workflow_run evaluator checks a fork PR from a trusted run, reading its files under the path input', async () => {
    setUpPull(2, heads.pr2 as string, approvedBoth(heads.pr2 as string), { owner: 'forker', branch: 'patch-1' });
    repo.git(new Date(), 'checkout', '-q', 'pr2');
    const payload = workflowRunExample();
    // A fork's run lists no pull request: the action finds it by its head branch at that commit.
    Object.assign(payload.workflow_run, { event: 'pull_request', head_sha: heads.pr2, head_branch: 'patch-1', head_repository: { owner: { login: 'forker' } }, pull_requests: [] });
    const env = { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: dirname(repo.dir), GITHUB_API_URL: apiUrl };
    const inputs = { 'github-token': 'ghs_e2eSecretToken0000000000000000000000', path: basename(repo.dir), 'check-name': 'Schema guardrails (verified)' };
    const result = await runBundle(bundle, env, inputs, payload, 'workflow_run');
    expect(result.code).toBe(0);
    expect(fake.requests).toContainEqual(expect.objectContaining({ method: 'GET', path: '/repos/acme/schemas/pulls' }));
    const verified = fake.state.checkRuns.filter((r) => r.head_sha === heads.pr2 && r.name === 'Schema guardrails (verified): main');
    expect(verified.map((r) => [r.status, r.conclusion])).toEqual([['completed', 'success']]);
    expect(verified[0]?.output?.summary).toContain('### `orders-value`');
    expect(fake.state.comments.get(2)).toHaveLength(1);
    expect(result.outputs['approvals-satisfied']).toBe('true');
  }, 120_000);

  it('trap 12: a scheduled sweep re-checks the PR at its current head, so a lead who left the team no longer counts', async () => {
    setUpPull(2, heads.pr2 as string, approvedBoth(heads.pr2 as string));
    repo.git(new Date(), 'checkout', '-q', 'pr2');
    const leads = fake.state.teams.get('acme/platform-leads');
    fake.state.teams.set('acme/platform-leads', new Map());
    try {
      const env = { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: repo.dir, GITHUB_API_URL: apiUrl };
      const inputs = { 'github-token': 'ghs_e2eSecretToken0000000000000000000000', 'pull-request': '2', 'check-name': 'Schema guardrails (verified)' };
      const result = await runBundle(bundle, env, inputs, { schedule: '17 * * * *' }, 'schedule');
      expect(result.code).toBe(1);
      expect(result.outputs['approvals-satisfied']).toBe('false');
      expect(newest(heads.pr2 as string, 'Schema guardrails (verified): main')?.conclusion).toBe('failure');
    } finally {
      fake.state.teams.set('acme/platform-leads', leads ?? new Map());
    }
  }, 120_000);

  it('a retargeted PR is checked against its new base under that base\'s check name, never main\'s (policy-bot #57)', async () => {
    setUpPull(2, heads.pr2 as string, approvedBoth(heads.pr2 as string), { baseRef: 'release' });
    // The deprecation dates come from the new base's own activity: release was cut 50 days ago at note's deprecation.
    const when = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    fake.state.activity.set('acme/schemas:refs/heads/release', [
      { activity_type: 'push', before: deprecatedNote, after: base, ref: 'refs/heads/release', timestamp: when(5), actor: { login: 'lead1' } },
      { activity_type: 'branch_creation', before: '0'.repeat(40), after: deprecatedNote, ref: 'refs/heads/release', timestamp: when(50), actor: { login: 'lead1' } },
    ]);
    const main = JSON.stringify(fake.state.checkRuns.filter((r) => r.name === 'Schema guardrails: main'));
    repo.git(new Date(), 'checkout', '-q', 'pr2');
    const event = { action: 'edited', pull_request: { number: 2, head: { sha: heads.pr2 }, base: { sha: base, ref: 'release' } } };
    const env = { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: repo.dir, GITHUB_API_URL: apiUrl };
    const result = await runBundle(bundle, env, { 'github-token': 'ghs_e2eSecretToken0000000000000000000000' }, event, 'pull_request');
    expect(result.code).toBe(0);
    expect(fake.state.checkRuns.filter((r) => r.head_sha === heads.pr2 && r.name === 'Schema guardrails: release').map((r) => r.conclusion)).toEqual(['success']);
    expect(JSON.stringify(fake.state.checkRuns.filter((r) => r.name === 'Schema guardrails: main'))).toBe(main);
  }, 120_000);
});

/** The check run GitHub shows and requires: the newest of that name on the head (docs/security.md, the check-run writer rule). */
function newest(head: string, name = 'Schema guardrails: main') {
  return fake.state.checkRuns.filter((r) => r.head_sha === head && r.name === name).at(-1);
}

function approvedBoth(commit: string) {
  return [
    { login: 'lead1', state: 'APPROVED', commit },
    { login: 'expert1', state: 'APPROVED', commit },
  ];
}

/** A pull_request event for `head` run against whatever the repository has checked out. */
function runPullEvent(number: number, head: string): Promise<RunResult> {
  const event = { action: 'synchronize', pull_request: { number, head: { sha: head }, base: { sha: base, ref: 'main' } } };
  const env = { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: repo.dir, GITHUB_API_URL: apiUrl };
  return runBundle(bundle, env, { 'github-token': 'ghs_e2eSecretToken0000000000000000000000' }, event, 'pull_request');
}

/** GitHub's own workflow_run payload, to be pointed at a run of this repository's schema-check. */
function workflowRunExample(): { workflow_run: Record<string, unknown> } {
  const entry = (examples as { name: string; examples: { workflow_run: Record<string, unknown> }[] }[]).find((e) => e.name === 'workflow_run');
  return structuredClone(entry?.examples[0] ?? { workflow_run: {} });
}
