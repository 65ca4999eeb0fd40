/**
 * End to end on the bundle (issue 12): an old pull_request payload replayed ("Re-run jobs") after
 * main moved is judged against the pull request's CURRENT base, from the API, never the payload's.
 * Each scenario passes against the old base, then main (a) removes a reviewer from the Platform
 * Leads, (b) withdraws a deprecation marker, (c) changes the owners of the file; the replay must then
 * fail, re-evaluated on the fresh base when the checkout holds it, and as stale when it does not.
 * The sweep, likewise, judges only the head it checked out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { committedActionBundle } from '../support/github-fake/bundle.js';
import { FakeGitHub } from '../support/github-fake/server.js';
import { Repo, runBundle, type RunResult } from './e2e-support.js';

const TOKEN = 'ghs_e2eSecretToken0000000000000000000000';
const CHECK = 'Schema guardrails: main';
const DAY = 86_400_000;

interface Policy {
  readonly leads: readonly string[];
  readonly experts: readonly string[];
}

function policy({ leads, experts }: Policy): string {
  return `version: 1
subjects:
  - files: "schemas/*.avsc"
    topic: orders
approvals:
  platform-leads: [${leads.join(', ')}]
  domain-experts:
    - files: "schemas/**"
      owners: [${experts.join(', ')}]
`;
}

function orders(note: Record<string, unknown> | undefined): string {
  const fields: unknown[] = [{ name: 'id', type: 'long' }];
  if (note !== undefined) fields.push({ name: 'note', type: 'string', default: '', ...note });
  return `${JSON.stringify({ type: 'record', name: 'Order', namespace: 'com.acme', fields }, null, 2)}\n`;
}

const OLD_POLICY: Policy = { leads: ['lead1', 'lead2'], experts: ['expert1', 'expert2'] };

/** What main changes after the pull request's first run. */
interface MainMove {
  readonly policy?: Policy;
  readonly schema?: string;
}

const fakes: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.stop()));
});

/**
 * A repository whose main deprecated `note` 60 days ago (matured) at `oldBase`, a PR that removes
 * `note`, approved by `approvers`, and a fake GitHub whose PR reports `oldBase` as its base.
 */
async function scenario(number: number, approvers: readonly string[]) {
  const repo = new Repo();
  const fake = new FakeGitHub();
  fakes.push(fake);
  const apiUrl = await fake.start();
  const v1 = repo.write('guardrails.yaml', policy(OLD_POLICY)).write('schemas/orders.avsc', orders({})).commit('orders v1', 200);
  const oldBase = repo.write('schemas/orders.avsc', orders({ deprecated: 'use id' })).commit('deprecate note', 60);
  repo.git(new Date(), 'checkout', '-q', '-b', 'remove-note');
  const head = repo.write('schemas/orders.avsc', orders(undefined)).commit('remove note', 1);
  repo.git(new Date(), 'checkout', '-q', 'main');
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  const activity = (type: string, before: string, after: string, days: number) => ({ activity_type: type, before, after, ref: 'refs/heads/main', timestamp: ago(days), actor: { login: 'lead1' } });
  const mainActivity = [activity('push', v1, oldBase, 60), activity('branch_creation', '0'.repeat(40), v1, 200)];
  fake.state.activity.set('acme/schemas:refs/heads/main', mainActivity);
  fake.state.activity.set('acme/schemas:refs/heads/remove-note', [activity('push', oldBase, head, 1)].map((a) => ({ ...a, ref: 'refs/heads/remove-note', actor: { login: 'dev' } })));
  fake.state.contents.set(`${oldBase}:guardrails.yaml`, policy(OLD_POLICY));
  /** The pull request as the API reports it now. */
  const setPull = (headSha: string, baseSha: string) =>
    fake.state.pulls.set(number, {
      number, state: 'open', user: { login: 'dev' }, labels: [],
      head: { sha: headSha, ref: 'remove-note', repo: { full_name: 'acme/schemas', name: 'schemas', owner: { login: 'acme' } } },
      base: { sha: baseSha, ref: 'main', repo: { full_name: 'acme/schemas', owner: { login: 'acme' } } },
    });
  const setBase = (sha: string) => setPull(head, sha);
  setBase(oldBase);
  fake.state.reviews.set(number, approvers.map((login, i) => ({ id: i + 1, user: { login, type: 'User' }, state: 'APPROVED', commit_id: head, submitted_at: ago(0) })));
  fake.state.commits.set(number, [{ sha: head, author: { login: 'dev' }, committer: { login: 'dev' } }]);

  /** The event of the PR's first run: its payload's base is `oldBase` for good. */
  const payload = syncPayload(number, head, oldBase);
  const run = (workspace: string): Promise<RunResult> =>
    runBundle(committedActionBundle(), { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: workspace, GITHUB_API_URL: apiUrl }, { 'github-token': TOKEN }, payload, 'pull_request');
  /** The hourly sweep of this PR, as schema-check-sweep.yml passes it the commit it checked out. */
  const sweep = (workspace: string, checkedOut: string): Promise<RunResult> =>
    runBundle(
      committedActionBundle(),
      { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: workspace, GITHUB_API_URL: apiUrl },
      { 'github-token': TOKEN, 'pull-request': String(number), 'head-sha': checkedOut, 'check-name': 'Schema guardrails (verified)' },
      { schedule: '17 * * * *' },
      'schedule',
    );

  /** main moves on: a new commit on main, its policy in the API, its push in main's activity, and the PR's new base. */
  const moveMain = (move: MainMove): string => {
    repo.git(new Date(), 'checkout', '-q', 'main');
    if (move.policy) repo.write('guardrails.yaml', policy(move.policy));
    if (move.schema) repo.write('schemas/orders.avsc', move.schema);
    const newBase = repo.commit('main moves on', 0);
    fake.state.contents.set(`${newBase}:guardrails.yaml`, policy(move.policy ?? OLD_POLICY));
    fake.state.activity.set('acme/schemas:refs/heads/main', [activity('push', oldBase, newBase, 0), ...mainActivity]);
    setBase(newBase);
    return newBase;
  };

  /** GitHub's merge checkout for pull_request: the PR head merged into the base the event saw. */
  const mergeCheckout = (dir: string) => {
    git(dir, 'checkout', '-q', '--detach', oldBase);
    git(dir, 'merge', '-q', '--no-ff', '-m', 'Merge remove-note into main', head);
  };

  const runs = () => fake.state.checkRuns.filter((r) => r.head_sha === head && r.name === CHECK);
  const latest = () => runs().at(-1);
  return { repo, fake, head, oldBase, run, sweep, setPull, moveMain, mergeCheckout, runs, latest };
}

