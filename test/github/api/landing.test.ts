import nock from 'nock';
import { useStrictNock } from '../../support/github-fake/strict-nock.js';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/github/api/client.js';
import { GitHubApiError } from '../../../src/github/api/errors.js';
import { gitLanding, landingSource } from '../../../src/github/api/landing.js';

const API = 'https://api.github.test';
const REPO = { owner: 'acme', repo: 'schemas' };
const ZERO = '0'.repeat(40);
const CHAIN = ['c5', 'c4', 'c3', 'c2', 'c1'];
const ACTIVITY = '/repos/acme/schemas/activity';
const FIRST_PAGE = { ref: 'refs/heads/main', per_page: '100', direction: 'desc' };

const client = () => createClient({ token: '0000000000000000000000000000000000000001', baseUrl: API });
const landing = () => landingSource(client(), REPO, { branch: 'main' });
/** Committer dates as git reports them: client-set, years older than the real landings. */
const commits = (...shas: string[]) => new Map(shas.map((sha) => [sha, '2020-01-01T00:00:00Z']));

useStrictNock();

function activity(type: string, before: string, after: string, timestamp: string, login = 'alice') {
  return { id: 1, node_id: 'A', before, after, ref: 'refs/heads/main', timestamp, activity_type: type, actor: { login, id: 1, type: 'User' } };
}

const nextPage = (cursor: string) => ({ link: `<${API}${ACTIVITY}?ref=refs%2Fheads%2Fmain&per_page=100&direction=desc&after=${cursor}>; rel="next"` });

describe('landingSource: the repository activity', () => {
  it('does not request the next page when the first one dates every commit', async () => {
    nock(API)
      .get(ACTIVITY)
      .query(FIRST_PAGE)
      .reply(200, [activity('pr_merge', 'c3', 'c5', '2026-10-05T10:00:00Z', 'bob'), activity('push', 'c1', 'c3', '2026-10-03T10:00:00Z')], nextPage('p2'));
    const second = nock(API).get(ACTIVITY).query({ ...FIRST_PAGE, after: 'p2' }).reply(200, []);

    const facts = await landing().prove({ chain: CHAIN, commits: commits('c4', 'c2') });

    expect(facts.get('c4')).toEqual({ commit: 'c4', source: 'activity', at: '2026-10-05T10:00:00Z', detail: 'brought onto main by the pull request merge by @bob at 2026-10-05T10:00:00Z' });
    expect(facts.get('c2')).toEqual(expect.objectContaining({ source: 'activity', at: '2026-10-03T10:00:00Z' }));
    expect(second.isDone()).toBe(false);
    nock.cleanAll();
  });

  it('reads older pages only as far as needed', async () => {
    nock(API).get(ACTIVITY).query(FIRST_PAGE).reply(200, [activity('push', 'c3', 'c5', '2026-10-05T10:00:00Z')], nextPage('p2'));
    nock(API).get(ACTIVITY).query({ ...FIRST_PAGE, after: 'p2' }).reply(200, [activity('branch_creation', ZERO, 'c3', '2026-10-01T10:00:00Z')], nextPage('p3'));
    const third = nock(API).get(ACTIVITY).query({ ...FIRST_PAGE, after: 'p3' }).reply(200, []);

    const facts = await landing().prove({ chain: CHAIN, commits: commits('c1') });

    expect(facts.get('c1')).toEqual(expect.objectContaining({ source: 'activity', at: '2026-10-01T10:00:00Z' }));
    expect(third.isDone()).toBe(false);
    nock.cleanAll();
  });

  it('a force push after the landing restarts the clock there, without asking the weaker sources', async () => {
    nock(API)
      .get(ACTIVITY)
      .query(FIRST_PAGE)
      .reply(200, [activity('force_push', 'x9', 'c5', '2026-10-07T10:00:00Z', 'mallory'), activity('push', 'c1', 'c3', '2026-10-03T10:00:00Z')]);

    const facts = await landing().prove({ chain: CHAIN, commits: commits('c2') });

    expect(facts.get('c2')).toEqual(expect.objectContaining({ source: 'activity', at: '2026-10-07T10:00:00Z' }));
    expect(facts.get('c2')?.detail).toContain('main was force-pushed by @mallory at 2026-10-07T10:00:00Z');
  });

  it('a force push to a history without the commit makes it unproven', async () => {
    nock(API)
      .get(ACTIVITY)
      .query(FIRST_PAGE)
      .reply(200, [activity('push', 'x9', 'c5', '2026-10-07T11:00:00Z'), activity('force_push', 'c5', 'x9', '2026-10-07T10:00:00Z', 'mallory')]);

    const facts = await landing().prove({ chain: CHAIN, commits: commits('c2') });

    expect(facts.get('c2')?.source).toBe('unproven');
    expect(facts.get('c2')?.detail).toContain('before main was force-pushed by @mallory at 2026-10-07T10:00:00Z');
  });

  it('asks nothing when there is nothing to date', async () => {
    expect(await landing().prove({ chain: CHAIN, commits: new Map() })).toEqual(new Map());
  });

  it('a refused activity request fails with the permission to give', async () => {
    nock(API).get(ACTIVITY).query(FIRST_PAGE).reply(403, { message: 'Resource not accessible by integration' });
    const error = await landing().prove({ chain: CHAIN, commits: commits('c1') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).message).toContain('read the activity of branch main in acme/schemas');
  });
});

