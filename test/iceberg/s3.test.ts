import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileIO } from '../../src/iceberg/io/local.js';
import { LocationMap } from '../../src/iceberg/io/location-map.js';
import { RoutingFileIO } from '../../src/iceberg/io/router.js';
import { S3FileIO } from '../../src/iceberg/io/s3.js';
import type { TableCatalog } from '../../src/iceberg/catalog/sql-catalog.js';
import type { FileIO } from '../../src/iceberg/io/file-io.js';
import { expireTable } from '../../src/iceberg/job/expire-table.js';
import { PostgresCleanupJournal } from '../../src/iceberg/journal/postgres-journal.js';
import { createCatalog } from '../support/iceberg/fixtures.js';
import { jobDeps, sqlCatalog } from '../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';
import { register } from '../support/iceberg/scratch.js';
import { TableBuilder } from '../support/iceberg/table-builder.js';
import { missingReferencedFiles } from '../support/iceberg/verify.js';
import { commitPropertyChange } from './support/other-writer.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T00:00:00Z');

describe('expiration of a table on S3 (s3rver)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let server: { run(): Promise<AddressInfo>; close(): Promise<void> };
  let client: S3Client;

  beforeAll(async () => {
    db = await startTestDatabase('s3');
    pool = db.pool();
    await createCatalog(pool, 'V1');
    const moduleName: string = 's3rver'; // untyped dev dependency
    const { default: S3rver } = (await import(moduleName)) as { default: new (options: object) => typeof server };
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: mkdtempSync(join(tmpdir(), 'gr-s3rver-')), configureBuckets: [{ name: 'lake' }] });
    const address = await server.run();
    client = new S3Client({
      endpoint: `http://127.0.0.1:${address.port}`, region: 'us-east-1', forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
    await db?.stop();
  });

  it('reads s3a:// metadata and manifests, deletes in DeleteObjects batches, and keeps everything a kept snapshot needs', async () => {
    const io = new RoutingFileIO(new LocationMap([]), new LocalFileIO(process.cwd()), () => new S3FileIO(client, { deleteBatchSize: 3, concurrency: 2 }));
    const builder = new TableBuilder('s3a://lake/db/events', io);
    const first = await builder.commit({ timestampMs: NOW - 40 * DAY, addData: 4 });
    const removed = builder.liveFiles(first).slice(0, 3);
    await builder.commit({ timestampMs: NOW - 30 * DAY, remove: removed, addData: 2 });
    await builder.commit({ timestampMs: NOW - 1 * DAY, addData: 1, addPositionDeletes: 1 });
    await register(pool, 's3', 'events', await builder.writeMetadata());

    const summary = await expireTable({ catalog: 's3', namespace: 'ns', name: 'events' }, {
      dryRun: false, retention: { defaultMaxSnapshotAgeMs: 90 * DAY, expireOlderThanMs: NOW - 10 * DAY },
    }, jobDeps(sqlCatalog(pool, 's3'), io, NOW));

    expect(summary.status).toBe('expired');
    expect(summary.deleteFailures).toEqual([]);
    expect(summary.files.data.count).toBe(3);
    expect(summary.files['manifest-lists'].count).toBe(2);
    for (const path of removed) expect(await io.size(path.replace('s3a://', 's3://'))).toBeUndefined();
    const pointer = await sqlCatalog(pool, 's3').loadPointer({ catalog: 's3', namespace: 'ns', name: 'events' });
    expect(pointer).toMatch(/^s3a:\/\/lake\/db\/events\/metadata\/00002-/);
    expect(await missingReferencedFiles(io, pointer)).toEqual([]);
  });

  it('a run dying after its commit on S3, then another writer committing: the re-run finishes from the journal to the uninterrupted result', async () => {
    const io = new RoutingFileIO(new LocationMap([]), new LocalFileIO(process.cwd()), () => new S3FileIO(client, { deleteBatchSize: 4, concurrency: 2 }));
    const keysUnder = async (prefix: string): Promise<string[]> => {
      const out: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: 'lake', Prefix: prefix, ContinuationToken: token }));
        for (const o of page.Contents ?? []) if (o.Key !== undefined && !o.Key.endsWith('.metadata.json')) out.push(o.Key.slice(prefix.length));
        token = page.NextContinuationToken;
      } while (token !== undefined);
      return out.sort();
    };
    const build = async (name: string): Promise<void> => {
      const builder = new TableBuilder(`s3a://lake/crash/${name}`, io);
      let previous: bigint | undefined;
      for (let day = 20; day >= 1; day--) {
        previous = await builder.commit({ timestampMs: NOW - day * DAY, addData: 3, remove: previous === undefined ? [] : builder.liveFiles(previous).slice(0, 2) });
      }
      await register(pool, 's3', name, await builder.writeMetadata());
    };
    const options = { dryRun: false, retention: { defaultMaxSnapshotAgeMs: 90 * DAY, expireOlderThanMs: NOW - 10 * DAY } };
    const deps = (catalog: TableCatalog, fileIO: FileIO) => ({ ...jobDeps(catalog, fileIO, NOW), journal: new PostgresCleanupJournal(pool) });
    await build('reference');
    expect((await expireTable({ catalog: 's3', namespace: 'ns', name: 'reference' }, options, deps(sqlCatalog(pool, 's3'), io))).status).toBe('expired');
    const reference = await keysUnder('crash/reference/');

    await build('crashed');
    const ident = { catalog: 's3', namespace: 'ns', name: 'crashed' };
    const before = await keysUnder('crash/crashed/');
    const real = sqlCatalog(pool, 's3');
    const dying: TableCatalog = {
      listTables: (f) => real.listTables(f), loadPointer: (i) => real.loadPointer(i),
      async commit(i, oldLocation, newLocation) {
        await real.commit(i, oldLocation, newLocation);
        throw new Error('the process died after the commit');
      },
    };
    expect((await expireTable(ident, options, deps(dying, io))).status).toBe('failed');
    expect(await keysUnder('crash/crashed/')).toEqual(before);
    await commitPropertyChange(real, io, ident, 'written.by', 'another-engine');
    const rerun = await expireTable(ident, options, deps(real, io));
    expect([rerun.status, rerun.resumedDeletions, rerun.deleteFailures]).toEqual(['nothing-to-expire', before.length - reference.length, []]);
    expect(await keysUnder('crash/crashed/')).toEqual(reference);
    expect(await missingReferencedFiles(io, await real.loadPointer(ident))).toEqual([]);
  });

  it('treats keys that are already gone as deleted and reports other per-key errors', async () => {
    const s3 = new S3FileIO(client, { deleteBatchSize: 1000 });
    await s3.writeNew('s3://lake/x/a.txt', Buffer.from('a'));
    expect(await s3.deleteFiles(['s3://lake/x/a.txt', 's3://lake/x/never-existed.txt'])).toEqual([]);
    expect(await s3.size('s3://lake/x/a.txt')).toBeUndefined();
    const failures = await s3.deleteFiles(['s3://no-such-bucket/k']);
    expect(failures.map((f) => f.path)).toEqual(['s3://no-such-bucket/k']);
  });
});
