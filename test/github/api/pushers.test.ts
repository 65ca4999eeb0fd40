/**
 * Who pushed the head, over real HTTP (nock): the pull request is the real `synchronize` webhook
 * payload's (@octokit/webhooks-examples; REST returns the same object), and the activity entries
 * carry that payload's before/after and sender, as GitHub records the push behind it.
 */
import { createRequire } from 'node:module';
import nock from 'nock';
import { useStrictNock } from '../../support/github-fake/strict-nock.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPullFacts } from '../../../src/action/approval-facts.js';
import { activitySource } from '../../../src/github/api/activity.js';
import { createClient } from '../../../src/github/api/client.js';
import { pullSource, type RepoRef } from '../../../src/github/api/pulls.js';
import { headPusher } from '../../../src/github/api/pushers.js';
import { teamSource } from '../../../src/github/api/teams.js';
import { evaluateApprovals } from '../../../src/policy/approvals/evaluate.js';
import { DEFAULT_APPROVALS, parsePrincipal, type ApprovalSettings } from '../../../src/policy/config/policy-sections.js';

interface Sync {
  before: string;
  after: string;
  sender: { login: string } & Record<string, unknown>;
  pull_request: { number: number; updated_at: string; head: { ref: string; sha: string; repo: Record<string, unknown> & { owner: Record<string, unknown> } } } & Record<string, unknown>;
}
const require = createRequire(import.meta.url);
const index = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: (Sync & { action: string })[] }[];
const sync = index.find((e) => e.name === 'pull_request')?.examples.find((e) => e.action === 'synchronize');
if (sync === undefined) throw new Error('webhooks-examples has no pull_request synchronize example');

const API = 'https://api.github.test';
const BASE = { owner: 'Codertocat', repo: 'Hello-World' };
const NUMBER = sync.pull_request.number;
const BRANCH = sync.pull_request.head.ref;
const HEAD = sync.after;
const OLD = sync.before;
const ACTIVITY_QUERY = { ref: `refs/heads/${BRANCH}`, per_page: '100', direction: 'desc' };
const SETTINGS: ApprovalSettings = { ...DEFAULT_APPROVALS, platformLeads: [parsePrincipal('lead1'), parsePrincipal('lead2')], domainExperts: [{ files: '**', owners: [parsePrincipal('expert1')] }] };

let paths: string[] = [];
function client() {
  const octokit = createClient({ token: '0000000000000000000000000000000000000001', baseUrl: API });
  octokit.hook.before('request', (options) => void paths.push(new URL(options.url, API).pathname));
  return octokit;
}

useStrictNock();
afterEach(() => {
  paths = [];
});

let nextId = 1;
function activity(type: string, after: string, login: string, before = OLD) {
  return { id: nextId++, node_id: `RA_${nextId}`, before, after, ref: `refs/heads/${BRANCH}`, timestamp: sync?.pull_request.updated_at, activity_type: type, actor: { ...sync?.sender, login } };
}

/** The real PR, its head in `headRepo`: a fork when not the base, null when deleted. */
function mockPullRequest(headRepo: RepoRef | null = BASE) {
  const pr = sync?.pull_request;
  const repo = headRepo === null ? null : { ...pr?.head.repo, name: headRepo.repo, full_name: `${headRepo.owner}/${headRepo.repo}`, owner: { ...pr?.head.repo.owner, login: headRepo.owner } };
  nock(API).get(`/repos/Codertocat/Hello-World/pulls/${NUMBER}`).reply(200, { ...pr, head: { ...pr?.head, repo } });
}

/** The real PR, approved by lead1 and expert1, with one commit by its author. */
function mockPull(headRepo: RepoRef | null = BASE) {
  mockPullRequest(headRepo);
  const review = (id: number, login: string) => ({ id, user: { login, type: 'User' }, state: 'APPROVED', commit_id: HEAD, submitted_at: '2019-05-15T15:30:00Z' });
  nock(API).get(`/repos/Codertocat/Hello-World/pulls/${NUMBER}/reviews`).query({ per_page: '100' }).reply(200, [review(1, 'lead1'), review(2, 'expert1')]);
  nock(API).get(`/repos/Codertocat/Hello-World/pulls/${NUMBER}/commits`).query({ per_page: '100' }).reply(200, [
    { sha: HEAD, author: { login: 'Codertocat' }, committer: { login: 'web-flow' }, commit: { author: { email: '21031067+Codertocat@users.noreply.github.com' }, committer: { email: 'noreply@github.com' }, message: 'Update README' } },
  ]);
}

