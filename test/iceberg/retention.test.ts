import { describe, expect, it } from 'vitest';
import { IcebergError } from '../../src/iceberg/errors.js';
import type { RefView, SnapshotView, TableMetadataView } from '../../src/iceberg/metadata/table-metadata.js';
import { type RetentionOptions, planRetention } from '../../src/iceberg/plan/retention.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T00:00:00Z');

/** A linear main history: snapshot i (1-based) is `ages[i-1]` days old; ids are 64-bit beyond 2^53. */
function snap(n: number, ageDays: number, parent?: number): SnapshotView {
  return { id: id(n), parentId: parent === undefined ? undefined : id(parent), timestampMs: NOW - ageDays * DAY, manifestList: `s3://b/t/metadata/snap-${n}.avro`, manifests: undefined };
}
function id(n: number): string {
  return (9_000_000_000_000_000_000n + BigInt(n)).toString();
}
function ref(name: string, n: number, type: 'branch' | 'tag' = 'branch', extra: Partial<RefView> = {}): RefView {
  return { name, snapshotId: id(n), type, minSnapshotsToKeep: undefined, maxSnapshotAgeMs: undefined, maxRefAgeMs: undefined, ...extra };
}
function table(snapshots: SnapshotView[], refs: RefView[], properties: Record<string, string> = {}): TableMetadataView {
  const main = refs.find((r) => r.name === 'main');
  return { formatVersion: 2, location: 's3://b/t', lastUpdatedMs: NOW - DAY, currentSnapshotId: main?.snapshotId, snapshots, refs, properties, statistics: [], partitionStatistics: [] };
}
/** main: 1 ← 2 ← … ← n, snapshot i is (n - i) * 10 days old. */
function linear(n: number, properties: Record<string, string> = {}, extraRefs: RefView[] = []): TableMetadataView {
  const snaps = Array.from({ length: n }, (_, i) => snap(i + 1, (n - i - 1) * 10, i === 0 ? undefined : i));
  return table(snaps, [ref('main', n), ...extraRefs], properties);
}
const base: RetentionOptions = { defaultMaxSnapshotAgeMs: 90 * DAY };
const expiredNums = (meta: TableMetadataView, options: RetentionOptions): number[] =>
  planRetention(meta, options, NOW).expiredSnapshotIds.map((s) => Number(BigInt(s) - 9_000_000_000_000_000_000n));

