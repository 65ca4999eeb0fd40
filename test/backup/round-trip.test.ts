import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/backup/backup.js';
import { readBackupDir } from '../../src/backup/backup-dir.js';
import { parseBackup } from '../../src/backup/parse-backup.js';
import { restore } from '../../src/backup/restore.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { buildFixture, clientFor, FULL_RESTORE, restoreDeps, stateOf } from './fixtures.js';

let source: TestRegistry;
let target: TestRegistry;
let dir: string;

beforeEach(async () => {
  source = await startTestRegistry();
  target = await startTestRegistry();
  dir = await mkdtemp(join(tmpdir(), 'backup-rt-'));
  await buildFixture(source.url);
});
afterEach(async () => {
  await Promise.all([source.close(), target.close(), rm(dir, { recursive: true, force: true })]);
});

const at = (iso: string) => () => new Date(iso);

async function backupOf(url: string) {
  return createBackup(clientFor(url), {
    includeDeleted: true,
    listing: 'auto',
    sourceUrl: url,
    toolVersion: 'test',
    parent: dir,
    name: 'b1',
    now: at('2026-11-26T02:00:00Z'),
  });
}

describe('backup, wipe, restore', () => {
  it('brings back ids, versions, soft deletes, references, contexts, configs and modes identically', async () => {
    const path = (await backupOf(source.url)).path;
    const { snapshot } = parseBackup(await readBackupDir(path), path);
    const outcome = await restore({ ...FULL_RESTORE, backup: snapshot }, restoreDeps(target.url));
    expect(outcome.plan.conflicts).toEqual([]);
    expect(outcome.differences).toEqual([]);
    expect(stateOf(target.state)).toEqual(stateOf(source.state));
  });

  it('changes nothing when run a second time', async () => {
    const path = (await backupOf(source.url)).path;
    const { snapshot } = parseBackup(await readBackupDir(path), path);
    await restore({ ...FULL_RESTORE, backup: snapshot }, restoreDeps(target.url));
    target.resetCounts();
    const again = await restore({ ...FULL_RESTORE, backup: snapshot }, restoreDeps(target.url));
    expect(again.plan.register).toEqual([]);
    expect(again.plan.settings).toEqual([]);
    expect(again.plan.softDeletes).toEqual([]);
    const writes = target.requests.filter((r) => r.method !== 'GET');
    expect(writes).toEqual([]);
  });
});
