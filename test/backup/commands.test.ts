import { readFile, writeFile, rm, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { buildFixture, stateOf } from './fixtures.js';
import { run, tempDir } from './support.js';

let source: TestRegistry;
let target: TestRegistry;
let dir: { path: string; remove: () => Promise<void> };

beforeEach(async () => {
  source = await startTestRegistry();
  target = await startTestRegistry();
  dir = await tempDir('backup-cmd-');
  await buildFixture(source.url);
});
afterEach(async () => {
  await Promise.all([source.close(), target.close(), dir.remove()]);
});

const NAME = 'backup-20261126T020000Z';

async function backup(): Promise<string> {
  const ran = await run('backup', ['--registry-url', source.url, '--out', dir.path, '--progress', 'none']);
  expect(ran.stderr).not.toMatch(/error/i);
  expect(ran.code).toBe(0);
  return join(dir.path, NAME);
}

const restore = (from: string, ...more: string[]) => run('restore', ['--from', from, '--registry-url', target.url, '--progress', 'none', ...more]);

describe('guardrails backup', () => {
  it('writes a complete backup under the default name and prints a summary', async () => {
    const ran = await run('backup', ['--registry-url', source.url, '--out', dir.path, '--progress', 'none']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(`backup complete: ${join(dir.path, NAME)}`);
    expect(ran.stdout).toContain('8 subjects (1 soft-deleted), 12 versions (2 soft-deleted), 1 named contexts');
    expect(await readdir(dir.path)).toEqual([NAME]);
    const manifest = JSON.parse(await readFile(join(dir.path, NAME, 'MANIFEST.json'), 'utf8'));
    expect(manifest).toMatchObject({ source: { url: source.url }, listing: 'bulk', includesDeleted: true, startedAt: '2026-11-26T02:00:00.000Z' });
  });

  it('leaves soft-deleted subjects and versions out with --no-deleted', async () => {
    const ran = await run('backup', ['--registry-url', source.url, '--out', dir.path, '--no-deleted', '--progress', 'none']);
    expect(ran.code).toBe(0);
    const files = await readdir(join(dir.path, NAME, 'subjects'));
    expect(files).not.toContain('old.topic-value');
    expect(await readdir(join(dir.path, NAME, 'subjects', 'market.ticks-value'))).toEqual(['subject.json', 'v000001.json', 'v000003.json']);
  });

  it('prints usage errors as one line with exit 2', async () => {
    expect(await run('backup', ['--registry-url', source.url])).toMatchObject({ code: 2, stderr: expect.stringContaining('--out DIR is required') });
    expect(await run('backup', ['--out', dir.path, '--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--bogus'") });
    expect(await run('backup', ['--out', dir.path, '--concurrency', '0', '--registry-url', source.url])).toMatchObject({ code: 2 });
    expect(await run('backup', ['--out', dir.path])).toMatchObject({ code: 2, stderr: expect.stringContaining('GUARDRAILS_REGISTRY_URL') });
    expect((await run('backup', ['--help'])).stdout).toContain('Usage: guardrails backup --out DIR');
  });

  it('fails without publishing when the registry refuses a read', async () => {
    source.faults.add({ method: 'GET', path: /^\/config\//, fault: { kind: 'status', status: 403 } });
    const ran = await run('backup', ['--registry-url', source.url, '--out', dir.path, '--progress', 'none']);
    // Credentials that may not read are bad input; nothing was written.
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n').at(-1)).toMatch(/^error: .*403/);
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('names --registry-timeout-ms when the registry does not answer in time', async () => {
    source.faults.add({ method: 'GET', path: '/subjects', fault: { kind: 'hang' } });
    const ran = await run('backup', ['--registry-url', source.url, '--out', dir.path, '--registry-timeout-ms', '100', '--progress', 'none']);
    expect(ran.code).toBe(4);
    expect(ran.stderr.trim().split('\n').at(-1)).toMatch(/^error: Schema Registry: no response within 100 ms.*raise --registry-timeout-ms/);
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('refuses to overwrite an existing backup before reading the registry', async () => {
    await backup();
    source.resetCounts();
    const ran = await run('backup', ['--registry-url', source.url, '--out', dir.path, '--progress', 'none']);
    expect(ran).toMatchObject({ code: 2, stderr: expect.stringContaining('already exists; choose another --name') });
    expect(source.requests).toEqual([]);
  });
});

describe('guardrails restore', () => {
  it('restores a wiped registry identically and verifies it', async () => {
    const path = await backup();
    const ran = await restore(path);
    expect(ran.stdout).toContain('Verified: the target matches the backup.');
    expect(ran.code).toBe(0);
    expect(stateOf(target.state)).toEqual(stateOf(source.state));
  });

  it('prints the plan and writes nothing with --dry-run', async () => {
    const path = await backup();
    const planFile = join(dir.path, 'plan.json');
    const ran = await restore(path, '--dry-run', '--plan-out', planFile);
    expect(ran.code).toBe(0);
    const plan = JSON.parse(await readFile(planFile, 'utf8'));
    expect(plan).toMatchObject({ formatVersion: 1, preserveIds: true, conflicts: [] });
    expect(plan.register).toHaveLength(12);
    expect(ran.stdout).toContain('Restore plan (dry run: nothing will be written)');
    expect(ran.stdout).toContain('create     12 version(s) in 8 subject(s)');
    expect(ran.stdout).toContain('+ com.market.common.PriceLevel v1 (id 1)');
    expect(target.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('refuses a tampered backup before contacting the registry', async () => {
    const path = await backup();
    const file = join(path, 'subjects', 'market.ticks-value', 'v000001.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"id": 4', '"id": 9'));
    expect(await readFile(file, 'utf8')).not.toEqual(text);
    const ran = await restore(path);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('subjects/market.ticks-value/v000001.json: SHA-256 differs from SHA256SUMS');
    expect(target.requests).toEqual([]);
  });

  it('refuses a backup with a missing or an extra file', async () => {
    const path = await backup();
    await rm(join(path, 'subjects', 'market.ticks-value', 'v000003.json'));
    await writeFile(join(path, 'extra.json'), '{}\n');
    const ran = await restore(path);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('subjects/market.ticks-value/v000003.json: listed in SHA256SUMS but missing');
    expect(ran.stderr).toContain('extra.json: present but not listed in SHA256SUMS');
    expect(target.requests).toEqual([]);
  });

  it('restores into a registry that already has some of the subjects', async () => {
    const path = await backup();
    await restore(path, '--subject', 'com.market.common.PriceLevel', '--subject', 'market.ticks-value');
    const ran = await restore(path);
    expect(ran.stdout).toMatch(/identical +4 version\(s\), skipped/);
    expect(ran.code).toBe(0);
    expect(stateOf(target.state)).toEqual(stateOf(source.state));
  });

  it('stops on a conflict without writing anything', async () => {
    const path = await backup();
    // Id 1 of the default context holds other content in the target.
    target.seed('someone-else', { schema: '"string"' });
    const ran = await restore(path);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('! com.market.common.PriceLevel v1: id 1 in context . holds other content in the target (someone-else v1)');
    expect(ran.stderr).toContain('nothing was written');
    expect(target.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('resumes after a failure in the middle and never leaves IMPORT on', async () => {
    const path = await backup();
    target.faults.add({ method: 'POST', path: '/subjects/market.ticks-value/versions', times: 1, fault: { kind: 'status', status: 403 } });
    const failed = await restore(path);
    expect(failed.code).toBe(1);
    expect([...target.state.modes.values()]).not.toContain('IMPORT');
    expect(target.state.versions.size).toBeGreaterThan(0);
    const resumed = await restore(path);
    expect(resumed.code).toBe(0);
    expect(stateOf(target.state)).toEqual(stateOf(source.state));
  });

  it('names the subjects it could not take out of IMPORT, with the failure that stopped it', async () => {
    const path = await backup();
    target.faults
      .add({ method: 'POST', path: '/subjects/market.ticks-value/versions', times: 1, fault: { kind: 'status', status: 403 } })
      .add({ method: 'DELETE', path: '/mode/market.ticks-value', times: 1, fault: { kind: 'status', status: 403 } });
    const ran = await restore(path);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/could not take 1 subject\(s\) out of IMPORT mode \(market\.ticks-value: .*403.*\); the restore had failed before: .*403/);
    expect(target.state.modes.get('market.ticks-value')).toBe('IMPORT');
    expect([...target.state.modes].filter(([, m]) => m === 'IMPORT')).toEqual([['market.ticks-value', 'IMPORT']]);
    const resumed = await restore(path);
    expect(resumed.stdout).toContain('~ market.ticks-value');
    expect(resumed.code).toBe(0);
    expect(stateOf(target.state)).toEqual(stateOf(source.state));
  });

  it('resets subjects a killed restore left in IMPORT', async () => {
    const path = await backup();
    // What a restore killed after registering the first version of market.ticks-value leaves behind.
    target.state.modes.set('market.ticks-value', 'IMPORT');
    const v1 = JSON.parse(await readFile(join(path, 'subjects/market.ticks-value/v000001.json'), 'utf8'));
    target.seed('market.ticks-value', { schema: v1.schema, id: v1.id, version: 1 });
    const ran = await restore(path);
    expect(ran.stdout).toContain('Left in IMPORT by an earlier run (will be reset):\n  ~ market.ticks-value');
    expect(ran.code).toBe(0);
    expect(stateOf(target.state)).toEqual(stateOf(source.state));
  });

  it('restores selected subjects into another context', async () => {
    const path = await backup();
    const ran = await restore(path, '--glob', 'market.*', '--subject', 'com.market.common.PriceLevel', '--target-context', '.restored');
    expect(ran.code).toBe(0);
    const restored = [...target.state.versions.keys()].sort();
    expect(restored).toEqual([':.restored:com.market.common.PriceLevel', ':.restored:market.book-value', ':.restored:market.ticks-value']);
    const book = target.state.find(':.restored:market.book-value', 2);
    expect(book).toMatchObject({ id: 3, references: [{ subject: 'com.market.common.PriceLevel', version: 1 }] });
  });

  it('registers without ids with --no-preserve-ids', async () => {
    const path = await backup();
    target.seed('unrelated', { schema: '"string"' });
    const ran = await restore(path, '--glob', 'market.ticks-value', '--no-preserve-ids');
    expect(ran.code).toBe(0);
    const versions = target.state.all('market.ticks-value').map((v) => ({ id: v.id, version: v.version, deleted: v.deleted }));
    expect(versions).toEqual([
      { id: 2, version: 1, deleted: false },
      { id: 3, version: 2, deleted: true },
      { id: 4, version: 3, deleted: false },
    ]);
    expect(target.requests.some((r) => r.route === 'PUT /mode/{subject}')).toBe(false);
  });

  it('soft-deletes the version the target gave when the register response names none (--no-preserve-ids)', async () => {
    const path = await backup();
    // The target already holds a version of the subject, so its version numbers are one ahead of the backup's.
    target.seed('market.ticks-value', { schema: '"string"' });
    await fetch(`${target.url}/config/market.ticks-value`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"compatibility":"NONE"}' });
    target.faults.add({ method: 'POST', path: '/subjects/market.ticks-value/versions', fault: { kind: 'omit-fields', fields: ['version'] } });
    const ran = await restore(path, '--glob', 'market.ticks-value', '--no-preserve-ids');
    expect(ran.stderr).not.toMatch(/error:/);
    expect(ran.code).toBe(0);
    const versions = target.state.all('market.ticks-value').map((v) => ({ version: v.version, deleted: v.deleted }));
    expect(versions).toEqual([
      { version: 1, deleted: false },
      { version: 2, deleted: false },
      { version: 3, deleted: true },
      { version: 4, deleted: false },
    ]);
  });

  it('takes "already soft-deleted" after a lost soft-delete response as done', async () => {
    const path = await backup();
    // The delete happens but its answer is lost; the client's retry gets 40406.
    target.faults.add({ method: 'DELETE', path: '/subjects/market.ticks-value/versions/2', times: 1, fault: { kind: 'lost-response' } });
    const ran = await restore(path);
    expect(ran.stderr).not.toMatch(/error:/);
    expect(ran.code).toBe(0);
    expect(target.requests.filter((r) => r.method === 'DELETE' && r.path === '/subjects/market.ticks-value/versions/2')).toHaveLength(2);
    expect(stateOf(target.state)).toEqual(stateOf(source.state));
  });

  it('waits for every registration of a level before taking subjects out of IMPORT', async () => {
    const path = await backup();
    // Two independent versions: one refused at once, one still in flight when that failure arrives.
    target.faults
      .add({ method: 'POST', path: '/subjects/old.topic-value/versions', times: 1, fault: { kind: 'status', status: 403 } })
      .add({ method: 'POST', path: '/subjects/market.ticks-value/versions', times: 1, fault: { kind: 'latency', ms: 150 } });
    const ran = await restore(path);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/error: the target refused a write: .*403/);
    // The slow registration landed while its subject was still in IMPORT, and only then was the mode reset.
    expect(target.state.find('market.ticks-value', 1)).toBeDefined();
    const writes = target.requests.filter((r) => r.path.endsWith('market.ticks-value') || r.path.startsWith('/subjects/market.ticks-value/'));
    expect(writes.map((r) => r.route).filter((r) => r !== 'GET ?')).toContain('DELETE /mode/{subject}');
    expect([...target.state.modes.values()]).not.toContain('IMPORT');
  });

  it('warns when the target could reuse the ids of schemas hard-deleted before the backup', async () => {
    const created = source.seed('scratch', { schema: '"bytes"' });
    await fetch(`${source.url}/subjects/scratch`, { method: 'DELETE' });
    await fetch(`${source.url}/subjects/scratch?permanent=true`, { method: 'DELETE' });
    const path = await backup();
    const ran = await restore(path);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(new RegExp(`Warning: context \\.: the target's highest id is ${created.id - 1}, the source's was ${created.id}; ids up to ${created.id} .*could be reused`));
    expect(ran.stdout).not.toMatch(/Warning: context \.staging/);
  });
});
