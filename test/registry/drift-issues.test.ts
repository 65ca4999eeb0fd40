/**
 * `guardrails drift --open-issues`: one tracked issue per drift, through nock at the HTTP level,
 * against the test registry and a git repository built in the test. The issue store behind nock
 * is plain data, so each run sees what the previous one wrote.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API, REPO, github } from '../support/github/nock-helpers.js';
import { TempRepo } from '../github/support/temp-repo.js';
import { run } from '../../src/cli/main.js';
import { driftCommandWith } from '../../src/cli/commands/drift.js';
import { record, PRICE, SYMBOL } from '../cli/schemas.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';

interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: { name: string }[];
}

const cleanups: (() => Promise<void> | void)[] = [];
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  nock.cleanAll();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** GitHub's issues of the repository, with a log of every write. */
function fakeIssues(afterCreate: () => void = () => {}) {
  const issues: StoredIssue[] = [];
  const writes: string[] = [];
  // nock hands the parsed body to a body matcher; the reply, called right after, reads it from here.
  let sent: Record<string, unknown> = {};
  const capture = (body: Record<string, unknown>) => ((sent = body), true);
  let number = 0;
  const issuePath = (suffix: string) => (path: string) => {
    const m = new RegExp(`^${REPO}/issues/(\\d+)${suffix}$`).exec(path);
    if (m) number = Number(m[1]);
    return m !== null;
  };
  const raw = (i: StoredIssue) => ({ ...i, assignees: [], html_url: `https://github.test/acme/platform/issues/${i.number}`, closed_at: i.state === 'closed' ? '2026-12-04T00:00:00Z' : null });
  github().persist().get(`${REPO}/issues`).query(true).reply(() => [200, issues.filter((i) => i.labels.some((l) => l.name === 'registry-drift')).map(raw)]);
  github().persist().post(`${REPO}/issues`, capture).reply(() => {
    const b = sent as unknown as { title: string; body: string; labels: string[] };
    const issue: StoredIssue = { number: issues.length + 1, title: b.title, body: b.body, state: 'open', state_reason: null, labels: b.labels.map((name) => ({ name })) };
    issues.push(issue);
    writes.push(`create #${issue.number}`);
    afterCreate();
    return [201, raw(issue)];
  });
  github().persist().patch(issuePath(''), capture).reply(() => {
    const issue = issues.find((i) => i.number === number)!;
    Object.assign(issue, sent);
    writes.push(`${sent['state'] === 'closed' ? 'close' : 'update'} #${issue.number}`);
    return [200, raw(issue)];
  });
  github().persist().post(issuePath('/comments'), capture).reply(() => {
    writes.push(`comment #${number}`);
    return [201, { id: 1, body: sent['body'], created_at: '2026-12-04T00:00:00Z' }];
  });
  return { issues, writes };
}

async function fixture(): Promise<{ repo: TempRepo; sr: TestRegistry }> {
  const sr = await startTestRegistry();
  cleanups.push(() => sr.close());
  const repo = TempRepo.create();
  cleanups.push(() => repo.cleanup());
  const config = ['version: 1', 'subjects:', '  - files: schemas/ticks.avsc', '    topic: market.ticks', ''].join('\n');
  const tick = record('Tick', [SYMBOL]);
  repo.write('guardrails.yaml', config).write('schemas/ticks.avsc', tick).commit('ticks');
  sr.seed('market.ticks-value', { schema: tick });
  return { repo, sr };
}

const ENV = { GITHUB_TOKEN: 'ghp_test', GITHUB_REPOSITORY: 'acme/platform' };
// The rate limiter's pacing is for real GitHub; against nock it only makes the test slow.
const COMMAND = driftCommandWith({ trackerOptions: { throttle: false, retryAfterBaseValue: 1 } });

async function runCli(argv: readonly string[], cwd: string, env: Record<string, string>, signal?: AbortSignal) {
  let stdout = '';
  let stderr = '';
  const io = { cwd, env, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, ...(signal && { signal }) };
  const code = await run(argv, io, [COMMAND]);
  return { code, stdout, stderr };
}

