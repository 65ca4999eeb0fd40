import { describe, expect, it } from 'vitest';
import { createProgress, progressStyle } from '../../src/backup/progress.js';
import { diffSnapshots } from '../../src/backup/verify.js';
import { sha256Hex } from '../../src/backup/checksums.js';
import { snapshot, v } from './builders.js';

describe('progress', () => {
  const record = (style: 'bar' | 'lines' | 'none') => {
    let out = '';
    const p = createProgress(style, 'subjects', (s) => (out += s));
    for (let i = 0; i <= 20; i++) p.update(i, 20);
    p.finish();
    return out;
  };

  it('prints a line every 10% for CI and logs', () => {
    expect(record('lines').trim().split('\n')).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20].map((d) => `subjects: ${d}/20 (${d * 5}%)`));
  });

  it('redraws one bar line in a terminal, and nothing with none', () => {
    const bar = record('bar');
    expect(bar.endsWith('\rsubjects [##############################] 100% 20/20\n')).toBe(true);
    expect(bar.split('\n')).toHaveLength(2);
    expect(record('none')).toBe('');
  });

  it('chooses the bar only in a terminal outside CI', () => {
    expect(progressStyle('auto', true, {})).toBe('bar');
    expect(progressStyle('auto', true, { CI: 'true' })).toBe('lines');
    expect(progressStyle('auto', false, {})).toBe('lines');
    expect(progressStyle('none', true, {})).toBe('none');
  });
});

describe('diffSnapshots', () => {
  const want = snapshot([v('a', 1, 1), v('a', 2, 2, { deleted: true })], { a: { mode: 'READONLY' } });

  it('is empty for an identical target', () => {
    expect(diffSnapshots(want, want, { exactIds: true, full: true })).toEqual([]);
  });

  it('names each differing field', () => {
    const have = snapshot([v('a', 1, 7, { schema: v('a', 1, 1).schema }), v('a', 2, 2, { deleted: false, schema: '"int"' })]);
    const hash = (text: string) => sha256Hex(text).slice(0, 12);
    expect(diffSnapshots(want, have, { exactIds: true, full: false })).toEqual([
      'a v1: id is 7 in the target, 1 in the backup',
      `a v2: schema is sha256 ${hash('"int"')} in the target, sha256 ${hash(v('a', 2, 2).schema)} in the backup`,
      'a v2: deleted is false in the target, true in the backup',
      'a: mode is inherited in the target, READONLY in the backup',
    ]);
    expect(diffSnapshots(want, snapshot([]), { exactIds: true, full: false })).toEqual(['a: missing in the target']);
  });

  it('compares content and soft deletes only when ids were not preserved', () => {
    const have = snapshot([v('a', 5, 50, { schema: v('a', 1, 1).schema }), v('a', 6, 60, { schema: v('a', 2, 2).schema, deleted: true })], { a: { mode: 'READONLY' } });
    expect(diffSnapshots(want, have, { exactIds: false, full: false })).toEqual([]);
  });
});
