/**
 * SIGTERM against the real CLI process, mid-run: a restore sends only what was in flight and
 * leaves no subject in IMPORT; a backup publishes nothing. The test registry delays the requests
 * of the step being stopped, so that the run is surely mid-way when the signal comes.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleCli, spawnCli, type CliBundle } from '../support/cli-process.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { record } from './fixtures.js';
import { run, tempDir } from './support.js';

const CONCURRENCY = 4;
const SUBJECTS = 40;
const VERSIONS = 5;

let bundle: CliBundle;
let source: TestRegistry;
let target: TestRegistry;
let dir: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  bundle = await bundleCli();
});
afterAll(() => bundle.remove());
beforeEach(async () => {
  source = await startTestRegistry();
  target = await startTestRegistry();
  dir = await tempDir('signals-');
  for (let s = 0; s < SUBJECTS; s++) {
    for (let v = 0; v < VERSIONS; v++) {
      const fields: [string, unknown][] = [['a', 'int'], ...Array.from({ length: v }, (_, i): [string, unknown] => [`f${i}`, ['null', 'int']])];
      source.seed(`subject-${String(s).padStart(3, '0')}-value`, { schema: record(`R${s}`, ...fields) });
    }
  }
});
afterEach(async () => {
  await Promise.all([source.close(), target.close(), dir.remove()]);
});

const env = () => ({ PATH: process.env['PATH'], CI: 'true' });
const count = (sr: TestRegistry, route: string) => sr.requests.filter((r) => r.route === route).length;

describe('guardrails restore stopped by SIGTERM', () => {
  it('sends at most the registrations in flight, puts every subject back out of IMPORT, and says what was not done', async () => {
    const made = await run('backup', ['--registry-url', source.url, '--out', dir.path, '--name', 'b', '--progress', 'none']);
    expect(made.code).toBe(0);
    target.faults.add({ method: 'POST', path: /^\/subjects\/[^/]+\/versions$/, fault: { kind: 'latency', ms: 150 } });
    const cli = spawnCli(bundle, ['restore', '--from', join(dir.path, 'b'), '--registry-url', target.url, '--concurrency', String(CONCURRENCY), '--progress', 'lines'], { env: env() });
    await cli.waitFor(/registering: \d+\/200 \(10%\)/);
    const sentBefore = count(target, 'POST /subjects/{subject}/versions');
    const signalledAt = Date.now();
    cli.child.kill('SIGTERM');
    const exit = await cli.exited();

    expect(exit.code, cli.stderr()).toBe(1);
    expect(exit.at - signalledAt).toBeLessThan(10_000);
    expect([...target.state.modes].filter(([, mode]) => mode === 'IMPORT')).toEqual([]);
    const sentAfter = count(target, 'POST /subjects/{subject}/versions') - sentBefore;
    expect(sentAfter).toBeLessThanOrEqual(CONCURRENCY);
    const registered = [...target.state.versions.values()].reduce((n, vs) => n + vs.length, 0);
    expect(registered).toBeLessThan(SUBJECTS * VERSIONS);
    expect(cli.stderr()).toContain('SIGTERM received');
    expect(cli.stderr()).toMatch(new RegExp(`error: stopped by a signal: ${registered} version\\(s\\) registered, ${SUBJECTS * VERSIONS - registered} not; every subject is out of IMPORT`));
    expect(cli.stdout()).toMatch(/Modes: \d+ subject\(s\) put back from IMPORT\./);
  });
});

describe('guardrails backup stopped by SIGTERM', () => {
  it('starts no new request, removes its temporary state and publishes nothing', async () => {
    source.faults.add({ method: 'GET', path: /^\/config\/.+/, fault: { kind: 'latency', ms: 150 } });
    const out = join(dir.path, 'out');
    const cli = spawnCli(bundle, ['backup', '--registry-url', source.url, '--out', out, '--concurrency', String(CONCURRENCY), '--progress', 'lines', '--git-branch', 'x'], {
      env: env(),
      cwd: dir.path,
    });
    // Not a git repository: refused before any request, nothing created.
    expect((await cli.exited()).code).toBe(2);
    expect(source.requests).toEqual([]);

    const backup = spawnCli(bundle, ['backup', '--registry-url', source.url, '--out', out, '--concurrency', String(CONCURRENCY), '--progress', 'lines'], { env: env() });
    await backup.waitFor(/subjects: \d+\/40 \(10%\)/);
    const sentBefore = source.requests.length;
    const signalledAt = Date.now();
    backup.child.kill('SIGTERM');
    const exit = await backup.exited();

    expect(exit.code, backup.stderr()).toBe(1);
    expect(exit.at - signalledAt).toBeLessThan(10_000);
    expect(source.requests.length - sentBefore).toBeLessThanOrEqual(CONCURRENCY);
    expect(backup.stderr()).toMatch(/error: the backup was stopped by a signal while reading the registry; nothing was written, and nothing was published/);
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });
});
