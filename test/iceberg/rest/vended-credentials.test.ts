/**
 * Vended storage credentials on real S3 (s3rver, which checks every request's signature): the credentials the
 * REST catalog returns with loadTable reach the FileIO, and reads, writes and deletes under the vended prefix use
 * them while every other path keeps the usual client (here one with keys s3rver refuses).
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestCatalog, type LoadedTable } from '../../../src/iceberg/catalog/rest/rest-catalog.js';
import { VendedCredentialsFileIO } from '../../../src/iceberg/catalog/rest/vended-io.js';
import { LocalFileIO } from '../../../src/iceberg/io/local.js';
import { LocationMap } from '../../../src/iceberg/io/location-map.js';
import { RoutingFileIO } from '../../../src/iceberg/io/router.js';
import { S3FileIO } from '../../../src/iceberg/io/s3.js';
import { FIXTURES, FIXTURES_PRESENT, copyFixture } from '../../support/iceberg/fixtures.js';
import { mappedIO } from '../../support/iceberg/harness.js';
import { serveFixtures } from '../../support/iceberg-rest/fixture-catalog.js';

/** What s3rver answers a request signed with a key it does not know. */
const REFUSED_KEY = /cannot create object: InvalidAccessKeyId/;
const GOOD = { 's3.access-key-id': 'S3RVER', 's3.secret-access-key': 'S3RVER' };

describe('vended storage credentials', () => {
  let server: { run(): Promise<AddressInfo>; close(): Promise<void> };
  let endpoint: string;
  let refused: S3Client;
  beforeAll(async () => {
    const moduleName: string = 's3rver'; // untyped dev dependency
    const { default: S3rver } = (await import(moduleName)) as { default: new (options: object) => typeof server };
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: mkdtempSync(join(tmpdir(), 'gr-s3rver-vended-')), configureBuckets: [{ name: 'lake' }, { name: 'other' }] });
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    refused = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'nope' } });
  });
  afterAll(async () => {
    refused?.destroy();
    await server?.close();
  });

  function io(mappings: LocationMap = new LocationMap([])) {
    const base = new RoutingFileIO(mappings, new LocalFileIO(process.cwd()), () => new S3FileIO(refused));
    return new VendedCredentialsFileIO(base, mappings, { endpoint, forcePathStyle: true }, 4);
  }

  const table = (storageCredentials: LoadedTable['storageCredentials'], config: Record<string, string> = {}): LoadedTable => ({
    metadataLocation: 's3://lake/db/t/metadata/00001.metadata.json', metadata: { location: 's3://lake/db/t' }, config, storageCredentials,
  });

  it('reads, writes and deletes under the vended prefix with the vended keys, whatever the s3 spelling', async () => {
    const files = io();
    files.offer(table([{ prefix: 's3://lake/db', config: GOOD }]));
    await files.writeNew('s3a://lake/db/t/data/a.parquet', Buffer.from('abc'));
    expect((await files.read('s3://lake/db/t/data/a.parquet')).toString()).toBe('abc');
    expect(await files.size('s3a://lake/db/t/data/a.parquet')).toBe(3);
    expect(await files.deleteFiles(['s3a://lake/db/t/data/a.parquet'])).toEqual([]);
    expect(await files.size('s3a://lake/db/t/data/a.parquet')).toBeUndefined();
    files.close();
  });

  it('keeps the usual client outside the vended prefix, and for a prefix that only shares a beginning', async () => {
    const files = io();
    files.offer(table([{ prefix: 's3://lake/db', config: GOOD }]));
    await expect(files.writeNew('s3://other/x', Buffer.from('x'))).rejects.toThrow(REFUSED_KEY);
    await expect(files.writeNew('s3://lake/dbx/y', Buffer.from('y'))).rejects.toThrow(REFUSED_KEY);
    files.close();
  });

  it('takes the longest prefix, and the table config for its location when no storage credentials come', async () => {
    const files = io();
    files.offer(table([{ prefix: 's3://lake', config: { 's3.access-key-id': 'NOT-A-KEY', 's3.secret-access-key': 'nope' } }, { prefix: 's3://lake/db/t', config: GOOD }]));
    await files.writeNew('s3://lake/db/t/ok', Buffer.from('1'));
    await expect(files.writeNew('s3://lake/elsewhere', Buffer.from('2'))).rejects.toThrow(REFUSED_KEY);
    const fromConfig = io();
    fromConfig.offer(table([], GOOD));
    expect((await fromConfig.read('s3://lake/db/t/ok')).toString()).toBe('1');
    files.close();
    fromConfig.close();
  });

  it('uses no vended credentials when --map-location redirects the files', async () => {
    const files = io(new LocationMap([{ prefix: 's3://lake', target: 's3://lake' }]));
    files.offer(table([{ prefix: 's3://lake/db', config: GOOD }]));
    await expect(files.writeNew('s3://lake/db/t/mapped', Buffer.from('m'))).rejects.toThrow(REFUSED_KEY);
    files.close();
  });

  it.skipIf(!FIXTURES_PRESENT)('asks for vended credentials on loadTable and hands what comes back to the FileIO hook', async () => {
    const dir = copyFixture(FIXTURES.sparkBunnies);
    const catalog = await serveFixtures([{ fixture: FIXTURES.sparkBunnies, dir, namespace: ['web'], name: 'b' }], {
      storageCredentials: [{ prefix: 's3://hyperparam-iceberg/spark', config: GOOD }],
      tableConfig: { 'client.region': 'eu-west-1' },
    });
    try {
      const seen: LoadedTable[] = [];
      const rest = await RestCatalog.open('prod', { uri: catalog.url, warehouse: undefined, auth: { kind: 'none' }, requestTimeoutMs: 10_000 }, mappedIO([]), { onLoaded: (_i, t) => seen.push(t) });
      await rest.loadPointer({ catalog: 'prod', namespace: 'web', name: 'b' });
      expect(seen.map((t) => [t.storageCredentials, t.config])).toEqual([[[{ prefix: 's3://hyperparam-iceberg/spark', config: GOOD }], { 'client.region': 'eu-west-1' }]]);
      expect(catalog.exchanges.find((e) => e.path.endsWith('/b'))?.headers['x-iceberg-access-delegation']).toBe('vended-credentials');
      expect(catalog.violations).toEqual([]);
    } finally {
      await catalog.close();
    }
  });
});
