import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAvroContainer, writeAvroContainer } from '../../src/iceberg/metadata/avro-file.js';
import { LocalFileIO } from '../../src/iceberg/io/local.js';
import { LocationMap } from '../../src/iceberg/io/location-map.js';
import { inShard } from '../../src/iceberg/job/shard.js';
import { MANIFEST_LIST_SCHEMA } from '../support/iceberg/avro-schemas.js';

describe('LocationMap', () => {
  const map = new LocationMap([{ prefix: 's3a://bucket/warehouse', target: '/mnt/wh' }, { prefix: 's3a://bucket/warehouse/special', target: '/mnt/special/' }, { prefix: 'data/rel', target: '/x' }]);
  it.each([
    ['s3a://bucket/warehouse/t/metadata/v1.metadata.json', '/mnt/wh/t/metadata/v1.metadata.json'],
    ['s3://bucket/warehouse/t/a.parquet', '/mnt/wh/t/a.parquet'],
    ['s3n://bucket/warehouse/special/a', '/mnt/special/a'],
    ['data/rel/t/x.avro', '/x/t/x.avro'],
  ])('maps %s to %s (longest prefix, any s3 spelling)', (from, to) => {
    expect(map.resolve(from)).toBe(to);
  });
  it('refuses a path outside every mapped prefix, including look-alike prefixes', () => {
    expect(() => map.resolve('s3a://bucket/warehouse2/t')).toThrow('path s3a://bucket/warehouse2/t is outside every mapped location');
    expect(() => map.resolve('/etc/passwd')).toThrow('outside every mapped location');
  });
  it('passes paths through when nothing is mapped', () => {
    expect(new LocationMap([]).resolve('/a/b')).toBe('/a/b');
  });
});

describe('LocalFileIO', () => {
  it('reads file:// URIs and relative paths, creates files exclusively, and treats missing files as deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gr-io-'));
    const io = new LocalFileIO(dir);
    writeFileSync(join(dir, 'a.txt'), 'a');
    expect((await io.read(`${pathToFileURL(dir).href}/a.txt`)).toString()).toBe('a');
    expect((await io.read('a.txt')).toString()).toBe('a');
    await expect(io.read('missing.txt')).rejects.toThrow(/missing\.txt: file not found/);
    await io.writeNew('sub/b.txt', Buffer.from('b'));
    await expect(io.writeNew('sub/b.txt', Buffer.from('c'))).rejects.toThrow(/cannot create file: EEXIST/);
    expect(await io.deleteFiles(['a.txt', 'sub/b.txt', 'never.txt'])).toEqual([]);
    expect(existsSync(join(dir, 'a.txt'))).toBe(false);
  });
});

describe('Avro container files', () => {
  const record = (path: string) => ({
    manifest_path: path, manifest_length: 9_007_199_254_740_993n, partition_spec_id: 0, content: 1, sequence_number: 1n, min_sequence_number: 1n,
    added_snapshot_id: 9_158_179_788_527_662_767n, added_files_count: 0, existing_files_count: 0, deleted_files_count: 0, added_rows_count: 0n, existing_rows_count: 0n, deleted_rows_count: 0n,
  });
  it.each(['null', 'deflate'] as const)('round-trips 64-bit longs exactly with the %s codec', (codec) => {
    const bytes = writeAvroContainer(MANIFEST_LIST_SCHEMA, [record('a'), record('b')], { 'snapshot-id': '1' }, codec);
    const read = readAvroContainer(bytes, 'x.avro');
    expect(read.meta.get('avro.codec')).toBe(codec);
    expect(read.schemaText).toContain('"field-id":500');
    expect(read.records).toEqual([record('a'), record('b')]);
  });
  it('reports a truncated or foreign file as one UNREADABLE line naming it', () => {
    const bytes = writeAvroContainer(MANIFEST_LIST_SCHEMA, [record('a')], {});
    expect(() => readAvroContainer(bytes.subarray(0, bytes.length - 20), 'cut.avro')).toThrow(/^cut\.avro: cannot decode Avro file: /);
    expect(() => readAvroContainer(Buffer.from('PAR1....'), 'x.parquet')).toThrow('x.parquet: cannot decode Avro file: not an Avro object container file');
  });
});

describe('shards', () => {
  it('splits tables into disjoint shards that cover all of them', () => {
    const tables = Array.from({ length: 200 }, (_, i) => `ns.table_${i}`);
    const shards = [0, 1, 2, 3].map((k) => tables.filter((t) => inShard(t, { index: k, count: 4 })));
    expect(shards.flat().sort()).toEqual([...tables].sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(20);
    expect(tables.filter((t) => inShard(t, { index: 0, count: 1 }))).toHaveLength(200);
  });
});
