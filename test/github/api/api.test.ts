import nock from 'nock';
import { useStrictNock } from '../../support/github-fake/strict-nock.js';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/github/api/client.js';
import { DecoyCheckError } from '../../../src/github/api/check-apps.js';
import { checkRunWriter, type CheckAnnotation } from '../../../src/github/api/checks.js';
import { COMMENT_MARKER, stickyComments } from '../../../src/github/api/comments.js';
import { contentSource } from '../../../src/github/api/contents.js';
import { pullSource } from '../../../src/github/api/pulls.js';
import { teamSource } from '../../../src/github/api/teams.js';
import { GitHubApiError } from '../../../src/github/api/errors.js';

const API = 'https://api.github.test';
const REPO = { owner: 'acme', repo: 'schemas' };
const client = () => createClient({ token: '0000000000000000000000000000000000000001', baseUrl: API });

useStrictNock();

function review(id: number) {
  return { id, user: { login: `user${id}`, type: 'User' }, state: 'APPROVED', commit_id: 'abc', submitted_at: '2026-01-01T00:00:00Z' };
}

describe('pullSource', () => {
  it('trap 4: reads every page of reviews at 100 per page', async () => {
    const page = (n: number, count: number) => Array.from({ length: count }, (_, i) => review(n * 100 + i));
    const link = (next: number) => ({ link: `<${API}/repos/acme/schemas/pulls/7/reviews?per_page=100&page=${next}>; rel="next", <${API}/repos/acme/schemas/pulls/7/reviews?per_page=100&page=3>; rel="last"` });
    nock(API).get('/repos/acme/schemas/pulls/7/reviews').query({ per_page: '100' }).reply(200, page(0, 100), link(2));
    nock(API).get('/repos/acme/schemas/pulls/7/reviews').query({ per_page: '100', page: '2' }).reply(200, page(1, 100), link(3));
    nock(API).get('/repos/acme/schemas/pulls/7/reviews').query({ per_page: '100', page: '3' }).reply(200, page(2, 5));

    const reviews = await pullSource(client(), REPO).reviews(7);

    expect(reviews).toHaveLength(205);
    expect(reviews[204]).toEqual({ id: 204, user: { login: 'user204', type: 'User' }, state: 'APPROVED', commitId: 'abc', submittedAt: '2026-01-01T00:00:00Z' });
  });

  it('collects commit authors and committers, leaving out GitHub web-flow', async () => {
    nock(API).get('/repos/acme/schemas/pulls/7/commits').query({ per_page: '100' }).reply(200, [
      { sha: 'a', author: { login: 'dev' }, committer: { login: 'web-flow' } },
      { sha: 'b', author: { login: 'dev' }, committer: { login: 'pairing-partner' } },
    ]);
    expect(await pullSource(client(), REPO).commitPeople(7)).toEqual(['dev', 'pairing-partner']);
  });

  it('fails closed when a commit has no linked author or committer login', async () => {
    nock(API).get('/repos/acme/schemas/pulls/7/commits').query({ per_page: '100' }).reply(200, [
      { sha: 'a', author: { login: 'dev' }, committer: { login: 'web-flow' } },
      { sha: 'b0000000000000', author: null, committer: { login: 'pairing-partner' } },
    ]);
    const error = await pullSource(client(), REPO).commitPeople(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toContain('commit b00000000000 of pull request #7 has an author or committer email linked to no GitHub account');
  });

  it('trap 5: co-authors named in Co-authored-by trailers are authors too', async () => {
    nock(API).get('/repos/acme/schemas/pulls/7/commits').query({ per_page: '100' }).reply(200, [
      { sha: 'a', author: { login: 'dev' }, committer: { login: 'web-flow' }, commit: { author: { email: 'dev@acme.io' }, committer: { email: 'noreply@github.com' }, message: 'Drop field\n\nCo-authored-by: Lead <4242+lead1@users.noreply.github.com>\nCo-authored-by: Pal <pal@acme.io>' } },
      { sha: 'b', author: { login: 'pal' }, committer: { login: 'pal' }, commit: { author: { email: 'Pal@Acme.io' }, committer: { email: 'pal@acme.io' }, message: 'Tidy' } },
    ]);
    expect((await pullSource(client(), REPO).commitPeople(7)).sort()).toEqual(['dev', 'lead1', 'pal']);
  });

  it('trap 5: fails closed when a co-author cannot be matched to an account', async () => {
    nock(API).get('/repos/acme/schemas/pulls/7/commits').query({ per_page: '100' }).reply(200, [
      { sha: 'c0000000000000', author: { login: 'dev' }, committer: { login: 'dev' }, commit: { author: { email: 'dev@acme.io' }, committer: { email: 'dev@acme.io' }, message: 'x\n\nCo-authored-by: Someone <someone@elsewhere.example>' } },
    ]);
    const error = await pullSource(client(), REPO).commitPeople(7).catch((e: unknown) => e);
    expect((error as Error).message).toContain('names a co-author (someone@elsewhere.example) that cannot be matched to a GitHub account');
  });

  it('fails closed at 250 commits, where the API stops listing', async () => {
    const commits = Array.from({ length: 250 }, (_, i) => ({ sha: `c${i}`, author: { login: 'dev' }, committer: { login: 'dev' } }));
    const link = (next: number) => ({ link: `<${API}/repos/acme/schemas/pulls/7/commits?per_page=100&page=${next}>; rel="next"` });
    nock(API).get('/repos/acme/schemas/pulls/7/commits').query({ per_page: '100' }).reply(200, commits.slice(0, 100), link(2));
    nock(API).get('/repos/acme/schemas/pulls/7/commits').query({ per_page: '100', page: '2' }).reply(200, commits.slice(100, 200), link(3));
    nock(API).get('/repos/acme/schemas/pulls/7/commits').query({ per_page: '100', page: '3' }).reply(200, commits.slice(200));
    const error = await pullSource(client(), REPO).commitPeople(7).catch((e: unknown) => e);
    expect((error as Error).message).toContain('has 250 or more commits');
  });
});

describe('teamSource', () => {
  it('trap 7: a token that cannot see the team fails with the exact reason, never "not a member"', async () => {
    nock(API).get('/orgs/acme/teams/platform-leads').reply(404, { message: 'Not Found' });
    const error = await teamSource(client()).membership('acme', 'platform-leads', 'lead1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).kind).toBe('no-org-access');
    expect((error as Error).message).toContain('the token cannot read org membership');
    expect((error as Error).message).toContain('read:org');
  });

  it('reports active, pending and absent membership', async () => {
    nock(API).get('/orgs/acme/teams/leads').reply(200, { slug: 'leads' });
    nock(API).get('/orgs/acme/teams/leads/memberships/a').reply(200, { state: 'active', role: 'member' });
    nock(API).get('/orgs/acme/teams/leads/memberships/b').reply(200, { state: 'pending', role: 'member' });
    nock(API).get('/orgs/acme/teams/leads/memberships/c').reply(404, { message: 'Not Found' });
    const teams = teamSource(client());
    expect([await teams.membership('acme', 'leads', 'a'), await teams.membership('acme', 'leads', 'b'), await teams.membership('acme', 'leads', 'c')]).toEqual(['active', 'pending', 'none']);
  });
});

describe('checkRunWriter', () => {
  const annotation = (i: number): CheckAnnotation => ({ path: 'schemas/a.avsc', start_line: i + 1, end_line: i + 1, annotation_level: 'failure', message: `m${i}` });

  it('sends annotations in batches of 50 and completes with the last batch', async () => {
    const bodies: { annotations: number; status?: string }[] = [];
    nock(API)
      .patch('/repos/acme/schemas/check-runs/5', (body: { output: { annotations: unknown[] }; status?: string }) => {
        bodies.push({ annotations: body.output.annotations.length, ...(body.status !== undefined && { status: body.status }) });
        return true;
      })
      .times(3)
      .reply(200, {});
    await checkRunWriter(client(), REPO).complete(5, { conclusion: 'failure', title: 't', summary: 's', annotations: Array.from({ length: 120 }, (_, i) => annotation(i)) });
    expect(bodies).toEqual([{ annotations: 50 }, { annotations: 50 }, { annotations: 20, status: 'completed' }]);
  });

  it('truncates a summary over 65535 characters', async () => {
    let length = 0;
    nock(API)
      .patch('/repos/acme/schemas/check-runs/5', (body: { output: { summary: string } }) => {
        length = body.output.summary.length;
        return body.output.summary.endsWith('`result` output.');
      })
      .reply(200, {});
    await checkRunWriter(client(), REPO).complete(5, { conclusion: 'success', title: 't', summary: 'x'.repeat(100_000), annotations: [] });
    expect(length).toBe(65535);
  });

  const GUARDRAILS = { id: 1001, slug: 'guardrails-gate', name: 'Guardrails gate' };
  const RUNS = '/repos/acme/schemas/commits/abc/check-runs';
  const LIST = { check_name: 'Schema guardrails', filter: 'latest', per_page: '100' };
  const run = (id: number, app: { id: number; slug: string; name: string }) => ({ id, name: 'Schema guardrails', head_sha: 'abc', status: 'completed', conclusion: 'success', app });

  it('one writer per run: creates a new run on every start and never touches an existing one of the same name', async () => {
    nock(API).post('/repos/acme/schemas/check-runs', { name: 'Schema guardrails', head_sha: 'abc', status: 'in_progress' }).reply(201, run(12, GUARDRAILS));
    // Run 9 is an older evaluation of the same app: it is listed, not patched (strict nock fails any PATCH).
    nock(API).get(RUNS).query(LIST).reply(200, { total_count: 2, check_runs: [run(12, GUARDRAILS), run(9, GUARDRAILS)] });
    expect(await checkRunWriter(client(), REPO).start('Schema guardrails', 'abc')).toBe(12);
  });

  it('a run of the same name from another app is a decoy: the new run fails with the reason and start throws it', async () => {
    const decoy = { id: 2002, slug: 'ci-helper', name: 'CI helper' };
    nock(API).post('/repos/acme/schemas/check-runs').reply(201, run(12, GUARDRAILS));
    nock(API).get(RUNS).query(LIST).reply(200, { total_count: 2, check_runs: [run(12, GUARDRAILS), run(7, decoy)] });
    let failed: { conclusion?: string; output?: { title: string; summary: string } } = {};
    nock(API).patch('/repos/acme/schemas/check-runs/12', (body: typeof failed) => ((failed = body), true)).reply(200, {});

    const error = await checkRunWriter(client(), REPO).start('Schema guardrails', 'abc').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DecoyCheckError);
    expect(error).not.toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toBe(
      'another app posts check runs named "Schema guardrails" on abc: app ci-helper (id 2002), not this action\'s app guardrails-gate (id 1001); ' +
        'a decoy can pass where the ruleset does not pin the source, so this run fails: require "Schema guardrails" with app guardrails-gate (id 1001) as its expected source (docs/security.md) and remove the other app\'s checks: write access',
    );
    expect(failed.conclusion).toBe('failure');
    expect(failed.output?.title).toBe('Another app posts under this check name');
    expect(failed.output?.summary).toContain('| 7 | app ci-helper (id 2002) |');
  });

  it('reads every page of runs of that name, so a decoy on a later page is found', async () => {
    const decoy = { id: 2002, slug: 'ci-helper', name: 'CI helper' };
    const next = { link: `<${API}${RUNS}?check_name=Schema%20guardrails&filter=latest&per_page=100&page=2>; rel="next"` };
    nock(API).post('/repos/acme/schemas/check-runs').reply(201, run(300, GUARDRAILS));
    nock(API).get(RUNS).query(LIST).reply(200, { total_count: 101, check_runs: Array.from({ length: 100 }, (_, i) => run(300 - i, GUARDRAILS)) }, next);
    nock(API).get(RUNS).query({ ...LIST, page: '2' }).reply(200, { total_count: 101, check_runs: [run(5, decoy)] });
    nock(API).patch('/repos/acme/schemas/check-runs/300').reply(200, {});
    expect(await checkRunWriter(client(), REPO).start('Schema guardrails', 'abc').catch((e: unknown) => e)).toBeInstanceOf(DecoyCheckError);
  });

  it('a refused listing after the run was created fails that run and is never taken for a read-only token', async () => {
    nock(API).post('/repos/acme/schemas/check-runs').reply(201, run(12, GUARDRAILS));
    nock(API).get(RUNS).query(LIST).reply(403, { message: 'Resource not accessible by integration' });
    let conclusion: string | undefined;
    nock(API).patch('/repos/acme/schemas/check-runs/12', (body: { conclusion?: string }) => ((conclusion = body.conclusion), true)).reply(200, {});
    const error = await checkRunWriter(client(), REPO).start('Schema guardrails', 'abc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect([(error as GitHubApiError).kind, (error as GitHubApiError).status]).toEqual(['failed', undefined]);
    expect((error as Error).message).toContain('list the check runs named "Schema guardrails" on abc');
    expect(conclusion).toBe('failure');
  });

  it('trap 8: a read-only fork token gets a typed forbidden error when creating the run', async () => {
    nock(API).post('/repos/acme/schemas/check-runs').reply(403, { message: 'Resource not accessible by integration' });
    const error = await checkRunWriter(client(), REPO).start('Schema guardrails', 'abc').catch((e: unknown) => e);
    expect([(error as GitHubApiError).kind, (error as GitHubApiError).status]).toEqual(['forbidden', 403]);
  });
});

describe('stickyComments', () => {
  it('trap 13: updates the bot\'s own marked comment, ignoring a user\'s comment that quotes the marker', async () => {
    nock(API).get('/repos/acme/schemas/issues/7/comments').query({ per_page: '100' }).reply(200, [
      { id: 1, user: { login: 'mallory' }, body: `${COMMENT_MARKER}\nfake verdict` },
      { id: 2, user: { login: 'github-actions[bot]' }, body: 'unrelated bot comment' },
      { id: 3, user: { login: 'github-actions[bot]' }, body: `${COMMENT_MARKER}\nold verdict` },
    ]);
    nock(API).patch('/repos/acme/schemas/issues/comments/3', { body: `${COMMENT_MARKER}\nnew verdict` }).reply(200, { id: 3 });
    expect(await stickyComments(client(), REPO, 'github-actions[bot]').upsert(7, 'new verdict')).toEqual({ id: 3, created: false, changed: true });
  });

  it('without a configured login, matches the marked comment of any Bot account (an App token\'s login) but never a user\'s', async () => {
    nock(API).get('/repos/acme/schemas/issues/7/comments').query({ per_page: '100' }).reply(200, [
      { id: 1, user: { login: 'mallory', type: 'User' }, body: COMMENT_MARKER },
      { id: 5, user: { login: 'guardrails-app[bot]', type: 'Bot' }, body: `${COMMENT_MARKER}\nold` },
    ]);
    nock(API).patch('/repos/acme/schemas/issues/comments/5').reply(200, { id: 5 });
    expect(await stickyComments(client(), REPO).upsert(7, 'new')).toEqual({ id: 5, created: false, changed: true });
  });

  it('creates the comment when the bot has none', async () => {
    nock(API).get('/repos/acme/schemas/issues/7/comments').query({ per_page: '100' }).reply(200, [{ id: 1, user: { login: 'mallory' }, body: COMMENT_MARKER }]);
    nock(API).post('/repos/acme/schemas/issues/7/comments').reply(201, { id: 4 });
    expect(await stickyComments(client(), REPO, 'github-actions[bot]').upsert(7, 'verdict')).toEqual({ id: 4, created: true, changed: true });
  });

  it('sends nothing when the comment already says the same (nock refuses any PATCH)', async () => {
    nock(API).get('/repos/acme/schemas/issues/7/comments').query({ per_page: '100' }).reply(200, [{ id: 6, user: { login: 'github-actions[bot]' }, body: `${COMMENT_MARKER}\nverdict` }]);
    expect(await stickyComments(client(), REPO, 'github-actions[bot]').upsert(7, 'verdict')).toEqual({ id: 6, created: false, changed: false });
    expect(nock.isDone()).toBe(true);
  });

  it('onlyIfPresent: updates an existing comment but creates none', async () => {
    nock(API).get('/repos/acme/schemas/issues/7/comments').query({ per_page: '100' }).reply(200, []);
    expect(await stickyComments(client(), REPO, 'github-actions[bot]').upsert(7, 'no schema changes', { onlyIfPresent: true })).toEqual({ skipped: true });
    nock(API).get('/repos/acme/schemas/issues/7/comments').query({ per_page: '100' }).reply(200, [{ id: 8, user: { login: 'github-actions[bot]' }, body: `${COMMENT_MARKER}\nbreaking` }]);
    nock(API).patch('/repos/acme/schemas/issues/comments/8', { body: `${COMMENT_MARKER}\nno schema changes` }).reply(200, { id: 8 });
    expect(await stickyComments(client(), REPO, 'github-actions[bot]').upsert(7, 'no schema changes', { onlyIfPresent: true })).toEqual({ id: 8, created: false, changed: true });
    expect(nock.isDone()).toBe(true);
  });
});

describe('contentSource', () => {
  it('reads a file at the base ref, and undefined when it is absent there', async () => {
    nock(API).get('/repos/acme/schemas/contents/guardrails.yaml').query({ ref: 'base123' }).reply(200, { type: 'file', encoding: 'base64', content: Buffer.from('version: 1\n').toString('base64') });
    nock(API).get('/repos/acme/schemas/contents/missing.yaml').query({ ref: 'base123' }).reply(404, { message: 'Not Found' });
    const contents = contentSource(client(), REPO);
    expect(await contents.fileAt('guardrails.yaml', 'base123')).toBe('version: 1\n');
    expect(await contents.fileAt('missing.yaml', 'base123')).toBeUndefined();
  });
});