describe('guardrails drift --open-issues', () => {
  it('opens one issue per drift once, leaves it alone while the drift lasts, and closes it when fixed', async () => {
    const { repo, sr } = await fixture();
    const github = fakeIssues();
    const hand = sr.seed('market.ticks-value', { schema: record('Tick', [SYMBOL, { ...PRICE, default: 0 }]) });
    const drift = () => runCli(['drift', '--registry-url', sr.url, '--open-issues', '--api-url', API], repo.dir, ENV);

    const first = await drift();
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('issues: 2 opened, 0 updated, 0 closed');
    expect(github.writes).toEqual(['create #1', 'create #2']);
    expect(github.issues.map((i) => i.title)).toEqual([
      `Registry drift: foreign-version market.ticks-value version ${hand.version}`,
      `Registry drift: latest-mismatch market.ticks-value version ${hand.version}`,
    ]);
    expect(github.issues[0]!.body).toMatch(/<!-- pm-action:v1 key=[0-9a-f]{20} incident=registry-drift src=market.ticks-value /);
    expect(github.issues[0]!.body).toContain('**What to do:**');

    const second = await drift();
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('issues: 0 opened, 0 updated, 0 closed');
    expect(github.writes).toHaveLength(2);

    await fetch(`${sr.url}/subjects/market.ticks-value/versions/${hand.version}`, { method: 'DELETE' });
    const fixed = await drift();
    expect(fixed.stdout).toContain('no drift');
    expect(fixed.stdout).toContain('issues: 0 opened, 0 updated, 2 closed');
    expect(fixed.code).toBe(0);
    expect(github.writes.slice(2)).toEqual(['comment #1', 'close #1', 'comment #2', 'close #2']);
    expect(github.issues.map((i) => [i.state, i.state_reason])).toEqual([['closed', 'completed'], ['closed', 'completed']]);
  });

  it('reopens the issue of a drift that comes back, and keeps other issues of the label alone', async () => {
    const { repo, sr } = await fixture();
    const github = fakeIssues();
    github.issues.push({ number: 1, title: 'not ours', body: 'no marker', state: 'open', state_reason: null, labels: [{ name: 'registry-drift' }] });
    await fetch(`${sr.url}/config/market.ticks-value`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ compatibility: 'NONE' }) });
    const drift = () => runCli(['drift', '--registry-url', sr.url, '--open-issues', '--api-url', API, '--format', 'json'], repo.dir, ENV);
    expect((await drift()).code).toBe(1);
    await fetch(`${sr.url}/config/market.ticks-value`, { method: 'DELETE' });
    expect((await drift()).code).toBe(0);
    await fetch(`${sr.url}/config/market.ticks-value`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ compatibility: 'NONE' }) });
    const back = await drift();
    expect(back.code).toBe(1);
    expect(JSON.parse(back.stdout)).toMatchObject({ command: 'drift', exitCode: 1, issues: { created: [], updated: [2], closed: [] } });
    expect(github.writes).toEqual(['create #2', 'comment #2', 'close #2', 'update #2']);
    expect(github.issues.map((i) => i.state)).toEqual(['open', 'open']);
  });

  it('starts no issue write after SIGTERM, says what was not done, and a re-run finishes without duplicates', async () => {
    const { repo, sr } = await fixture();
    const stop = new AbortController();
    const github = fakeIssues(() => stop.abort());
    sr.seed('market.ticks-value', { schema: record('Tick', [SYMBOL, { ...PRICE, default: 0 }]) });
    const argv = ['drift', '--registry-url', sr.url, '--open-issues', '--api-url', API];
    const stopped = await runCli(argv, repo.dir, ENV, stop.signal);
    expect(stopped.code).toBe(1);
    expect(github.writes).toEqual(['create #1']);
    expect(stopped.stdout).toContain('stopped by a signal; not done: 1 issue change(s):');
    expect(stopped.stdout).toContain('create issue "Registry drift: latest-mismatch market.ticks-value version 2"');
    const rerun = await runCli(argv, repo.dir, ENV);
    expect(rerun.stdout).toContain('issues: 1 opened, 0 updated, 0 closed');
    expect(github.writes).toEqual(['create #1', 'create #2']);
  });
});