/** A real pull_request `synchronize` payload from @octokit/webhooks-examples, pointed at this PR. */
function syncPayload(number: number, head: string, base: string): Record<string, unknown> {
  const entry = (examples as { name: string; examples: Record<string, unknown>[] }[]).find((e) => e.name === 'pull_request');
  const payload = structuredClone(entry?.examples.find((e) => e.action === 'synchronize') ?? {});
  const pull = payload.pull_request as { number: number; head: { sha: string; ref: string }; base: { sha: string; ref: string } };
  Object.assign(pull, { number });
  Object.assign(pull.head, { sha: head, ref: 'remove-note' });
  Object.assign(pull.base, { sha: base, ref: 'main' });
  return payload;
}

function git(dir: string, ...args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env }).trim();
}

/** A full clone made now (before main moves), as actions/checkout with fetch-depth: 0 leaves it. */
function cloneNow(source: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'guardrails-e2e-clone-')), 'checkout');
  git(tmpdir(), 'clone', '-q', '--no-local', source, dir);
  return dir;
}

function verdictOf(result: RunResult): { conclusion: string; problems: string[] } {
  return (JSON.parse(result.outputs.result ?? '{}') as { verdict: { conclusion: string; problems: string[] } }).verdict;
}

interface RoleView {
  readonly name: string;
  readonly description: string;
  readonly approvers: readonly { login: string }[];
  readonly mayStillApprove?: string;
}

/** One role of the approval tree in the JSON output. */
function roleOf(result: RunResult, name: string): Omit<RoleView, 'name'> | undefined {
  const approvals = (JSON.parse(result.outputs.result ?? '{}') as { approvals: { children: RoleView[] } }).approvals;
  const role = approvals.children.find((c) => c.name === name);
  return role && { description: role.description, approvers: role.approvers, ...(role.mayStillApprove !== undefined && { mayStillApprove: role.mayStillApprove }) };
}

const CASES = [
  {
    name: '(a) main removed the approving lead from the Platform Leads',
    approvers: ['lead2', 'expert1'],
    move: { policy: { leads: ['lead1'], experts: ['expert1', 'expert2'] } },
    expectFresh: (result: RunResult) => {
      expect(result.outputs['approvals-satisfied']).toBe('false');
      expect(verdictOf(result).problems).toEqual(['approvals pending: 1/2 roles filled by 1 distinct approver(s)']);
      // The fresh base's leads: lead2 no longer counts.
      expect(roleOf(result, 'Platform Lead')).toEqual({ description: '0/1 required approval(s)', approvers: [], mayStillApprove: '@lead1' });
    },
  },
  {
    name: '(b) main withdrew the deprecation marker of the removed field',
    approvers: ['lead1', 'expert1'],
    move: { schema: orders({}) },
    expectFresh: (result: RunResult) => {
      expect(result.outputs['approvals-satisfied']).toBe('true');
      expect(verdictOf(result).problems).toContain('schemas/orders.avsc: breaking change not covered by a matured deprecation');
    },
  },
  {
    name: '(c) main changed the owners of the schema file',
    approvers: ['lead1', 'expert2'],
    move: { policy: { leads: ['lead1', 'lead2'], experts: ['expert1'] } },
    expectFresh: (result: RunResult) => {
      expect(result.outputs['approvals-satisfied']).toBe('false');
      expect(verdictOf(result).problems).toEqual(['approvals pending: 1/2 roles filled by 1 distinct approver(s)']);
      // The fresh base's owners: expert2 no longer owns the file.
      expect(roleOf(result, 'Domain expert (schemas/**)')).toEqual({ description: '0/1 required approval(s) for 1 file(s)', approvers: [], mayStillApprove: '@expert1' });
    },
  },
] as const;

