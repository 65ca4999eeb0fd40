/**
 * remove-orphans against S3 (s3rver): a table written by our builder on s3a://, orphans planted beside it, the
 * real CLI with --s3-endpoint; and the S3 listing's paging and DeleteObjects batching on their own.
 */
import { S3Client } from '@aws-sdk/client-s3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ListedFile } from '../../../src/iceberg/io/file-io.js';
import { LocalFileIO } from '../../../src/iceberg/io/local.js';
import { LocationMap } from '../../../src/iceberg/io/location-map.js';
import { RoutingFileIO } from '../../../src/iceberg/io/router.js';
import { S3FileIO } from '../../../src/iceberg/io/s3.js';
import { createCatalog } from '../../support/iceberg/fixtures.js';
import { type TestDatabase, startTestDatabase } from '../../support/iceberg/postgres.js';
import { register } from '../../support/iceberg/scratch.js';
import { TableBuilder } from '../../support/iceberg/table-builder.js';
import { missingReferencedFiles } from '../../support/iceberg/verify.js';
import { type S3rverProcess, startS3rverProcess } from './s3rver.js';
import { DAY, catalogArgs, cli } from './support.js';

let db: TestDatabase;
let pool: pg.Pool;
let server: S3rverProcess;
let client: S3Client;
let endpoint: string;

async function all(files: AsyncIterable<ListedFile>): Promise<string[]> {
  const out: string[] = [];
  for await (const f of files) out.push(f.path);
  return out.sort();
}

beforeAll(async () => {
  db = await startTestDatabase('orphans_s3');
  pool = db.pool();
  await createCatalog(pool, 'V1');
  // The AWS SDK's credential chain reads the process environment, not the CLI's.
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
  server = await startS3rverProcess(['lake', 'pages']);
  endpoint = server.endpoint;
  client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  client?.destroy();
  await server?.close();
  await db?.stop();
});

describe('remove-orphans on S3 (s3rver)', () => {
  it('lists the s3a:// location, deletes exactly the orphans under it, and leaves the table whole', async () => {
    const s3 = new S3FileIO(client, { deleteBatchSize: 2, concurrency: 2 });
    const io = new RoutingFileIO(new LocationMap([]), new LocalFileIO(process.cwd()), () => s3);
    const builder = new TableBuilder('s3a://lake/db/events', io);
    const first = await builder.commit({ timestampMs: Date.now() - 40 * DAY, addData: 3 });
    await builder.commit({ timestampMs: Date.now() - 30 * DAY, remove: builder.liveFiles(first).slice(0, 1), addData: 2, addPositionDeletes: 1 });
    const pointer = await builder.writeMetadata();
    await register(pool, 's3', 'events', pointer);
    const orphans = ['s3://lake/db/events/data/orphan-1.parquet', 's3://lake/db/events/data/orphan-2.parquet', 's3://lake/db/events/metadata/snap-9-1-crashed.avro'];
    for (const path of [...orphans, 's3://lake/db/events-archive/kept.parquet', 's3://lake/db/other/kept.parquet']) await s3.writeNew(path, Buffer.from('x'));
    const before = await all(s3.list('s3://lake'));

    const { argv, env } = catalogArgs(db.url, 's3');
    // S3 stamps objects with the real clock; measuring from 10 days ahead makes every object old enough.
    const now = new Date(Date.now() + 10 * DAY).toISOString();
    const result = await cli([...argv, '--s3-endpoint', endpoint, '--s3-path-style', '--now', now, '--format', 'json'], env);

    expect(result.code, `${result.stderr}${result.stdout}`).toBe(0);
    const after = new Set(await all(s3.list('s3://lake')));
    expect(before.filter((p) => !after.has(p))).toEqual(orphans);
    const doc = JSON.parse(result.stdout) as { totals: { deleted: number; deletedBytes: number; orphans: number }; tables: Array<{ files: Array<{ path: string }> }> };
    expect(doc.totals).toMatchObject({ deleted: 3, deletedBytes: 3, orphans: 3 });
    expect(doc.tables[0]?.files.map((f) => f.path)).toEqual(orphans.map((p) => p.replace('s3://', 's3a://')));
    expect(await missingReferencedFiles(io, pointer)).toEqual([]);
  });

  it('pages ListObjectsV2 with continuation tokens, and lists only under the prefix', async () => {
    const s3 = new S3FileIO(client, { listPageSize: 3 });
    for (let i = 0; i < 10; i++) await s3.writeNew(`s3://pages/t/data/f-${String(i).padStart(2, '0')}.parquet`, Buffer.from('x'));
    await s3.writeNew('s3://pages/t-other/f.parquet', Buffer.from('x'));
    const listed = await all(s3.list('s3a://pages/t/'));
    expect(listed).toEqual(Array.from({ length: 10 }, (_, i) => `s3a://pages/t/data/f-${String(i).padStart(2, '0')}.parquet`));
    expect(s3.requests.list).toBe(4); // 10 keys under t/, 3 a page; t-other/ is not under t/
    expect(await all(s3.list('s3://pages/missing'))).toEqual([]);
  });
});
