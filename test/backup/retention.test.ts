import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneDirectory } from '../../src/backup/destinations/directory.js';
import { expiredBackups } from '../../src/backup/retention.js';
import { tempDir } from './support.js';

const NOW = new Date('2026-11-26T03:00:00Z');
const NAMES = ['backup-20261126T020000Z', 'backup-20261125T020000Z', 'backup-20261120T020000Z', 'backup-20261101T020000Z', 'my-keep', 'backup-garbage'];

describe('expiredBackups', () => {
  it('keeps the newest N', () => {
    expect(expiredBackups(NAMES, { keepLast: 2 }, NOW)).toEqual(['backup-20261120T020000Z', 'backup-20261101T020000Z']);
  });

  it('keeps those younger than N days', () => {
    expect(expiredBackups(NAMES, { keepDays: 7 }, NOW)).toEqual(['backup-20261101T020000Z']);
  });

  it('keeps what either rule keeps, and always the newest', () => {
    expect(expiredBackups(NAMES, { keepLast: 3, keepDays: 1 }, NOW)).toEqual(['backup-20261101T020000Z']);
    expect(expiredBackups(NAMES, { keepDays: 1 }, new Date('2027-06-01T00:00:00Z'))).toEqual(['backup-20261125T020000Z', 'backup-20261120T020000Z', 'backup-20261101T020000Z']);
    expect(expiredBackups(NAMES, {}, NOW)).toEqual([]);
  });
});

describe('pruneDirectory', () => {
  it('deletes expired backup directories and nothing else', async () => {
    const dir = await tempDir('prune-');
    try {
      for (const name of NAMES) await mkdir(join(dir.path, name));
      expect(await pruneDirectory(dir.path, { keepLast: 1 }, NOW)).toEqual(['backup-20261125T020000Z', 'backup-20261120T020000Z', 'backup-20261101T020000Z']);
      expect((await readdir(dir.path)).sort()).toEqual(['backup-20261126T020000Z', 'backup-garbage', 'my-keep']);
    } finally {
      await dir.remove();
    }
  });
});
