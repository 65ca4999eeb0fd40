import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireTable } from '../../src/iceberg/job/expire-table.js';
import { renderGithubSummary } from '../../src/iceberg/job/github-summary.js';
import { renderTableText } from '../../src/iceberg/job/report.js';
import type { TableSummary } from '../../src/iceberg/job/summary.js';
import { FIXTURES, FIXTURES_PRESENT, FIXTURES_ROOT, type FixtureTable, copyFixture, createCatalog, listFiles, registerTable } from '../support/iceberg/fixtures.js';
import { jobDeps, mappedIO, sqlCatalog } from '../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';
import { missingReferencedFiles } from '../support/iceberg/verify.js';

const NOW = Date.parse('2026-11-26T00:00:00Z');
const CATALOG = 'fixtures';
let db: TestDatabase;
let pool: pg.Pool;
let counter = 0;

interface Run {
  readonly summary: TableSummary;
  readonly deleted: string[];
  readonly added: string[];
  readonly pointer: string;
  readonly missing: string[];
  readonly dir: string;
}

async function expireFixture(fixture: FixtureTable, retention: { retainLast?: number; olderThanNow?: boolean; dryRun?: boolean }): Promise<Run> {
  const dir = copyFixture(fixture);
  const name = `t${++counter}`;
  await registerTable(pool, { catalog: CATALOG, namespace: 'fx', name, metadataLocation: fixture.metadataLocation });
  const before = listFiles(dir);
  const io = mappedIO([{ prefix: fixture.prefix, target: dir }]);
  const catalog = sqlCatalog(pool, CATALOG);
  const summary = await expireTable({ catalog: CATALOG, namespace: 'fx', name }, {
    dryRun: retention.dryRun ?? false,
    retention: { defaultMaxSnapshotAgeMs: 90 * 86_400_000, retainLast: retention.retainLast, expireOlderThanMs: retention.olderThanNow === false ? undefined : NOW },
  }, jobDeps(catalog, io, NOW));
  const after = listFiles(dir);
  const pointer = await catalog.loadPointer({ catalog: CATALOG, namespace: 'fx', name });
  return {
    summary,
    deleted: before.filter((f) => !after.includes(f)),
    added: after.filter((f) => !before.includes(f)),
    pointer,
    missing: await missingReferencedFiles(io, pointer),
    dir,
  };
}

