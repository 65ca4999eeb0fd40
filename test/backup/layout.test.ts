import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARTIAL_PREFIX, readBackupDir, writeBackupDir } from '../../src/backup/backup-dir.js';
import { canonicalJson } from '../../src/backup/canonical-json.js';
import { compareSums, formatSums, parseSums, sha256Hex } from '../../src/backup/checksums.js';
import { renderBackup } from '../../src/backup/layout.js';
import { parseBackup } from '../../src/backup/parse-backup.js';
import { classifyPath, encodeName } from '../../src/backup/paths.js';
import { BackupError } from '../../src/backup/errors.js';
import { snapshot, v } from './builders.js';
import { tempDir } from './support.js';

const INPUT = {
  tool: { name: 'guardrails' as const, version: 't' },
  source: { url: 'https://sr.example', serverVersion: null },
  startedAt: '2026-11-26T02:00:00.000Z',
  finishedAt: '2026-11-26T02:00:05.000Z',
  listing: 'bulk' as const,
  includesDeleted: true,
};
const SNAP = snapshot(
  [v('a', 1, 1, { metadata: { properties: { z: '1', a: '2' } } }), v('a', 2, 2, { deleted: true }), v(':.ctx:odd/name', 1, 1, { references: [{ name: 'R1', subject: ':.:a', version: 1 }] })],
  { a: { config: { compatibilityLevel: 'FULL' }, mode: 'READONLY' } },
  { global: { config: { compatibilityLevel: 'BACKWARD' }, mode: 'READWRITE' }, contexts: new Map([['.ctx', { config: { compatibilityLevel: 'NONE' } }]]), maxIds: { '.': 2, '.ctx': 1 } },
);

const bytes = (files: Map<string, string>) => new Map([...files].map(([p, t]) => [p, Buffer.from(t)] as const));

describe('canonical JSON', () => {
  it('sorts keys at every depth, indents by two spaces and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "x": 2,\n        "y": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });
});

describe('the layout', () => {
  it('is deterministic, with one file per version and timestamps only in the manifest', () => {
    const files = renderBackup(SNAP, INPUT);
    expect(renderBackup(SNAP, INPUT)).toEqual(files);
    expect([...files.keys()].sort()).toEqual([
      'MANIFEST.json',
      'SHA256SUMS',
      'contexts/%2Ectx/config.json',
      'global/config.json',
      'global/mode.json',
      'subjects/%3A.ctx%3Aodd%2Fname/subject.json',
      'subjects/%3A.ctx%3Aodd%2Fname/v000001.json',
      'subjects/a/subject.json',
      'subjects/a/v000001.json',
      'subjects/a/v000002.json',
    ]);
    for (const [path, text] of files) if (path !== 'MANIFEST.json') expect(text).not.toMatch(/2026-/);
    expect(JSON.parse(files.get('subjects/a/subject.json') as string)).toEqual({ subject: 'a', deleted: false, config: { compatibilityLevel: 'FULL' }, mode: 'READONLY' });
  });

  it('reads back to the same snapshot', () => {
    const { snapshot: back, manifest } = parseBackup(bytes(renderBackup(SNAP, INPUT)), 'b');
    expect(back).toEqual(SNAP);
    expect(manifest.counts).toEqual({ subjects: 2, deletedSubjects: 0, versions: 3, deletedVersions: 1, contexts: 1, files: 9 });
  });

  it('encodes names so that no path is special on any file system', () => {
    expect(encodeName(':.ctx:a/b*c')).toBe('%3A.ctx%3Aa%2Fb%2Ac');
    expect(encodeName('..')).toBe('%2E.');
    expect(classifyPath('subjects/%3A.ctx%3Aa%2Fb/v000012.json')).toEqual({ kind: 'version', subject: ':.ctx:a/b', version: 12 });
    expect(classifyPath('subjects/a/notes.txt')).toBeUndefined();
  });
});

describe('SHA256SUMS', () => {
  it('is sorted and lists every file but itself', () => {
    const sums = renderBackup(SNAP, INPUT).get('SHA256SUMS') as string;
    const paths = sums.trim().split('\n').map((l) => l.slice(66));
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain('MANIFEST.json');
    expect(paths).not.toContain('SHA256SUMS');
  });

  it.skipIf(!existsSync('/usr/bin/sha256sum'))('is accepted by `sha256sum -c` (skipped: no /usr/bin/sha256sum here)', async () => {
    const dir = await tempDir('sums-');
    try {
      const path = (await writeBackupDir(renderBackup(SNAP, INPUT), dir.path, 'b')) as string;
      expect(execFileSync('/usr/bin/sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: path }).toString()).toBe('');
    } finally {
      await dir.remove();
    }
  });

  it('names every missing, changed and unlisted file', () => {
    const listed = parseSums(formatSums(new Map([['a', 'a'.repeat(64)], ['b', 'b'.repeat(64)]])));
    expect(compareSums(listed, new Map([['a', 'c'.repeat(64)], ['c', 'c'.repeat(64)]]))).toEqual([
      'a: SHA-256 differs from SHA256SUMS',
      'b: listed in SHA256SUMS but missing',
      'c: present but not listed in SHA256SUMS',
    ]);
    expect(() => parseSums('nothex  a\n')).toThrow(BackupError);
  });

  it('refuses a backup whose manifest counts disagree even when the sums were rewritten', () => {
    const files = renderBackup(SNAP, INPUT);
    files.delete('subjects/a/v000002.json');
    const hashes = new Map([...files].filter(([p]) => p !== 'SHA256SUMS').map(([p, t]) => [p, sha256Hex(t)] as const));
    files.set('SHA256SUMS', formatSums(hashes));
    expect(() => parseBackup(bytes(files), 'b')).toThrow('MANIFEST.json counts 3 versions but the backup has 2');
  });
});

describe('backup directories', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await tempDir('bdir-');
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('appear only complete, under their final name', async () => {
    const path = (await writeBackupDir(renderBackup(SNAP, INPUT), dir.path, 'b')) as string;
    expect(await readdir(dir.path)).toEqual(['b']);
    expect(parseBackup(await readBackupDir(path), path).snapshot).toEqual(SNAP);
  });

  it('refuses an unfinished directory and one without SHA256SUMS', async () => {
    const partial = join(dir.path, `${PARTIAL_PREFIX}b-1234`);
    await mkdir(partial);
    await expect(readBackupDir(partial)).rejects.toThrow('unfinished backup');
    const bare = join(dir.path, 'bare');
    await mkdir(bare);
    await writeFile(join(bare, 'MANIFEST.json'), '{}');
    await expect(readBackupDir(bare).then((f) => parseBackup(f, 'bare'))).rejects.toThrow('bare has no SHA256SUMS');
  });
});


