/**
 * `guardrails remove-orphans` on copies of the real fixture tables, through the real CLI and a real PostgreSQL
 * catalog, with orphans planted: old and new, one referenced only by an old metadata file of the log, statistics
 * files, one under another scheme and one under another authority. Every test asserts the exact set deleted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMetadataBytes, serializeMetadata } from '../../../src/iceberg/metadata/json.js';
import { FIXTURES, FIXTURES_PRESENT, type FixtureTable, copyFixture, createCatalog, listFiles, registerTable } from '../../support/iceberg/fixtures.js';
import { type TestDatabase, startTestDatabase } from '../../support/iceberg/postgres.js';
import { NEW, NOW, OLD, ageAll, catalogArgs, cli, deletedSince, plant } from './support.js';

let db: TestDatabase;
let pool: pg.Pool;
let counter = 0;

interface Copy {
  readonly dir: string;
  /** The table's folder inside the copy, relative to it ('' when the table is the copy). */
  readonly tableDir: string;
  readonly name: string;
  readonly argv: string[];
  readonly env: Record<string, string>;
}

/** A private, registered copy of a fixture whose files are all 30 days old. */
async function registered(fixture: FixtureTable): Promise<Copy> {
  const dir = copyFixture(fixture);
  ageAll(dir, OLD);
  const name = `t${++counter}`;
  await registerTable(pool, { catalog: 'c', namespace: 'ns', name, metadataLocation: fixture.metadataLocation });
  const { argv, env } = catalogArgs(db.url, 'c');
  return { dir, tableDir: fixture.tableDir, name, env, argv: [...argv, '--table', name, '--map-location', `${fixture.prefix}=${dir}`, '--now', new Date(NOW).toISOString()] };
}

const under = (copy: Copy, rel: string) => (copy.tableDir === '' ? rel : `${copy.tableDir}/${rel}`);

/** Rewrites a copied metadata file losslessly (64-bit ids intact), keeping its old mtime. */
function editMetadata(copy: Copy, rel: string, edit: (doc: Record<string, unknown>) => void): void {
  const path = join(copy.dir, under(copy, rel));
  const doc = parseMetadataBytes(readFileSync(path), path);
  edit(doc);
  writeFileSync(path, serializeMetadata(doc, path));
  ageAll(join(copy.dir, under(copy, 'metadata')), OLD);
}

beforeAll(async () => {
  db = await startTestDatabase('orphans_fixtures');
  pool = db.pool();
  await createCatalog(pool, 'V1');
});
afterAll(async () => {
  await db?.stop();
});

