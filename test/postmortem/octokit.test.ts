import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/postmortem/apply/apply.js';
import { parseFollowupsConfig } from '../../src/postmortem/config.js';
import { OctokitTracker } from '../../src/postmortem/github/octokit.js';
import { WriteNotStarted } from '../../src/postmortem/github/tracker.js';
import { renderActionMarker } from '../../src/postmortem/sync/key.js';
import type { SyncPlan } from '../../src/postmortem/sync/plan-types.js';
import { API, github, linkHeader, rawIssue, REPO, secondaryRateLimit } from '../support/github/nock-helpers.js';

const tracker = (throttle = false) =>
  OctokitTracker.create({ token: 't', repo: 'acme/platform', baseUrl: API, throttle, retryAfterBaseValue: 1 });
const NEW = { title: 't', body: 'b', labels: ['postmortem'], assignees: ['ghost'] };

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('OctokitTracker over HTTP', () => {
  it('lists every page of issues by label, state all, and drops pull requests', async () => {
    const path = `${REPO}/issues?labels=postmortem&state=all&per_page=100`;
    const q = { labels: 'postmortem', state: 'all', per_page: '100' };
    github().get(`${REPO}/issues`).query(q).reply(200, [rawIssue(5), rawIssue(4, { pull_request: {} })], { link: linkHeader(path, 1, 3) });
    github().get(`${REPO}/issues`).query({ ...q, page: '2' }).reply(200, [rawIssue(3)], { link: linkHeader(path, 2, 3) });
    github().get(`${REPO}/issues`).query({ ...q, page: '3' }).reply(200, [rawIssue(2, { labels: ['postmortem', { name: 'x' }] })], { link: linkHeader(path, 3, 3) });
    const issues = await tracker().listIssuesByLabel('postmortem');
    expect(issues.map((i) => i.number)).toEqual([5, 3, 2]);
    expect(issues[2]!.labels).toEqual(['postmortem', 'x']);
  });

  it('turns a 422 on assignees into a value, not a throw', async () => {
    github().post(`${REPO}/issues`).reply(422, {
      message: 'Validation Failed', errors: [{ value: 'ghost', resource: 'Issue', field: 'assignees', code: 'invalid' }],
    });
    expect(await tracker().createIssue(NEW)).toMatchObject({ ok: false, reason: 'assignees-rejected' });
  });

  it('waits out a 403 secondary rate limit and retries the create', async () => {
    const limited = secondaryRateLimit();
    github().post(`${REPO}/issues`).reply(limited.status, limited.body, limited.headers);
    github().post(`${REPO}/issues`).reply(201, rawIssue(7));
    const result = await tracker(true).createIssue(NEW);
    expect(result).toMatchObject({ ok: true, issue: { number: 7 } });
  });

  it('waits out a 429 secondary rate limit on a listing', async () => {
    const limited = secondaryRateLimit();
    github().get(`${REPO}/issues`).query(true).reply(429, limited.body, limited.headers);
    github().get(`${REPO}/issues`).query(true).reply(200, [rawIssue(1)]);
    expect((await tracker(true).listIssuesByLabel('postmortem')).map((i) => i.number)).toEqual([1]);
  });

  it('retries a read after a 502, but never re-posts a create: it reports an unknown outcome', async () => {
    github().get(`${REPO}/issues/1/comments`).query(true).reply(502, { message: 'Bad Gateway' });
    github().get(`${REPO}/issues/1/comments`).query(true).reply(200, [{ body: 'hi', created_at: '2026-01-01T00:00:00Z' }]);
    expect(await tracker().listComments(1)).toEqual([{ body: 'hi', createdAt: '2026-01-01T00:00:00Z' }]);
    github().post(`${REPO}/issues`).once().reply(502, { message: 'Bad Gateway' });
    expect(await tracker().createIssue(NEW)).toMatchObject({ ok: false, reason: 'unknown-outcome' });
  });

  it('after a create that succeeded but answered 502, finds the issue by its marker instead of creating a second', async () => {
    const marker = renderActionMarker({ key: 'abc123', incident: 'INC-1', src: 'postmortems/a.md', item: 0, due: '2026-01-10' });
    github().post(`${REPO}/issues`).once().reply(502, { message: 'Bad Gateway' });
    github().get(`${REPO}/issues`).query(true).reply(200, [rawIssue(9, { body: `${marker}\nbody` })]);
    const plan: SyncPlan = { version: 1, drift: [], operations: [{ kind: 'create', key: 'abc123', purpose: 'action-item', issue: { ...NEW, assignees: [] } }] };
    const result = await applyPlan(plan, { tracker: tracker(), config: parseFollowupsConfig({}), log: () => {}, signal: new AbortController().signal });
    expect(result.created).toEqual([{ key: 'abc123', number: 9, url: 'https://github.test/acme/platform/issues/9', recovered: true }]);
  });

  it('checks assignability once per login (204 / 404)', async () => {
    github().get(`${REPO}/assignees/alice`).once().reply(204);
    github().get(`${REPO}/assignees/bob`).once().reply(404, { message: 'Not Found' });
    const t = tracker();
    expect([await t.isAssignable('alice'), await t.isAssignable('bob'), await t.isAssignable('alice')]).toEqual([true, false, true]);
  });

  it('gives an actionable one-line error on 401, as bad input', async () => {
    github().get(`${REPO}/issues`).query(true).reply(401, { message: 'Bad credentials' });
    await expect(tracker().listIssuesByLabel('postmortem')).rejects.toMatchObject({
      kind: 'config',
      message: 'GitHub listing issues labelled "postmortem" failed for acme/platform: 401 Bad credentials; check GITHUB_TOKEN (or GH_TOKEN)',
    });
  });

  it('says the API is not GitHub when it answers HTML, naming --api-url', async () => {
    github().get(`${REPO}/issues`).query(true).reply(200, '<!doctype html><title>Sign in</title>', { 'content-type': 'text/html; charset=utf-8' });
    await expect(tracker().listIssuesByLabel('postmortem')).rejects.toMatchObject({
      kind: 'unavailable',
      message: `the GitHub API at ${API} answered /repos/acme/platform/issues with text/html; charset=utf-8, not GitHub's JSON; check --api-url ($GITHUB_API_URL): https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server`,
    });
  });

  it('says the API is not GitHub when an error page is HTML, and that the repository is missing on a JSON 404', async () => {
    github().get(`${REPO}/issues`).query(true).reply(403, '<html>Access denied by proxy</html>', { 'content-type': 'text/html' });
    await expect(tracker().listIssuesByLabel('postmortem')).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/^the GitHub API at https:\/\/api\.github\.test answered \/repos\/acme\/platform\/issues with text\/html, not GitHub's JSON/),
    });
    github().get(`${REPO}/issues`).query(true).reply(404, { message: 'Not Found' });
    await expect(tracker().listIssuesByLabel('postmortem')).rejects.toMatchObject({
      kind: 'config',
      message: "GitHub has no repository acme/platform that the token can see (404 listing its issues); check --repo (followups.repo, $GITHUB_REPOSITORY) and the token's access",
    });
  });

  it('says the API is not GitHub when a listing answers JSON that is not a list', async () => {
    github().get(`${REPO}/issues`).query(true).reply(200, { ok: true });
    await expect(tracker().listIssuesByLabel('postmortem')).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/^the GitHub API at https:\/\/api\.github\.test answered \/repos\/acme\/platform\/issues with JSON that is not a list, not GitHub's JSON/),
    });
  });

  it('sends no write once the signal is aborted, but still reads', async () => {
    const stop = new AbortController();
    const stoppable = OctokitTracker.create({ token: 't', repo: 'acme/platform', baseUrl: API, throttle: false, retryAfterBaseValue: 1, signal: stop.signal });
    stop.abort();
    // No interceptor for the POST: had it been sent, nock would refuse the connection instead.
    await expect(stoppable.createIssue(NEW)).rejects.toBeInstanceOf(WriteNotStarted);
    await expect(stoppable.addComment(1, 'x')).rejects.toBeInstanceOf(WriteNotStarted);
    github().get(`${REPO}/issues`).query(true).reply(200, [rawIssue(1)]);
    expect((await stoppable.listIssuesByLabel('postmortem')).map((i) => i.number)).toEqual([1]);
  });
});