async function load(settings: ApprovalSettings = SETTINGS) {
  const octokit = client();
  const pulls = pullSource(octokit, BASE);
  const pull = await pulls.pull(NUMBER);
  return loadPullFacts(pulls, teamSource(octokit), (repo) => activitySource(octokit, repo), settings, pull);
}

describe('pullSource().pull: where the head lives', () => {
  it('reads the head branch and repository of the real payload', async () => {
    mockPullRequest();
    const pull = await pullSource(client(), BASE).pull(NUMBER);
    expect(pull).toMatchObject({ headRef: 'changes', headRepo: { owner: 'Codertocat', repo: 'Hello-World' }, headSha: HEAD, fromFork: false });
  });

  it('names the fork for a fork PR, and null when the head repository was deleted', async () => {
    mockPullRequest({ owner: 'forker', repo: 'hello-fork' });
    expect(await pullSource(client(), BASE).pull(NUMBER)).toMatchObject({ headRepo: { owner: 'forker', repo: 'hello-fork' }, fromFork: true });
    mockPullRequest(null);
    expect(await pullSource(client(), BASE).pull(NUMBER)).toMatchObject({ headRepo: null, fromFork: true });
  });
});

describe('headPusher', () => {
  it('finds the pusher of a plain push and reads no further page', async () => {
    const next = { link: `<${API}/repos/Codertocat/Hello-World/activity?ref=refs%2Fheads%2F${BRANCH}&per_page=100&direction=desc&after=Y3Vyc29y>; rel="next"` };
    nock(API).get('/repos/Codertocat/Hello-World/activity').query(ACTIVITY_QUERY).reply(200, [activity('push', HEAD, 'lead1'), activity('push', OLD, 'Codertocat', '0'.repeat(40))], next);
    expect(await headPusher(activitySource(client(), BASE), BRANCH, HEAD)).toBe('lead1');
    expect(paths).toEqual(['/repos/Codertocat/Hello-World/activity']);
  });

  it('finds the pusher of a force push, the newest activity that left the branch at the head', async () => {
    // Codertocat pushed HEAD, lead2 force-pushed it away, then lead2 force-pushed it back.
    nock(API).get('/repos/Codertocat/Hello-World/activity').query(ACTIVITY_QUERY).reply(200, [
      activity('force_push', HEAD, 'lead2', 'f'.repeat(40)),
      activity('force_push', 'f'.repeat(40), 'lead2', HEAD),
      activity('push', HEAD, 'Codertocat'),
    ]);
    expect(await headPusher(activitySource(client(), BASE), BRANCH, HEAD)).toBe('lead2');
  });

  it('ignores activities of other types that name the head (a deletion moves no tip)', async () => {
    nock(API).get('/repos/Codertocat/Hello-World/activity').query(ACTIVITY_QUERY).reply(200, [activity('branch_deletion', HEAD, 'lead1'), activity('branch_creation', HEAD, 'expert1', '0'.repeat(40))]);
    expect(await headPusher(activitySource(client(), BASE), BRANCH, HEAD)).toBe('expert1');
  });

  it('pages past the first page until it finds the push', async () => {
    const others = Array.from({ length: 100 }, (_, i) => activity('push', i.toString(16).padStart(40, 'a'), 'Codertocat'));
    const next = { link: `<${API}/repos/Codertocat/Hello-World/activity?ref=refs%2Fheads%2F${BRANCH}&per_page=100&direction=desc&after=Y3Vyc29y>; rel="next"` };
    nock(API).get('/repos/Codertocat/Hello-World/activity').query(ACTIVITY_QUERY).reply(200, others, next);
    nock(API).get('/repos/Codertocat/Hello-World/activity').query({ ...ACTIVITY_QUERY, after: 'Y3Vyc29y' }).reply(200, [activity('push', HEAD, 'lead1')]);
    expect(await headPusher(activitySource(client(), BASE), BRANCH, HEAD)).toBe('lead1');
  });

  it('names GitHub’s ghost account when the pusher’s account was deleted (a proven push, nobody to approve as)', async () => {
    nock(API).get('/repos/Codertocat/Hello-World/activity').query(ACTIVITY_QUERY).reply(200, [{ ...activity('push', HEAD, 'gone'), actor: null }]);
    expect(await headPusher(activitySource(client(), BASE), BRANCH, HEAD)).toBe('ghost');
  });

  it('is undefined when the activity runs out without the head', async () => {
    nock(API).get('/repos/Codertocat/Hello-World/activity').query(ACTIVITY_QUERY).reply(200, [activity('push', OLD, 'Codertocat')]);
    expect(await headPusher(activitySource(client(), BASE), BRANCH, HEAD)).toBeUndefined();
  });
});

