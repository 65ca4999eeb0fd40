/**
 * The proof that a merged PR allowed a break, read from GitHub (nock) and never from the pushed
 * tree: the PR whose merge commit was pushed, the newest verified check run on its head from the
 * pinned App, and the verdict record in its summary.
 */
import '../support/github-fake/nock-node20.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeVerdictRecord, encodeVerdictRecord, type VerdictRecord } from '../../src/registry/register/verdict-record.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { address, cli, gitRepo, user, type Repo } from './register-support.js';

const API = 'https://api.github.test';
const APP = 999;
const HEAD = 'b'.repeat(40);
const CONFIG = 'version: 1\nsubjects:\n  - files: schemas/common/*.avsc\n    strategy: RecordNameStrategy\n  - files: schemas/user.avsc\n    topic: users\n';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

let sr: TestRegistry;
let repo: Repo;
let merge: string;
beforeEach(async () => {
  sr = await startTestRegistry();
  repo = await gitRepo();
  await repo.commit({ 'guardrails.yaml': CONFIG, 'schemas/common/address.avsc': address, 'schemas/user.avsc': user() });
  const env = { GUARDRAILS_REGISTRY_URL: sr.url };
  expect((await cli(['register'], repo.path, env)).code).toBe(0);
  merge = await repo.commit({ 'schemas/user.avsc': user([{ name: 'id', type: 'long' }]) }, 'Merge pull request #42');
});
afterEach(async () => {
  await sr.close();
  await repo.remove();
});

const record: VerdictRecord = { version: 1, conclusion: 'success', allowedBreaks: [{ subject: 'users-value', file: 'schemas/user.avsc', matured: ['acme.User.id'] }], approvers: ['expert', 'lead'] };

function github(runs: object[]): void {
  nock(API)
    .get(`/repos/acme/platform/commits/${merge}/pulls`)
    .query(true)
    .reply(200, [{ number: 42, merged_at: '2026-12-04T19:00:00Z', merge_commit_sha: merge, head: { sha: HEAD }, base: { ref: 'main', repo: { full_name: 'acme/platform' } } }]);
  nock(API)
    .get(`/repos/acme/platform/commits/${HEAD}/check-runs`)
    .query((q) => q['check_name'] === 'Schema guardrails (verified): main')
    .reply(200, { total_count: runs.length, check_runs: runs });
}

const run = (id: number, appId: number, summary: string, conclusion = 'success') => ({
  id,
  name: 'Schema guardrails (verified): main',
  head_sha: HEAD,
  status: 'completed',
  conclusion,
  app: { id: appId },
  output: { summary },
});

const registerWithProof = () =>
  cli(['register', '--app-id', String(APP), '--repository', 'acme/platform', '--github-api-url', API, '--audit-log', 'audit.jsonl'], repo.path, {
    GUARDRAILS_REGISTRY_URL: sr.url,
    GITHUB_TOKEN: 'ghs_test',
  });

describe('the merged PR’s verified check run', () => {
  it('allows the break it records, and the audit line names the PR, approvers and matured markers', async () => {
    github([run(5, APP, `${encodeVerdictRecord(record)}\n## ✅ Schema guardrails: ok`)]);
    const result = await registerWithProof();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/! users-value .*allowed break registered as v2.*temporary level NONE, restored/);
    expect(result.stdout).toMatch(/audit: users-value v2 .*PR #42 .*check run 5.*approved by expert, lead.*matured: acme\.User\.id/);
    const audit = (await readFile(join(repo.path, 'audit.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit).toEqual([expect.objectContaining({ subject: 'users-value', version: 2, pr: 42, headSha: HEAD, checkRunId: 5, approvers: ['expert', 'lead'], matured: ['acme.User.id'] })]);
    expect(sr.state.configs.has('users-value')).toBe(false);
  });

  it('ignores a run of the same name from another app (a decoy), so the break is refused', async () => {
    github([run(6, 111, encodeVerdictRecord(record))]);
    const result = await registerWithProof();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/x users-value .*refused/);
    expect(result.stdout).toMatch(/proof: no allowed breaks: PR #42 has no "Schema guardrails \(verified\): main" check run from app 999/);
    expect(sr.state.latestLive('users-value')?.version).toBe(1);
  });

  it('takes the newest run of the App: a later failure withdraws an earlier success', async () => {
    github([run(7, APP, encodeVerdictRecord(record)), run(8, APP, encodeVerdictRecord({ ...record, conclusion: 'failure' }), 'failure')]);
    const result = await registerWithProof();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/proof: no allowed breaks: the newest .* \(8\) is completed, failure/);
  });
});

describe('GitHub unavailable', () => {
  it('fails closed with exit 4 and registers nothing', async () => {
    nock(API).get(`/repos/acme/platform/commits/${merge}/pulls`).query(true).reply(404, { message: 'Not Found' });
    sr.resetCounts();
    const result = await registerWithProof();
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: GitHub could not be read for the merged pull request of [0-9a-f]{12}: .*nothing was registered/);
    expect(sr.requests).toEqual([]);
  });
});

describe('the verdict record', () => {
  it('round-trips, and text that would close a comment cannot break out', () => {
    const tricky = { ...record, allowedBreaks: [{ subject: 'x --> <b>', file: 'f', matured: [] }] };
    const encoded = encodeVerdictRecord(tricky);
    expect(encoded.slice(4, -4)).not.toContain('-->');
    expect(decodeVerdictRecord(`text\n${encoded}\nmore`)).toEqual(tricky);
    expect(decodeVerdictRecord('no record here')).toBeUndefined();
    expect(decodeVerdictRecord('<!-- guardrails-verdict:v1 !!! -->')).toBeUndefined();
  });
});