describe.skipIf(!FIXTURES_PRESENT)('expiration of the real fixture tables (needs ../shared/iceberg-fixtures)', () => {
  beforeAll(async () => {
    db = await startTestDatabase('fixtures');
    pool = db.pool();
    await createCatalog(pool, 'V0');
  });
  afterAll(async () => {
    await db?.stop();
  });

  it('spark-bunnies-v2, retainLast 1: two lists, the replaced manifest and the removed data file go; the live delete file stays', async () => {
    const run = await expireFixture(FIXTURES.sparkBunnies, { retainLast: 1 });
    expect(run.summary.status).toBe('expired');
    expect(run.summary.expiredSnapshotIds).toEqual(['7505300640432048841', '469881615898633426']);
    expect(run.deleted).toEqual([
      'data/00000-1-9acc37f2-90ae-42f5-915c-a21c3cb99690-00001.parquet',
      'metadata/bbd21bb7-5974-4d4b-bd54-82fb9b0ed6bf-m0.avro',
      'metadata/snap-469881615898633426-1-ac75cc9f-cc0c-4712-8337-fe4b0c473459.avro',
      'metadata/snap-7505300640432048841-1-bbd21bb7-5974-4d4b-bd54-82fb9b0ed6bf.avro',
    ]);
    expect(run.summary.files.data.count).toBe(1);
    expect(run.summary.files.manifests.count).toBe(1);
    expect(run.summary.files['manifest-lists'].count).toBe(2);
    expect(run.missing).toEqual([]);
    expect(run.pointer).toMatch(/^s3a:\/\/hyperparam-iceberg\/spark\/bunnies\/metadata\/00006-[0-9a-f-]{36}\.metadata\.json$/);
    expect(run.added).toHaveLength(1);
  });

  it('reports the six Spark counts, bytes reclaimed and files per second in the summary, the text and the job summary', async () => {
    const run = await expireFixture(FIXTURES.sparkBunnies, { retainLast: 1 });
    expect(run.summary.sparkCounts).toEqual({
      deleted_data_files_count: 1, deleted_position_delete_files_count: 0, deleted_equality_delete_files_count: 0,
      deleted_manifest_files_count: 1, deleted_manifest_lists_count: 2, deleted_statistics_files_count: 0,
    });
    expect(run.summary.bytesReclaimed).toBe(run.summary.bytes);
    expect(run.summary.bytesReclaimed).toBe(run.deleted.reduce((n, f) => n + statSync(join(FIXTURES_ROOT, FIXTURES.sparkBunnies.folder, f)).size, 0));
    expect(run.summary.filesPerSecond).toBeGreaterThan(0);
    const text = renderTableText(run.summary);
    expect(text).toContain('  spark counts: data 1, position deletes 0, equality deletes 0, manifests 1, manifest lists 2, statistics 0');
    expect(text).toMatch(/ {2}reclaimed 18\.6 KiB; deleted at [\d.]+ files\/s \(\d+ ms\)/);
    expect(renderGithubSummary([run.summary], 'x')).toMatch(/\| expired \| 3 → 1 \| 1 \| 0 \| 0 \| 1 \| 2 \| 0 \| 0 \| 18\.6 KiB \| 18\.6 KiB \| [\d.]+ \|/);
    const dry = await expireFixture(FIXTURES.sparkBunnies, { retainLast: 1, dryRun: true });
    expect([dry.summary.sparkCounts.deleted_manifest_lists_count, dry.summary.bytesReclaimed, dry.summary.filesPerSecond]).toEqual([2, 0, null]);
  });

  it('keeps 64-bit ids and untouched fields exactly in the committed metadata', async () => {
    const run = await expireFixture(FIXTURES.sparkBunnies, { retainLast: 1 });
    const written = run.added[0] as string;
    expect(written).toMatch(/^metadata\/00006-/);
    const fileText = readFileSync(join(run.dir, written), 'utf8');
    expect(fileText).toContain('"current-snapshot-id": 2701171901096418979');
    expect(fileText).toContain('"snapshot-id": 2701171901096418979');
    expect(fileText).not.toContain('7505300640432048841,');
    expect(fileText).toContain('"write.parquet.compression-codec": "zstd"');
    expect(fileText).toContain('"metadata-file": "s3a://hyperparam-iceberg/spark/bunnies/metadata/v5.metadata.json"');
  });

  it('spark-bunnies-v2, retainLast 2: only the oldest list goes', async () => {
    const run = await expireFixture(FIXTURES.sparkBunnies, { retainLast: 2 });
    expect(run.summary.expiredSnapshotIds).toEqual(['7505300640432048841']);
    expect(run.deleted).toEqual(['metadata/snap-7505300640432048841-1-bbd21bb7-5974-4d4b-bd54-82fb9b0ed6bf.avro']);
    expect(run.missing).toEqual([]);
  });

  it('java-bunnies-v2, retainLast 1: only the two old manifest lists go', async () => {
    const run = await expireFixture(FIXTURES.javaBunnies, { retainLast: 1 });
    expect(run.summary.expiredSnapshotIds).toEqual(['4951213507629824583', '6458828015811002920']);
    expect(run.deleted).toEqual([
      'metadata/snap-4951213507629824583-1-583a45a0-7389-4d71-9305-ac3a8725c38b.avro',
      'metadata/snap-6458828015811002920-1-e1756967-c907-47e2-8b37-82123c5e5908.avro',
    ]);
    expect(run.missing).toEqual([]);
  });

  it('pyiceberg-merch-v1, retainLast 1: lists, both replaced manifests and both rewritten data files go; decoys stay', async () => {
    const run = await expireFixture(FIXTURES.merch, { retainLast: 1 });
    const m = 'repro/merch_v1/metadata/';
    expect(run.summary.expiredSnapshotIds).toEqual(['3549704636346557910', '381223374871251311']);
    expect(run.deleted).toEqual([
      'repro/merch_v1/data/00000-0-2dbef94d-9ff1-478e-b122-905cbcacdee3.parquet',
      'repro/merch_v1/data/00000-0-ad6ad4d3-fe85-469b-8f9c-2c8e9c7379d7.parquet',
      `${m}2dbef94d-9ff1-478e-b122-905cbcacdee3-m0.avro`,
      `${m}ad6ad4d3-fe85-469b-8f9c-2c8e9c7379d7-m0.avro`,
      `${m}snap-3549704636346557910-0-ad6ad4d3-fe85-469b-8f9c-2c8e9c7379d7.avro`,
      `${m}snap-381223374871251311-0-2dbef94d-9ff1-478e-b122-905cbcacdee3.avro`,
    ]);
    expect(run.pointer).toMatch(/\/00004-[0-9a-f-]{36}\.metadata\.json$/);
    expect(run.missing).toEqual([]);
  });

  it('pyiceberg-merch-v1, retainLast 2: only the oldest list goes; its manifest is still listed', async () => {
    const run = await expireFixture(FIXTURES.merch, { retainLast: 2 });
    expect(run.deleted).toEqual(['repro/merch_v1/metadata/snap-3549704636346557910-0-ad6ad4d3-fe85-469b-8f9c-2c8e9c7379d7.avro']);
    expect(run.missing).toEqual([]);
  });

  const eqLists = [
    'metadata/snap-853766660775201079-1-bcc5469e-83b4-4a41-be7e-af79ed029353.avro',
    undefined, // 7342…'s referenced list is missing: NotFound counts as deleted
    'metadata/snap-1584331123492059582-2-91bf4420-2bae-484f-b724-8184d56d3029.avro',
    'metadata/snap-842401149381792626-2-c4028cec-4266-45e9-bf74-77cbf1b55328.avro',
    'metadata/snap-3340507003387467420-1-8057d23a-ed01-40cb-bfd6-44b145234c6d.avro',
  ];
  it.each([1, 2, 3, 4])('spark-eqdeletes-v2-broken, retainLast %i: the oldest snapshots expire, only their lists go', async (retainLast) => {
    const run = await expireFixture(FIXTURES.eqDeletes, { retainLast });
    const expiredCount = 6 - retainLast;
    expect(run.summary.status).toBe('expired');
    expect(run.summary.expiredSnapshotIds).toHaveLength(expiredCount);
    expect(run.deleted).toEqual(eqLists.slice(0, expiredCount).filter((p): p is string => p !== undefined).sort());
    expect(run.summary.files['manifest-lists'].count).toBe(expiredCount);
    expect(run.missing).toEqual([]);
  });

  it('spark-eqdeletes-v2-broken, retainLast 5: a kept snapshot has no manifest list, so nothing is committed or deleted', async () => {
    const run = await expireFixture(FIXTURES.eqDeletes, { retainLast: 5 });
    expect(run.summary.status).toBe('failed');
    expect(run.summary.error?.code).toBe('UNREADABLE');
    expect(run.summary.error?.message).toContain('7342794868382145167');
    expect(run.deleted).toEqual([]);
    expect(run.added).toEqual([]);
    expect(run.pointer).toBe(FIXTURES.eqDeletes.metadataLocation);
  });

  it('F4, spark-eqdeletes-v2-broken, retainLast 1: a broken EXPIRED snapshot does not block (as Java), it is committed and cleaned, and the docs say so', async () => {
    const run = await expireFixture(FIXTURES.eqDeletes, { retainLast: 1 });
    expect(run.summary.status).toBe('expired');
    expect(run.summary.expiredSnapshotIds).toContain('7342794868382145167');
    expect(run.summary.warnings.filter((w) => w.includes('was unreadable'))).toEqual([
      'manifest list data/persistent/equality_deletes/warehouse/mydb/mytable/metadata/snap-7342794868382145167-1-34f7dec7-90c5-4cd5-b158-5782b73fc010.avro of expired snapshot 7342794868382145167 was unreadable; its manifests are left in place',
    ]);
    expect(run.missing).toEqual([]);
    const docs = readFileSync(join(process.cwd(), 'docs', 'iceberg-expiration.md'), 'utf8');
    expect(docs).not.toContain('never expired while broken');
    expect(docs).toContain('A missing file of a snapshot that expires does not block');
  });

  it('spark-eqdeletes-v2-broken, retainLast 6: nothing to expire', async () => {
    const run = await expireFixture(FIXTURES.eqDeletes, { retainLast: 6 });
    expect(run.summary.status).toBe('nothing-to-expire');
    expect(run.deleted).toEqual([]);
    expect(run.pointer).toBe(FIXTURES.eqDeletes.metadataLocation);
  });

  it('v3-multi-dv-puffin (00003), retainLast 1: two lists go; the shared Puffin and all manifests stay', async () => {
    const run = await expireFixture(FIXTURES.v3Puffin, { retainLast: 1 });
    const m = 'warehouse/default/multi_blob_deletion_vectors/metadata/';
    expect(run.summary.expiredSnapshotIds).toEqual(['4008342791228255080', '6085737399650530681']);
    expect(run.deleted).toEqual([
      `${m}snap-4008342791228255080-0-aeff6b64-fd21-4e4d-9808-356eb50b96a5.avro`,
      `${m}snap-6085737399650530681-0-6a3b52ad-e883-4912-9187-bc11bc6a0740.avro`,
    ]);
    expect(run.missing).toEqual([]);
  });

  it('v3-multi-dv-puffin (00002 via the catalog row), retainLast 1: one list goes', async () => {
    const run = await expireFixture(FIXTURES.v3Catalog, { retainLast: 1 });
    expect(run.summary.expiredSnapshotIds).toEqual(['4008342791228255080']);
    expect(run.deleted).toEqual(['warehouse/default/multi_blob_deletion_vectors/metadata/snap-4008342791228255080-0-aeff6b64-fd21-4e4d-9808-356eb50b96a5.avro']);
    expect(run.missing).toEqual([]);
  });

  it('the default run (90 days, no table properties) equals retainLast 1 on these old tables', async () => {
    const run = await expireFixture(FIXTURES.javaBunnies, { olderThanNow: false });
    expect(run.summary.expiredSnapshotIds).toEqual(['4951213507629824583', '6458828015811002920']);
  });

  it('a dry run plans the same deletions and changes nothing', async () => {
    const run = await expireFixture(FIXTURES.sparkBunnies, { retainLast: 1, dryRun: true });
    expect(run.summary.status).toBe('dry-run');
    expect(run.summary.plannedDeletions?.map((d) => d.path.split('/').pop()).sort()).toEqual([
      '00000-1-9acc37f2-90ae-42f5-915c-a21c3cb99690-00001.parquet',
      'bbd21bb7-5974-4d4b-bd54-82fb9b0ed6bf-m0.avro',
      'snap-469881615898633426-1-ac75cc9f-cc0c-4712-8337-fe4b0c473459.avro',
      'snap-7505300640432048841-1-bbd21bb7-5974-4d4b-bd54-82fb9b0ed6bf.avro',
    ]);
    expect(run.summary.bytes).toBeGreaterThan(3224);
    expect(run.deleted).toEqual([]);
    expect(run.added).toEqual([]);
    expect(run.pointer).toBe(FIXTURES.sparkBunnies.metadataLocation);
  });
});