describe('planRetention: age and count', () => {
  // Ages of a 12-snapshot main: 110, 100, …, 0 days.
  it.each([
    ['job default 90 days', base, [1, 2]],
    ['--older-than 25 days', { ...base, expireOlderThanMs: NOW - 25 * DAY }, [1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['--older-than now keeps only the current snapshot', { ...base, expireOlderThanMs: NOW }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    ['--retain-last 4 with --older-than now', { ...base, expireOlderThanMs: NOW, retainLast: 4 }, [1, 2, 3, 4, 5, 6, 7, 8]],
    ['--retain-last 11 beats the 90-day age', { ...base, retainLast: 11 }, [1]],
  ])('%s', (_label, options, expected) => {
    expect(expiredNums(linear(12), options)).toEqual(expected);
  });

  it('history.expire.max-snapshot-age-ms wins over the job default when --older-than is absent', () => {
    expect(expiredNums(linear(12, { 'history.expire.max-snapshot-age-ms': String(45 * DAY) }), base)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('--older-than wins over history.expire.max-snapshot-age-ms', () => {
    const meta = linear(12, { 'history.expire.max-snapshot-age-ms': String(45 * DAY) });
    expect(expiredNums(meta, { ...base, expireOlderThanMs: NOW - 105 * DAY })).toEqual([1]);
  });

  it('history.expire.min-snapshots-to-keep applies unless --retain-last is given', () => {
    const meta = linear(12, { 'history.expire.min-snapshots-to-keep': '10' });
    expect(expiredNums(meta, { ...base, expireOlderThanMs: NOW })).toEqual([1, 2]);
    expect(expiredNums(meta, { ...base, expireOlderThanMs: NOW, retainLast: 1 })).toHaveLength(11);
  });

  it('never expires the current snapshot, even with a cutoff in the future', () => {
    const plan = planRetention(linear(3), { ...base, expireOlderThanMs: NOW + DAY }, NOW);
    expect(plan.retainedSnapshotIds).toEqual([id(3)]);
  });

  it('stops the ancestor walk at the first snapshot that is old and beyond the count', () => {
    // 1 is young again (clock skew): Java stops at 2 and expires 1 too.
    const meta = table([snap(1, 1), snap(2, 200, 1), snap(3, 0, 2)], [ref('main', 3)]);
    expect(expiredNums(meta, base)).toEqual([1, 2]);
  });
});

describe('planRetention: refs', () => {
  it('keeps a tagged snapshot but not the tag\'s ancestors', () => {
    expect(expiredNums(linear(12, {}, [ref('release', 5, 'tag')]), { ...base, expireOlderThanMs: NOW })).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
  });

  it('drops a tag older than its max-ref-age-ms, and its snapshot expires', () => {
    const meta = linear(12, {}, [ref('old-tag', 2, 'tag', { maxRefAgeMs: 1000 })]);
    const plan = planRetention(meta, { ...base, expireOlderThanMs: NOW }, NOW);
    expect(plan.droppedRefs).toEqual(['old-tag']);
    expect(plan.expiredSnapshotIds).toContain(id(2));
  });

  it('history.expire.max-ref-age-ms applies to refs without their own', () => {
    const meta = linear(12, { 'history.expire.max-ref-age-ms': String(50 * DAY) }, [ref('young', 8, 'tag'), ref('old', 3, 'tag')]);
    expect(planRetention(meta, base, NOW).droppedRefs).toEqual(['old']);
  });

  it('never drops main, whatever its age', () => {
    const meta = table([snap(1, 500)], [ref('main', 1, 'branch', { maxRefAgeMs: 1 })], { 'history.expire.max-ref-age-ms': '1' });
    const plan = planRetention(meta, base, NOW);
    expect(plan.droppedRefs).toEqual([]);
    expect(plan.retainedSnapshotIds).toEqual([id(1)]);
  });

  it('retains a branch\'s history by its own min-snapshots-to-keep and max-snapshot-age-ms', () => {
    // main: 1..6; branch "audit" forks from 3: 7 (40 d) ← 8 (30 d) ← 9 (20 d).
    const snaps = [
      ...Array.from({ length: 6 }, (_, i) => snap(i + 1, (6 - i) * 50, i === 0 ? undefined : i)),
      snap(7, 40, 3), snap(8, 30, 7), snap(9, 20, 8),
    ];
    const refs = [ref('main', 6), ref('audit', 9, 'branch', { minSnapshotsToKeep: 2, maxSnapshotAgeMs: 25 * DAY })];
    const plan = planRetention(table(snaps, refs), { ...base, expireOlderThanMs: NOW }, NOW);
    expect(plan.retainedSnapshotIds).toEqual([id(6), id(8), id(9)]);
  });

  it('a branch older than max-ref-age-ms is dropped and its snapshots expire', () => {
    const snaps = [snap(1, 30), snap(2, 20, 1), snap(3, 25, 1)];
    const refs = [ref('main', 2), ref('stale', 3, 'branch', { maxRefAgeMs: 1000 })];
    const plan = planRetention(table(snaps, refs), { ...base, expireOlderThanMs: NOW }, NOW);
    expect(plan.droppedRefs).toEqual(['stale']);
    expect(plan.expiredSnapshotIds).toEqual([id(1), id(3)]);
  });

  it('drops a ref pointing at a snapshot that does not exist', () => {
    expect(planRetention(linear(3, {}, [ref('ghost', 99, 'tag')]), base, NOW).droppedRefs).toEqual(['ghost']);
  });

  it('keeps unreferenced snapshots (staged, rolled back) younger than the cutoff, expires older ones', () => {
    const snaps = [snap(1, 100), snap(2, 50, 1), snap(3, 5, 1), snap(4, 200, 1)];
    const plan = planRetention(table(snaps, [ref('main', 2)]), { ...base, expireOlderThanMs: NOW - 10 * DAY }, NOW);
    expect(plan.expiredSnapshotIds).toEqual([id(1), id(4)]);
  });
});

describe('planRetention: explicit ids and refusals', () => {
  it('expires an explicit id in addition to the age-based ones', () => {
    expect(expiredNums(linear(12), { ...base, expireSnapshotIds: [id(10)] })).toEqual([1, 2, 10]);
  });

  it('refuses to expire the head of a kept ref', () => {
    const meta = linear(12, {}, [ref('release', 5, 'tag')]);
    expect(() => planRetention(meta, { ...base, expireSnapshotIds: [id(5)] }, NOW)).toThrow(`Cannot expire ${id(5)}. Still referenced by refs: release`);
  });

  it('refuses when gc.enabled=false', () => {
    const error = captureError(() => planRetention(linear(3, { 'gc.enabled': 'false' }), base, NOW));
    expect(error.code).toBe('REFUSED');
    expect(error.message).toContain('gc.enabled is false');
  });

  it('rejects retain-last 0 and a malformed table property', () => {
    expect(captureError(() => planRetention(linear(3), { ...base, retainLast: 0 }, NOW)).code).toBe('INVALID_INPUT');
    expect(captureError(() => planRetention(linear(3, { 'history.expire.min-snapshots-to-keep': 'ten' }), base, NOW)).message)
      .toContain('table property history.expire.min-snapshots-to-keep="ten" is not an integer');
  });

  it('does nothing for a table without snapshots', () => {
    expect(planRetention(table([], []), { ...base, expireOlderThanMs: NOW }, NOW).expiredSnapshotIds).toEqual([]);
  });
});

function captureError(fn: () => unknown): IcebergError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IcebergError) return error;
    throw error;
  }
  throw new Error('expected an IcebergError');
}
