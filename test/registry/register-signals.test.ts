/**
 * SIGTERM on the real executable between the two writes of an allowed break (the level set to NONE,
 * the registration in flight): nothing is registered, the level is put back, exit 1 within 10 s.
 * GitHub is a local HTTP server answering the two reads the proof needs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeVerdictRecord } from '../../src/registry/register/verdict-record.js';
import { bundleCli, spawnCli, type CliBundle } from '../support/cli-process.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { address, cli, gitRepo, user, type Repo } from './register-support.js';

const CONFIG = 'version: 1\nsubjects:\n  - files: schemas/common/*.avsc\n    strategy: RecordNameStrategy\n  - files: schemas/user.avsc\n    topic: users\n';
const HEAD = 'c'.repeat(40);
const NAME = 'Schema guardrails (verified): main';

let bundle: CliBundle;
let sr: TestRegistry;
let repo: Repo;
let github: Server;
let merge = '';

beforeAll(async () => {
  bundle = await bundleCli();
  sr = await startTestRegistry();
  repo = await gitRepo();
  await repo.commit({ 'guardrails.yaml': CONFIG, 'schemas/common/address.avsc': address, 'schemas/user.avsc': user() });
  expect((await cli(['register', '--registry-url', sr.url], repo.path)).code).toBe(0);
  merge = await repo.commit({ 'schemas/user.avsc': user([{ name: 'id', type: 'long' }]) });
  const record = encodeVerdictRecord({ version: 1, conclusion: 'success', allowedBreaks: [{ subject: 'users-value', file: 'schemas/user.avsc', matured: ['acme.User.id'] }], approvers: ['lead'] });
  github = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.setHeader('content-type', 'application/json');
    if (path === `/repos/acme/platform/commits/${merge}/pulls`) {
      res.end(JSON.stringify([{ number: 9, merged_at: '2026-12-04T19:00:00Z', merge_commit_sha: merge, head: { sha: HEAD }, base: { ref: 'main', repo: { full_name: 'acme/platform' } } }]));
    } else if (path === `/repos/acme/platform/commits/${HEAD}/check-runs`) {
      res.end(JSON.stringify({ total_count: 1, check_runs: [{ id: 3, name: NAME, head_sha: HEAD, status: 'completed', conclusion: 'success', app: { id: 77 }, output: { summary: record } }] }));
    } else {
      res.statusCode = 404;
      res.end('{"message":"Not Found"}');
    }
  });
  await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => github.close(() => resolve()));
  await sr.close();
  await repo.remove();
  await bundle.remove();
});

describe('guardrails register under SIGTERM', () => {
  it('puts the temporary level back and exits 1 within 10 s', async () => {
    const versions = '/subjects/users-value/versions';
    // The first registration answers (409, incompatible); the one under NONE never does.
    sr.faults.add({ method: 'POST', path: versions, times: 1, fault: { kind: 'latency', ms: 0 } });
    sr.faults.add({ method: 'POST', path: versions, fault: { kind: 'hang' } });
    sr.resetCounts();
    const { port } = github.address() as AddressInfo;
    const running = spawnCli(bundle, ['register', '--registry-url', sr.url, '--app-id', '77', '--repository', 'acme/platform', '--github-api-url', `http://127.0.0.1:${port}`], {
      cwd: repo.path,
      env: { PATH: process.env['PATH'] ?? '', GITHUB_TOKEN: 'ghs_test' },
    });
    while (sr.requests.filter((r) => r.method === 'POST' && r.path === versions).length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sr.state.configs.get('users-value')?.compatibilityLevel).toBe('NONE');
    const sent = Date.now();
    running.child.kill('SIGTERM');
    const exit = await running.exited();
    expect(exit.code, running.stderr()).toBe(1);
    expect(exit.at - sent).toBeLessThan(10_000);
    expect(sr.state.configs.has('users-value')).toBe(false);
    expect(sr.state.latestLive('users-value')?.version).toBe(1);
    expect(running.stdout()).toMatch(/users-value .*(skipped|failed)/);
  }, 30_000);
});