describe('a replayed pull_request event is judged against the current base (issue 12)', () => {
  it.each(CASES.map((c, i) => ({ ...c, number: 11 + i })))('$name: the replay is re-evaluated on the fresh base and fails', async ({ number, approvers, move, expectFresh }) => {
    const s = await scenario(number, approvers);
    s.mergeCheckout(s.repo.dir);
    const first = await s.run(s.repo.dir);
    // Judged on the old base, the PR passes: this is the green a replay must not keep.
    expect(first.code).toBe(0);
    expect(s.latest()).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'success' }));

    const newBase = s.moveMain(move);
    // A re-run checks out again (fetch-depth: 0 brings main's new commit) and replays the old payload.
    s.mergeCheckout(s.repo.dir);
    const replay = await s.run(s.repo.dir);
    expect(replay.code).toBe(1);
    expect(verdictOf(replay).conclusion).toBe('failure');
    expectFresh(replay);
    const json = JSON.parse(replay.outputs.result ?? '{}') as { against?: { commit?: string } };
    expect(json.against?.commit).toBe(newBase);
    // The check the branch protection reads now (the newest run of that name on the head) is red.
    expect(s.latest()).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'failure' }));
  }, 120_000);

  it.each(CASES.map((c, i) => ({ ...c, number: 21 + i })))('$name: a checkout without the fresh base fails as stale, never green', async ({ number, approvers, move }) => {
    const s = await scenario(number, approvers);
    const checkout = cloneNow(s.repo.dir);
    s.mergeCheckout(checkout);
    const newBase = s.moveMain(move);
    const replay = await s.run(checkout);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('::error::base moved since this event: re-run from the latest commit or push');
    expect(replay.stdout).toContain(`the pull request's base is now main at ${newBase.slice(0, 12)}`);
    const check = s.latest();
    expect(s.runs()).toHaveLength(1);
    expect(check).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'failure' }));
    expect(check?.output?.title).toBe('Base moved since this event');
    expect(check?.output?.summary).toContain('base moved since this event: re-run from the latest commit or push');
    // Nothing was judged on the old base: no verdict, no sticky comment.
    expect(replay.outputs.result).toBeUndefined();
    expect(s.fake.state.comments.get(number) ?? []).toEqual([]);
  }, 120_000);

  it('a head checkout (the workflow_run and sweep layout) is judged on the fresh base too, never the payload\'s', async () => {
    const s = await scenario(31, ['lead1', 'expert1']);
    const newBase = s.moveMain({ schema: orders({}) });
    // The payload still says oldBase; the PR's base is newBase, which withdrew the marker.
    git(s.repo.dir, 'checkout', '-q', 'remove-note');
    const result = await s.run(s.repo.dir);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.outputs.result ?? '{}') as { against?: { commit?: string } }).against?.commit).toBe(newBase);
    expect(verdictOf(result).problems).toContain('schemas/orders.avsc: breaking change not covered by a matured deprecation');
  }, 120_000);
});

describe('the sweep judges the head it checked out, or skips (issue 12)', () => {
  it('a push between the sweep\'s checkout and its API read skips without touching any check; an unmoved head is checked', async () => {
    const s = await scenario(41, ['lead1', 'expert1']);
    git(s.repo.dir, 'checkout', '-q', 'remove-note');
    const checked = await s.sweep(s.repo.dir, s.head);
    expect(checked.code).toBe(0);
    const verified = () => s.fake.state.checkRuns.filter((r) => r.name === 'Schema guardrails (verified): main');
    expect(verified().map((r) => [r.head_sha, r.status, r.conclusion])).toEqual([[s.head, 'completed', 'success']]);

    const pushed = 'e'.repeat(40);
    s.setPull(pushed, s.oldBase);
    const before = JSON.stringify(s.fake.state.checkRuns);
    const comments = JSON.stringify(s.fake.state.comments.get(41));
    const skipped = await s.sweep(s.repo.dir, s.head);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain(`Skipped: PR #41's head moved from the checked-out ${s.head} to ${pushed} since the sweep checked it out`);
    expect(skipped.stdout).not.toContain('::error::');
    expect(JSON.stringify(s.fake.state.checkRuns)).toBe(before);
    expect(JSON.stringify(s.fake.state.comments.get(41))).toBe(comments);
  }, 120_000);
});