describe.skipIf(!FIXTURES_PRESENT)('remove-orphans on the real fixture tables (needs ../shared/iceberg-fixtures; skipped when absent)', () => {
  it('spark-bunnies-v2: deletes old orphans and a list only an old metadata file of the log references; keeps young, hidden and referenced files', async () => {
    const copy = await registered(FIXTURES.sparkBunnies);
    plant(copy.dir, 'data/orphan-old.parquet', OLD);
    plant(copy.dir, 'data/orphan-young.parquet', NEW);
    plant(copy.dir, 'data/.orphan-old.parquet.crc', OLD);
    plant(copy.dir, '_temporary/0/part-0.parquet', OLD);
    // The REST cleanup journal lives in a hidden directory beside the metadata: never an orphan.
    plant(copy.dir, 'metadata/.guardrails-journal/entry-1.json', OLD, '{}');
    // An expired snapshot's list, named only by v3.metadata.json: the old file itself is in the log and stays, the list goes (as Java).
    plant(copy.dir, 'metadata/snap-1111111111111111111-1-expired.avro', OLD);
    editMetadata(copy, 'metadata/v3.metadata.json', (doc) => {
      (doc['snapshots'] as unknown[]).push({ 'snapshot-id': 1111111111111111111n, 'timestamp-ms': 1743310500000, 'manifest-list': 's3a://hyperparam-iceberg/spark/bunnies/metadata/snap-1111111111111111111-1-expired.avro', summary: { operation: 'append' } });
    });
    const before = listFiles(copy.dir);

    const result = await cli(copy.argv, copy.env);

    expect(result.stderr).toContain('remove-orphans: 1 table(s) ok, 0 failed; deleted 3 orphan file(s)');
    expect(result.code).toBe(0);
    // SOURCE.txt lies under the table location and nothing references it: a stray file is an orphan like any other.
    expect(deletedSince(before, copy.dir)).toEqual(['SOURCE.txt', 'data/orphan-old.parquet', 'metadata/snap-1111111111111111111-1-expired.avro']);
    expect(result.stdout).toMatch(/listed 23 file\(s\) under s3a:\/\/hyperparam-iceberg\/spark\/bunnies: 16 referenced, 3 orphan\(s\) older than the cutoff/);
    expect(result.stdout).toContain('skipped: 1 too young, 3 hidden, 0 prefix mismatch');
    expect(result.stdout).toMatch(/deleted 3 file\(s\), [\d.]+ (B|KiB) reclaimed, [\d.]+ files\/s/);

    const again = await cli(copy.argv, copy.env);
    expect(again.code).toBe(0);
    expect(deletedSince(before, copy.dir)).toHaveLength(3);
    expect(again.stdout).toContain('deleted 0 file(s)');
  });

  it('keeps statistics files (also under s3:// for an s3a:// table) and resolves another authority by --prefix-mismatch', async () => {
    const copy = await registered(FIXTURES.sparkBunnies);
    const stats = plant(copy.dir, 'metadata/stats-2701171901096418979.puffin', OLD);
    plant(copy.dir, 'metadata/partition-stats-2701171901096418979.parquet', OLD);
    const foreign = plant(copy.dir, 'data/copied-from-other-bucket.parquet', OLD);
    editMetadata(copy, 'metadata/v5.metadata.json', (doc) => {
      doc['statistics'] = [{ 'snapshot-id': 2701171901096418979n, 'statistics-path': `s3://hyperparam-iceberg/spark/bunnies/${stats}`, 'file-size-in-bytes': 6, 'file-footer-size-in-bytes': 1, 'blob-metadata': [] }];
      doc['partition-statistics'] = [
        { 'snapshot-id': 2701171901096418979n, 'statistics-path': 's3n://hyperparam-iceberg/spark/bunnies/metadata/partition-stats-2701171901096418979.parquet', 'file-size-in-bytes': 6 },
        // Same path, another bucket: the listed file may or may not be the one meant.
        { 'snapshot-id': 2701171901096418979n, 'statistics-path': `s3a://other-bucket/spark/bunnies/${foreign}`, 'file-size-in-bytes': 6 },
      ];
    });
    const before = listFiles(copy.dir);

    const strict = await cli(copy.argv, copy.env);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`1 listed file(s) match a referenced path only under another scheme or authority, so nothing was deleted: s3a://hyperparam-iceberg/spark/bunnies/${foreign} (referenced as s3a://other-bucket/spark/bunnies/${foreign})`);
    expect(deletedSince(before, copy.dir)).toEqual([]);

    const ignore = await cli([...copy.argv, '--prefix-mismatch', 'ignore'], copy.env);
    expect(ignore.code).toBe(0);
    expect(ignore.stdout).toContain('0 too young, 0 hidden, 1 prefix mismatch');
    expect(deletedSince(before, copy.dir)).toEqual(['SOURCE.txt']);

    const equal = await cli([...copy.argv, '--equal-authority', 'other-bucket=hyperparam-iceberg'], copy.env);
    expect(equal.code).toBe(0);
    expect(deletedSince(before, copy.dir)).toEqual(['SOURCE.txt']);

    const remove = await cli([...copy.argv, '--prefix-mismatch', 'delete'], copy.env);
    expect(remove.code).toBe(0);
    expect(deletedSince(before, copy.dir)).toEqual(['SOURCE.txt', foreign].sort());
  });

  it('pyiceberg-merch-v1: deletes the decoy metadata and list that no metadata-log entry names, and nothing outside the table location', async () => {
    const copy = await registered(FIXTURES.merch);
    plant(copy.dir, under(copy, 'data/00000-9-orphan.parquet'), OLD);
    plant(copy.dir, 'outside-the-table.parquet', OLD);
    const before = listFiles(copy.dir);
    const result = await cli(copy.argv, copy.env);
    expect(result.code).toBe(0);
    expect(deletedSince(before, copy.dir)).toEqual([
      'repro/merch_v1/data/00000-9-orphan.parquet',
      'repro/merch_v1/metadata/00004-v3-upgraded-v1-null-counts.metadata.json',
      'repro/merch_v1/metadata/snap-v1-null-counts.avro',
    ]);
  });

  it('v3-multi-dv-puffin: keeps the Puffin deletion vectors; the catalog file 00002, absent from 00003\'s log, is an orphan of 00003', async () => {
    const copy = await registered(FIXTURES.v3Puffin);
    plant(copy.dir, under(copy, 'data/orphan-dv.puffin'), OLD);
    const before = listFiles(copy.dir);
    const result = await cli(copy.argv, copy.env);
    expect(result.code).toBe(0);
    expect(deletedSince(before, copy.dir)).toEqual([
      under(copy, 'data/orphan-dv.puffin'),
      under(copy, 'metadata/00002-44e82e69-84df-401a-b3ad-3d1c89d5c2c0.metadata.json'),
    ].sort());
  });

  it('spark-eqdeletes-v2-broken: the missing manifest list of a kept snapshot aborts the table; nothing is deleted', async () => {
    const copy = await registered(FIXTURES.eqDeletes);
    plant(copy.dir, 'data/orphan-old.parquet', OLD);
    const before = listFiles(copy.dir);
    const result = await cli(copy.argv, copy.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/UNREADABLE: manifest list \S+snap-7342794868382145167-1-34f7dec7-90c5-4cd5-b158-5782b73fc010\.avro of snapshot 7342794868382145167 cannot be read, so nothing is deleted for this table: .*file not found/);
    expect(result.stdout).toContain('nothing was deleted for this table');
    expect(deletedSince(before, copy.dir)).toEqual([]);
  });

  it('gc.enabled=false refuses the table, and a location holding another table\'s metadata is refused too', async () => {
    const shared = await registered(FIXTURES.javaBunnies);
    plant(shared.dir, 'data/orphan-old.parquet', OLD);
    editMetadata(shared, 'metadata/v5.metadata.json', (doc) => {
      doc['properties'] = { ...(doc['properties'] as Record<string, string>), 'gc.enabled': 'false' };
    });
    const nested = await registered(FIXTURES.sparkBunnies);
    plant(nested.dir, 'data/orphan-old.parquet', OLD);
    plant(nested.dir, 'archive/t2/metadata/00001-abc.metadata.json', OLD, '{}');
    const before = [listFiles(shared.dir), listFiles(nested.dir)];

    const refusedGc = await cli(shared.argv, shared.env);
    expect(refusedGc.code).toBe(1);
    expect(refusedGc.stdout).toContain('REFUSED: c.ns.t');
    expect(refusedGc.stdout).toContain('gc.enabled is false: files of this table may be shared with another, so none is deleted');
    const refusedNested = await cli(nested.argv, nested.env);
    expect(refusedNested.code).toBe(1);
    expect(refusedNested.stdout).toContain('the location holds metadata of another table (s3a://hyperparam-iceberg/spark/bunnies/archive/t2/metadata/00001-abc.metadata.json)');
    expect([deletedSince(before[0] as string[], shared.dir), deletedSince(before[1] as string[], nested.dir)]).toEqual([[], []]);
  });

  it('an unreadable manifest aborts the table too', async () => {
    const copy = await registered(FIXTURES.javaBunnies);
    writeFileSync(join(copy.dir, 'metadata/a01399a1-e864-4562-b921-c8cb56e6e4a9-m0.avro'), 'not avro');
    ageAll(copy.dir, OLD);
    plant(copy.dir, 'data/orphan-old.parquet', OLD);
    const before = listFiles(copy.dir);
    const result = await cli(copy.argv, copy.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/UNREADABLE: manifest \S+a01399a1-e864-4562-b921-c8cb56e6e4a9-m0\.avro cannot be read, so nothing is deleted for this table/);
    expect(deletedSince(before, copy.dir)).toEqual([]);
  });

  it('--dry-run prints every file it would delete with size and age, and deletes nothing; --format json has the job header', async () => {
    const copy = await registered(FIXTURES.javaBunnies);
    plant(copy.dir, 'data/orphan-old.parquet', OLD, '12345678');
    const before = listFiles(copy.dir);
    const dry = await cli([...copy.argv, '--dry-run'], copy.env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would delete 2 file(s), ');
    expect(dry.stdout).toMatch(/^ +8 B +30d +s3a:\/\/hyperparam-iceberg\/java\/bunnies\/data\/orphan-old\.parquet$/m);
    expect(dry.stdout).toMatch(/^ +\d+ B +30d +s3a:\/\/hyperparam-iceberg\/java\/bunnies\/SOURCE\.txt$/m);
    expect(deletedSince(before, copy.dir)).toEqual([]);

    const summary = join(copy.dir, '..', `${copy.name}-summary.md`);
    await cli([...copy.argv, '--dry-run', '--summary-markdown', summary], copy.env);
    expect(readFileSync(summary, 'utf8')).toContain(`| c.ns.${copy.name} | planned | 19 | 17 | 2 | 0 | 0 B | 0 | 0 | 0 | 0 |`);

    const json = await cli([...copy.argv, '--dry-run', '--format', 'json'], copy.env);
    const doc = JSON.parse(json.stdout) as { reportVersion: number; command: string; exitCode: number; tables: Array<{ status: string; files: Array<{ path: string; sizeBytes: number; ageMs: number }>; counts: { orphans: number } }> };
    expect(doc).toMatchObject({ reportVersion: 1, command: 'remove-orphans', exitCode: 0 });
    expect(doc.tables[0]?.status).toBe('planned');
    expect(doc.tables[0]?.files).toContainEqual({ path: 's3a://hyperparam-iceberg/java/bunnies/data/orphan-old.parquet', sizeBytes: 8, ageMs: 30 * 86_400_000 });
    expect(deletedSince(before, copy.dir)).toEqual([]);
  });

  it('--older-than below 1 day needs --force; with it, a file 2 hours old goes', async () => {
    const copy = await registered(FIXTURES.javaBunnies);
    plant(copy.dir, 'data/two-hours.parquet', NOW - 2 * 3_600_000);
    const before = listFiles(copy.dir);
    const refused = await cli([...copy.argv, '--older-than', '1h'], copy.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: --older-than 1h is less than 1 day: files of writes still in progress could be deleted; give 1d or more \(default 3d\), or add --force/);
    expect(deletedSince(before, copy.dir)).toEqual([]);
    const forced = await cli([...copy.argv, '--older-than', '1h', '--force'], copy.env);
    expect(forced.code).toBe(0);
    expect(deletedSince(before, copy.dir)).toEqual(['SOURCE.txt', 'data/two-hours.parquet']);
  });
});
