import { describe, expect, it } from 'vitest';
import type { LiveFile } from '../../src/iceberg/metadata/manifests.js';
import { type CleanupFacts, computeFilePlan, summariseDeletions } from '../../src/iceberg/plan/file-plan.js';

const T = 's3://lake/t';
const live = (path: string, extra: Partial<LiveFile> = {}): LiveFile => ({ path: `${T}/data/${path}`, kind: 'data', format: 'parquet', sizeBytes: 100, ...extra });
const m = (name: string, length = 50) => ({ path: `${T}/metadata/${name}`, length, content: 0 });

function facts(overrides: Partial<CleanupFacts>): CleanupFacts {
  return {
    expired: [], retainedManifests: new Set(), retainedManifestLists: new Set(), liveFiles: new Map(),
    statisticsBefore: [], statisticsAfter: [], protectedRoots: [T], ...overrides,
  };
}

describe('computeFilePlan', () => {
  it('deletes content live only in expired manifests, then manifests, lists and statistics, in that order', () => {
    const plan = computeFilePlan(facts({
      expired: [{ snapshotId: '1', manifestList: `${T}/metadata/snap-1.avro`, manifestListBytes: 70, manifests: [m('a.avro'), m('kept.avro')] }],
      retainedManifests: new Set([`${T}/metadata/kept.avro`]),
      liveFiles: new Map([[`${T}/metadata/a.avro`, [live('gone.parquet'), live('shared.parquet')]], [`${T}/metadata/kept.avro`, [live('shared.parquet')]]]),
      statisticsBefore: [{ snapshotId: '1', path: `${T}/metadata/s1.puffin`, sizeBytes: 9 }, { snapshotId: '2', path: `${T}/metadata/s2.puffin`, sizeBytes: 9 }],
      statisticsAfter: [{ snapshotId: '2', path: `${T}/metadata/s2.puffin`, sizeBytes: 9 }],
    }));
    expect(plan.deletions.map((d) => [d.kind, d.path.slice(T.length + 1), d.sizeBytes])).toEqual([
      ['data', 'data/gone.parquet', 100],
      ['manifests', 'metadata/a.avro', 50],
      ['manifest-lists', 'metadata/snap-1.avro', 70],
      ['statistics', 'metadata/s1.puffin', 9],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('keeps a Puffin file while any kept entry still lists it, and classifies deletion vectors', () => {
    const dv = (ref: string): LiveFile => live('dvs.puffin', { kind: 'position-deletes', format: 'puffin', sizeBytes: 40 + ref.length });
    const base = {
      expired: [{ snapshotId: '1', manifestList: undefined, manifestListBytes: undefined, manifests: [m('old-dv.avro')] }],
      liveFiles: new Map<string, readonly LiveFile[]>([[`${T}/metadata/old-dv.avro`, [dv('a'), dv('bb')]], [`${T}/metadata/new-dv.avro`, [dv('bb')]]]),
    };
    const kept = computeFilePlan(facts({ ...base, retainedManifests: new Set([`${T}/metadata/new-dv.avro`]) }));
    expect(kept.deletions.map((d) => d.kind)).toEqual(['manifests']);
    const gone = computeFilePlan(facts(base));
    expect(gone.deletions.map((d) => d.kind)).toEqual(['deletion-vectors', 'manifests']);
    expect(summariseDeletions(gone.deletions)['deletion-vectors']).toEqual({ count: 1, bytes: 41 });
  });

  it('never deletes outside the table locations, treating s3a:// and s3:// as the same place', () => {
    const plan = computeFilePlan(facts({
      expired: [{ snapshotId: '1', manifestList: 's3a://lake/t/metadata/snap-1.avro', manifestListBytes: 1, manifests: [m('a.avro')] }],
      liveFiles: new Map([[`${T}/metadata/a.avro`, [live('x.parquet'), { path: 's3://other-bucket/shared/y.parquet', kind: 'data', format: 'parquet', sizeBytes: 1 }]]]),
    }));
    expect(plan.deletions.map((d) => d.path)).toEqual([`${T}/data/x.parquet`, `${T}/metadata/a.avro`, 's3a://lake/t/metadata/snap-1.avro']);
    expect(plan.warnings).toEqual(["kept s3://other-bucket/shared/y.parquet: outside the table's locations"]);
  });

  it('leaves the manifests of an unreadable expired list, and unreadable candidate manifests, in place', () => {
    const plan = computeFilePlan(facts({
      expired: [
        { snapshotId: '1', manifestList: `${T}/metadata/snap-1.avro`, manifestListBytes: undefined, manifests: undefined },
        { snapshotId: '2', manifestList: `${T}/metadata/snap-2.avro`, manifestListBytes: 5, manifests: [m('unreadable.avro')] },
      ],
    }));
    expect(plan.deletions.map((d) => d.kind)).toEqual(['manifest-lists', 'manifest-lists']);
    expect(plan.warnings).toEqual([
      `kept unreadable manifest ${T}/metadata/unreadable.avro (its files cannot be listed)`,
      `manifest list ${T}/metadata/snap-1.avro of expired snapshot 1 was unreadable; its manifests are left in place`,
    ]);
  });

  it('does not delete a manifest list a kept snapshot still uses', () => {
    const list = `${T}/metadata/snap-shared.avro`;
    const plan = computeFilePlan(facts({ expired: [{ snapshotId: '1', manifestList: list, manifestListBytes: 5, manifests: [] }], retainedManifestLists: new Set([list]) }));
    expect(plan.deletions).toEqual([]);
  });
});

describe('computeFilePlan with mixed S3 spellings', () => {
  it('keeps a file a kept manifest lists under another spelling (s3a:// vs s3://)', () => {
    const plan = computeFilePlan(facts({
      expired: [{ snapshotId: '1', manifestList: 's3a://lake/t/metadata/snap-1.avro', manifestListBytes: 1, manifests: [{ path: 's3a://lake/t/metadata/old.avro', length: 1, content: 0 }, { path: 's3a://lake/t/metadata/shared.avro', length: 1, content: 0 }] }],
      retainedManifests: new Set(['s3://lake/t/metadata/new.avro', 's3://lake/t/metadata/shared.avro']),
      retainedManifestLists: new Set(),
      liveFiles: new Map([
        ['s3a://lake/t/metadata/old.avro', [{ path: 's3a://lake/t/data/a.parquet', kind: 'data' as const, format: 'parquet', sizeBytes: 1 }]],
        ['s3://lake/t/metadata/new.avro', [{ path: 's3://lake/t/data/a.parquet', kind: 'data' as const, format: 'parquet', sizeBytes: 1 }]],
      ]),
    }));
    expect(plan.deletions.map((d) => d.path)).toEqual(['s3a://lake/t/metadata/old.avro', 's3a://lake/t/metadata/snap-1.avro']);
  });
});