describe('landingSource: fallbacks when the activity does not list the arrival', () => {
  const merged = (sha: string, ref: string, number: number) => ({ number, merge_commit_sha: sha, merged_at: '2026-09-20T08:00:00Z', base: { ref } });
  const commit = (email: string, verified: boolean) => ({
    sha: 'x',
    commit: { committer: { name: 'GitHub', email, date: '2026-09-21T08:00:00Z' }, verification: { verified, reason: verified ? 'valid' : 'unsigned', signature: null, payload: null } },
  });

  it('then merged_at of the pull request into the branch, then a GitHub-signed committer date, else unproven', async () => {
    // c5, c4, c3 are newer than the one tip the record shows (c2); c9 is on no chain the record knows.
    nock(API).get(ACTIVITY).query(FIRST_PAGE).reply(200, [activity('push', 'c1', 'c2', '2026-10-05T10:00:00Z')]);
    nock(API).get('/repos/acme/schemas/commits/c5/pulls').query({ per_page: '100' }).reply(200, [merged('c5', 'main', 12)]);
    // c4: merged into another branch first (its merged_at says nothing about main), then made by GitHub.
    nock(API).get('/repos/acme/schemas/commits/c4/pulls').query({ per_page: '100' }).reply(200, [merged('c4', 'release', 13)]);
    nock(API).get('/repos/acme/schemas/commits/c4').reply(200, commit('noreply@github.com', true));
    // c3: claims to be GitHub's, but nothing signed it.
    nock(API).get('/repos/acme/schemas/commits/c3/pulls').query({ per_page: '100' }).reply(200, []);
    nock(API).get('/repos/acme/schemas/commits/c3').reply(200, commit('noreply@github.com', false));
    // c9: unknown to the API.
    nock(API).get('/repos/acme/schemas/commits/c9/pulls').query({ per_page: '100' }).reply(404, { message: 'No commit found' });
    nock(API).get('/repos/acme/schemas/commits/c9').reply(422, { message: 'No commit found for SHA: c9' });

    // The record read reaches back to 10-05, before the window's start: a rewrite since then would show.
    const facts = await landing().prove({ chain: CHAIN, commits: commits('c5', 'c4', 'c3', 'c9'), windowStart: '2026-11-01T00:00:00Z' });

    expect(facts.get('c5')).toEqual({ commit: 'c5', source: 'pr-merged-at', at: '2026-09-20T08:00:00Z', detail: 'merge commit of pull request #12, merged into main at 2026-09-20T08:00:00Z' });
    expect(facts.get('c4')).toEqual({ commit: 'c4', source: 'web-flow-committer-date', at: '2026-09-21T08:00:00Z', detail: 'created and signed by GitHub (web-flow) at 2026-09-21T08:00:00Z' });
    expect([facts.get('c3')?.source, facts.get('c3')?.at]).toEqual(['unproven', undefined]);
    expect(facts.get('c9')?.detail).toContain('no record proves when commit c9 reached main');
  });

  it('uses them when the oldest entry read is the branch creation, whatever the window', async () => {
    // c5 is newer than every tip the record shows (the activity lags behind the push).
    nock(API).get(ACTIVITY).query(FIRST_PAGE).reply(200, [activity('branch_creation', ZERO, 'c3', '2026-10-01T10:00:00Z')]);
    nock(API).get('/repos/acme/schemas/commits/c5/pulls').query({ per_page: '100' }).reply(200, [merged('c5', 'main', 14)]);
    const facts = await landing().prove({ chain: CHAIN, commits: commits('c5'), windowStart: '2026-09-01T00:00:00Z' });
    expect(facts.get('c5')).toEqual(expect.objectContaining({ source: 'pr-merged-at', at: '2026-09-20T08:00:00Z' }));
  });

  it('never asks for them when the record read ends inside the window: unproven, with the reason', async () => {
    // Strict nock: a merged_at or commit lookup would be an unmocked request and fail the test.
    nock(API).get(ACTIVITY).query(FIRST_PAGE).reply(200, [activity('push', 'c4', 'c5', '2026-10-05T10:00:00Z', 'bob')]);
    const facts = await landing().prove({ chain: CHAIN, commits: commits('c1'), windowStart: '2026-10-01T00:00:00Z' });
    expect(facts.get('c1')).toEqual({
      commit: 'c1',
      source: 'unproven',
      detail:
        'no record proves when commit c1 reached main: the repository activity of main reaches back only to the push by @bob at 2026-10-05T10:00:00Z, ' +
        'later than the window\'s start (2026-10-01T00:00:00Z) and not to the creation of the branch, so a force push since the marker landed could be missing; ' +
        'merged_at and web-flow commit dates are not used without that record; re-run the check once the activity record covers the window, or ask a Platform Lead for the emergency label',
    });
  });

  it('an empty activity record leaves every commit unproven without asking the weaker sources', async () => {
    nock(API).get(ACTIVITY).query(FIRST_PAGE).reply(200, []);
    const facts = await landing().prove({ chain: CHAIN, commits: commits('c1', 'c2'), windowStart: '2026-10-01T00:00:00Z' });
    expect([facts.get('c1')?.source, facts.get('c2')?.source]).toEqual(['unproven', 'unproven']);
    expect(facts.get('c2')?.detail).toContain('the repository activity of main lists nothing');
  });

  it('rethrows a refused pull request lookup instead of falling back', async () => {
    nock(API).get(ACTIVITY).query(FIRST_PAGE).reply(200, [activity('branch_creation', ZERO, 'c3', '2026-10-01T10:00:00Z')]);
    nock(API).get('/repos/acme/schemas/commits/c5/pulls').query({ per_page: '100' }).reply(403, { message: 'Resource not accessible by integration' });
    const error = await landing().prove({ chain: CHAIN, commits: commits('c5') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(403);
  });
});

describe('gitLanding (offline)', () => {
  it('uses committer dates and labels them as such', async () => {
    const facts = await gitLanding.prove({ chain: CHAIN, commits: new Map([['c1', '2026-01-02T00:00:00+00:00']]) });
    expect(facts.get('c1')).toEqual(expect.objectContaining({ source: 'committer-date', at: '2026-01-02T00:00:00+00:00' }));
  });
});
