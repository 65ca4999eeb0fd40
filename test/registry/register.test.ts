/**
 * `guardrails register` end to end: a git repository built here, the Confluent-compatible test
 * registry, the CLI run in-process (and the domain function where a proof or a stop is injected).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitIn } from '../../src/backup/git.js';
import { createRegistryClient, parseRegistrySettings } from '../../src/registry/index.js';
import { schemaFilesAt } from '../../src/registry/register/files.js';
import type { MergedPrProof } from '../../src/registry/register/model.js';
import { registerSchemas } from '../../src/registry/register/register.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { address, cli, gitRepo, user, writesOf, type Repo } from './register-support.js';

const CONFIG = `version: 1
subjects:
  - files: schemas/common/*.avsc
    strategy: RecordNameStrategy
  - files: schemas/user.avsc
    topic: users
  - files: "schemas/staging/*.avsc"
    subject: staging-events
    context: .staging
    compatibility: FORWARD
`;

let sr: TestRegistry;
let repo: Repo;
beforeEach(async () => {
  sr = await startTestRegistry();
  repo = await gitRepo();
});
afterEach(async () => {
  await sr.close();
  await repo.remove();
});

const register = (...extra: string[]) => cli(['register', '--registry-url', sr.url, ...extra], repo.path);
const latest = (subject: string) => sr.state.latestLive(subject);

async function seedRepo(): Promise<void> {
  await repo.commit({
    'guardrails.yaml': CONFIG,
    'schemas/common/address.avsc': address,
    'schemas/user.avsc': user(),
    'schemas/staging/event.avsc': { type: 'record', name: 'Event', namespace: 'acme', fields: [{ name: 'at', type: 'long' }] },
  });
}

describe('register on a fresh registry', () => {
  it('registers references first, in their contexts, and a second run writes nothing', async () => {
    await seedRepo();
    const first = await register();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/\+ acme\.Address .*registered as v1/);
    expect(latest('acme.Address')).toMatchObject({ version: 1 });
    expect(latest('users-value')?.references).toEqual([{ name: 'acme.Address', subject: 'acme.Address', version: 1 }]);
    expect(latest(':.staging:staging-events')).toMatchObject({ version: 1 });
    // The level guardrails.yaml gives the staging subject is set; BACKWARD subjects need no override.
    expect(sr.state.configs.get(':.staging:staging-events')?.compatibilityLevel).toBe('FORWARD');
    expect(sr.state.configs.has('users-value')).toBe(false);
    // Dependencies before dependants.
    const writes = writesOf(sr).filter((w) => w.includes('/versions'));
    expect(writes.indexOf('POST /subjects/acme.Address/versions')).toBeLessThan(writes.indexOf('POST /subjects/users-value/versions'));

    sr.resetCounts();
    const second = await register('--format', 'json');
    expect(second.code).toBe(0);
    expect(writesOf(sr)).toEqual([]);
    const report = JSON.parse(second.stdout) as { command: string; counts: Record<string, number> };
    expect(report).toMatchObject({ reportVersion: 1, command: 'register', exitCode: 0, counts: { unchanged: 3, registered: 0 } });
    expect([...sr.state.versions.keys()].sort()).toEqual([':.staging:staging-events', 'acme.Address', 'users-value']);
  });

  it('treats a file whose keys were reordered as the registered version', async () => {
    await seedRepo();
    await register();
    const reordered = '{"fields":[{"type":"string","name":"city"}],"namespace":"acme","name":"Address","type":"record"}';
    await repo.commit({ 'schemas/common/address.avsc': reordered });
    sr.resetCounts();
    expect((await register()).code).toBe(0);
    expect(writesOf(sr)).toEqual([]);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    await seedRepo();
    const result = await register('--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/dry run/);
    expect(result.stdout).toMatch(/users-value .*would be registered\s+after acme\.Address/);
    expect(writesOf(sr)).toEqual([]);
  });

  it('has --help with its exit codes', async () => {
    const help = await cli(['register', '--help'], repo.path);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--dry-run/);
    expect(help.stdout).toMatch(/the Schema Registry or GitHub could not be reached/);
  });

  it('fails closed with exit 4 when the registry cannot be reached', async () => {
    await seedRepo();
    await sr.close();
    const result = await cli(['register', '--registry-url', sr.url, '--registry-timeout-ms', '2000'], repo.path);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: /);
  });
});

const breaking = user([{ name: 'id', type: 'long' }]);

function proof(subjects: string[]): MergedPrProof {
  return { pr: 42, headSha: 'a'.repeat(40), checkRunId: 7, approvers: ['lead', 'expert'], allowed: new Map(subjects.map((s) => [s, ['acme.User.id']])) };
}

async function runDomain(p: MergedPrProof | undefined, signal = new AbortController().signal) {
  const { commit, files } = await schemaFilesAt(gitIn(repo.path), 'HEAD');
  const settings = parseRegistrySettings({ url: sr.url });
  const client = createRegistryClient(settings, { signal });
  try {
    return await registerSchemas(
      { commit, files, dryRun: false, ...(p ? { proof: p } : {}) },
      { client, openCleanupClient: (deadline) => createRegistryClient(settings, { signal: deadline, settleMs: 0 }), signal, now: () => new Date('2026-12-04T20:00:00Z') },
    );
  } finally {
    client.close();
  }
}

describe('breaking changes', () => {
  beforeEach(async () => {
    await seedRepo();
    await register();
    await repo.commit({ 'schemas/user.avsc': breaking });
    sr.resetCounts();
  });

  it('refuses a break the merged PR did not allow, with the registry’s own messages', async () => {
    const result = await register();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/x users-value .*refused/);
    expect(result.stdout).toMatch(/errorType:'TYPE_MISMATCH'/);
    expect(latest('users-value')?.version).toBe(1);
    expect(writesOf(sr)).toEqual(['POST /subjects/users-value/versions']);
  });

  it('registers an allowed break with the next compatibilityGroup value, and audits it', async () => {
    sr.state.configs.set('users-value', { compatibilityGroup: 'major_version' });
    const result = await runDomain(proof(['users-value']));
    expect(result.failed).toBe(false);
    expect(result.entries.find((e) => e.subject === 'users-value')).toMatchObject({
      action: 'registered-break',
      version: 2,
      via: { kind: 'compatibility-group', property: 'major_version', to: '2' },
    });
    expect(latest('users-value')?.metadata).toEqual({ properties: { major_version: '2' } });
    expect(result.audit).toEqual([
      expect.objectContaining({ subject: 'users-value', version: 2, pr: 42, approvers: ['lead', 'expert'], matured: ['acme.User.id'], via: 'compatibility-group' }),
    ]);
    expect(sr.state.configs.get('users-value')?.compatibilityLevel).toBeUndefined();
    sr.resetCounts();
    expect((await runDomain(proof(['users-value']))).entries.every((e) => e.action === 'unchanged')).toBe(true);
    expect(writesOf(sr)).toEqual([]);
  });

  it('registers an allowed break under a temporary NONE level and restores the level', async () => {
    const result = await runDomain(proof(['users-value']));
    expect(result.entries.find((e) => e.subject === 'users-value')).toMatchObject({ action: 'registered-break', version: 2, via: { kind: 'temporary-level', restored: true } });
    expect(sr.state.configs.has('users-value')).toBe(false);
    expect(writesOf(sr)).toEqual([
      'POST /subjects/users-value/versions',
      'PUT /config/users-value',
      'POST /subjects/users-value/versions',
      'DELETE /config/users-value',
    ]);
    expect(result.audit[0]).toMatchObject({ via: 'temporary-level', pr: 42 });
  });

  it('converges after a kill between the two writes left the level at NONE', async () => {
    // What a SIGKILL after `PUT /config {NONE}` and before the registration leaves behind.
    sr.state.configs.set('users-value', { compatibilityLevel: 'NONE' });
    const result = await runDomain(proof(['users-value']));
    expect(result.failed).toBe(false);
    const entry = result.entries.find((e) => e.subject === 'users-value');
    expect(entry).toMatchObject({ action: 'registered-break', levelSet: { from: 'NONE', to: 'BACKWARD' }, via: { kind: 'temporary-level', restored: true } });
    expect(sr.state.configInScope('users-value').compatibilityLevel).toBe('BACKWARD');
    sr.resetCounts();
    expect((await runDomain(proof(['users-value']))).failed).toBe(false);
    expect(writesOf(sr)).toEqual([]);
  });

  it('puts the level back when a stop comes between the two writes, and registers nothing', async () => {
    const stop = new AbortController();
    sr.faults.add({ method: 'PUT', path: '/config/users-value', times: 1, fault: { kind: 'latency', ms: 300 } });
    const running = runDomain(proof(['users-value']), stop.signal);
    while (!sr.requests.some((r) => r.method === 'PUT')) await new Promise((resolve) => setTimeout(resolve, 5));
    stop.abort();
    const result = await running;
    expect(result.stopped).toBe(true);
    expect(result.failed).toBe(true);
    expect(result.entries.find((e) => e.subject === 'users-value')).toMatchObject({ action: 'skipped', via: { kind: 'temporary-level', restored: true } });
    expect(latest('users-value')?.version).toBe(1);
    expect(sr.state.configInScope('users-value').compatibilityLevel).toBe('BACKWARD');
    expect(sr.state.configs.get('users-value')?.compatibilityLevel).toBeUndefined();
  });
});
