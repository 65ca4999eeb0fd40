import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/api/client.js';
import { firstParentOf, openPullsAtHead } from '../../src/github/api/pull-lookup.js';
import { pullSource } from '../../src/github/api/pulls.js';
import type { EventContext, EventTarget } from '../../src/action/event.js';
import { resolveTargets } from '../../src/action/targets.js';
import { FakeGitHub } from '../support/github-fake/server.js';

const HEAD = 'a'.repeat(40);
const NEWER = 'b'.repeat(40);
const REPO = { owner: 'acme', repo: 'schemas' };
const fake = new FakeGitHub();
let apiUrl = '';

beforeAll(async () => {
  apiUrl = await fake.start();
  const pull = (number: number, sha: string, owner: string, branch: string, base: string) => ({
    number, state: 'open', user: { login: 'dev' }, labels: [],
    head: { sha, ref: branch, repo: { full_name: `${owner}/schemas`, name: 'schemas', owner: { login: owner } } },
    base: { sha: `${number}`.padStart(40, 'c'), ref: base, repo: { full_name: 'acme/schemas' } },
  });
  fake.state.pulls.set(1, pull(1, HEAD, 'acme', 'feature', 'main'));
  fake.state.pulls.set(2, pull(2, HEAD, 'forker', 'patch-1', 'main'));
  fake.state.pulls.set(3, pull(3, HEAD, 'forker', 'patch-1', 'release'));
  fake.state.pulls.set(4, pull(4, NEWER, 'forker', 'moved-on', 'main'));
  fake.state.pulls.set(5, { ...pull(5, NEWER, 'acme', 'done', 'main'), state: 'closed' });
  fake.state.parents.set(HEAD, 'd'.repeat(40));
});
afterAll(() => fake.stop());

function resolve(target: EventTarget) {
  const client = createClient({ token: 't', baseUrl: apiUrl });
  const event: EventContext = { name: 'x', owner: 'acme', repo: 'schemas', workspace: '.', apiUrl, target };
  const logged: string[] = [];
  const sources = { pulls: pullSource(client, REPO), pullsAtHead: (o: string, b: string, s: string) => openPullsAtHead(client, REPO, o, b, s), firstParent: (s: string) => firstParentOf(client, REPO, s), log: (l: string) => logged.push(l) };
  return resolveTargets(event, sources).then((targets) => ({ targets, logged }));
}

describe('resolveTargets', () => {
  it('pull_request: the fresh PR at its current base, whatever base the replayed event had (issue 12)', async () => {
    const { targets } = await resolve({ kind: 'pull', number: 3, headSha: HEAD });
    expect(targets.map((t) => [t.pull?.number, t.headSha, t.baseSha, t.baseRef])).toEqual([[3, HEAD, '3'.padStart(40, 'c'), 'release']]);
  });

  it('a stale event (the PR has a newer head) checks nothing and says so', async () => {
    const { targets, logged } = await resolve({ kind: 'pull', number: 4, headSha: HEAD });
    expect(targets).toEqual([]);
    expect(logged[0]).toContain(`Stale run: the event's head ${HEAD} is no longer the head of PR #4`);
  });

  it('workflow_run of a fork PR: found by owner:branch, every open PR of that head, base from the fresh PR', async () => {
    const { targets } = await resolve({ kind: 'workflow-run', headSha: HEAD, numbers: [], otherRepositories: [], headOwner: 'forker', headBranch: 'patch-1' });
    expect(targets.map((t) => [t.pull?.number, t.baseRef, t.baseSha])).toEqual([
      [2, 'main', '2'.padStart(40, 'c')],
      [3, 'release', '3'.padStart(40, 'c')],
    ]);
    expect(fake.requests.some((r) => r.path === '/repos/acme/schemas/pulls')).toBe(true);
  });

  it('workflow_run entries of other repositories are only logged, never looked up here', async () => {
    const { targets, logged } = await resolve({ kind: 'workflow-run', headSha: HEAD, numbers: [1], otherRepositories: [2], headOwner: 'acme', headBranch: 'feature' });
    expect(targets.map((t) => t.pull?.number)).toEqual([1]);
    expect(logged).toEqual(['Ignored workflow_run pull request entries of other repositories: #2 (their numbers name other pull requests here).']);
  });

  it('workflow_run whose head moved on, or that has no open PR, checks nothing', async () => {
    expect((await resolve({ kind: 'workflow-run', headSha: HEAD, numbers: [], otherRepositories: [], headOwner: 'forker', headBranch: 'moved-on' })).targets).toEqual([]);
    const none = await resolve({ kind: 'workflow-run', headSha: HEAD, numbers: [], otherRepositories: [], headOwner: 'nobody', headBranch: 'x' });
    expect(none.targets).toEqual([]);
    expect(none.logged).toEqual([`No open pull request has nobody:x at ${HEAD} as its head; nothing to check.`]);
  });

  it('workflow_run of a merge_group run: the queued commit against its first parent, no pull request', async () => {
    const { targets } = await resolve({ kind: 'queued-run', headSha: HEAD, baseRef: 'release/1.x' });
    expect(targets).toEqual([{ headSha: HEAD, baseSha: 'd'.repeat(40), baseRef: 'release/1.x' }]);
    await expect(resolve({ kind: 'queued-run', headSha: NEWER, baseRef: 'main' })).rejects.toThrow('GitHub found nothing when trying to read commit bbbbbbbbbbbb (HTTP 404)');
  });

  it('a sweep re-checks the PR at its current head and base, and skips a closed one', async () => {
    const { targets } = await resolve({ kind: 'sweep', number: 4 });
    expect(targets.map((t) => [t.pull?.number, t.headSha, t.baseSha, t.baseRef])).toEqual([[4, NEWER, '4'.padStart(40, 'c'), 'main']]);
    const closed = await resolve({ kind: 'sweep', number: 5 });
    expect(closed).toEqual({ targets: [], logged: ['PR #5 is closed; nothing to check.'] });
  });

  it('a sweep whose checked-out head is still the PR\'s head checks it; one whose head moved since skips, saying so', async () => {
    const same = await resolve({ kind: 'sweep', number: 4, headSha: NEWER });
    expect(same.targets.map((t) => [t.pull?.number, t.headSha])).toEqual([[4, NEWER]]);
    const moved = await resolve({ kind: 'sweep', number: 4, headSha: HEAD });
    expect(moved).toEqual({
      targets: [],
      logged: [`Skipped: PR #4's head moved from the checked-out ${HEAD} to ${NEWER} since the sweep checked it out; the run for the new head owns the check.`],
    });
  });

  it('merge_group: no pull request, the queued base', async () => {
    const { targets } = await resolve({ kind: 'merge-group', headSha: HEAD, baseSha: 'f'.repeat(40), baseRef: 'main' });
    expect(targets).toEqual([{ headSha: HEAD, baseSha: 'f'.repeat(40), baseRef: 'main' }]);
  });
});