describe('loadPullFacts: the last pusher', () => {
  it('records who pushed the head, and the engine then dismisses their approval', async () => {
    mockPull();
    nock(API).get('/repos/Codertocat/Hello-World/activity').query(ACTIVITY_QUERY).reply(200, [activity('push', HEAD, 'lead1')]);
    const facts = await load();
    expect(facts.lastPusher).toBe('lead1');
    expect(facts.pusherError).toBeUndefined();
    const result = evaluateApprovals({ settings: SETTINGS, facts, schemaFiles: ['schemas/a.avsc'], required: true });
    expect(result.status).toBe('pending');
    expect(result.dismissed).toEqual([expect.objectContaining({ login: 'lead1', reason: `pushed the current head ${HEAD.slice(0, 7)}, so cannot approve it; someone else must approve after the last push` })]);
  });

  it('reads the activity of the fork for a fork PR', async () => {
    mockPull({ owner: 'forker', repo: 'hello-fork' });
    nock(API).get('/repos/forker/hello-fork/activity').query(ACTIVITY_QUERY).reply(200, [activity('force_push', HEAD, 'forker')]);
    const facts = await load();
    expect(facts.lastPusher).toBe('forker');
    expect(paths).not.toContain('/repos/Codertocat/Hello-World/activity');
  });

  it('fails closed when the push is not in the activity, saying what to do', async () => {
    mockPull();
    nock(API).get('/repos/Codertocat/Hello-World/activity').query(ACTIVITY_QUERY).reply(200, [activity('push', OLD, 'Codertocat')]);
    const facts = await load();
    expect(facts.lastPusher).toBeUndefined();
    expect(facts.pusherError).toBe(
      `the push that made ${HEAD.slice(0, 7)} the head of PR #${NUMBER} is not in the activity of branch changes of Codertocat/Hello-World, so who pushed it cannot be proven; push the branch again (or re-run the check if the push was just made), or set approvals.exclude-last-pusher: false to accept that whoever pushed it may approve`,
    );
    expect(evaluateApprovals({ settings: SETTINGS, facts, schemaFiles: ['schemas/a.avsc'], required: true }).status).toBe('error');
  });

  it('fails closed with GitHub’s refusal when the token may not read the activity (403)', async () => {
    mockPull({ owner: 'forker', repo: 'hello-fork' });
    nock(API).get('/repos/forker/hello-fork/activity').query(ACTIVITY_QUERY).reply(403, { message: 'Resource not accessible by integration' });
    const facts = await load();
    expect(facts.pusherError).toBe(
      `cannot prove who pushed head ${HEAD.slice(0, 7)} of PR #${NUMBER} to branch changes of forker/hello-fork: GitHub refused to read the activity of branch changes in forker/hello-fork (HTTP 403: Resource not accessible by integration); give the token the permission docs/action.md lists`,
    );
  });

  it('fails closed without asking when the head repository was deleted', async () => {
    mockPull(null);
    const facts = await load();
    expect(facts.pusherError).toBe(
      `the head repository of PR #${NUMBER} was deleted, so who pushed its head ${HEAD.slice(0, 7)} cannot be proven; open the change again from an existing branch, or set approvals.exclude-last-pusher: false to accept that whoever pushed it may approve`,
    );
    expect(paths.filter((p) => p.endsWith('/activity'))).toEqual([]);
  });

  it('reads no activity at all with exclude-last-pusher: false', async () => {
    mockPull();
    const facts = await load({ ...SETTINGS, excludeLastPusher: false });
    expect(facts).not.toHaveProperty('lastPusher');
    expect(facts).not.toHaveProperty('pusherError');
    expect(paths.filter((p) => p.endsWith('/activity'))).toEqual([]);
  });
});
