import { describe, expect, it } from 'vitest';
import { readAvroContainer, writeAvroContainer } from '../../src/iceberg/metadata/avro-file.js';
import { compileScanner } from '../../src/iceberg/metadata/avro-scan.js';
import { ManifestRefPool, parseManifestList } from '../../src/iceberg/metadata/manifests.js';
import { PathInterner } from '../../src/iceberg/metadata/path-interner.js';

// A list schema shaped like Java's, plus every Avro type the scanner must skip, with the wanted fields not first.
const RICH_LIST_SCHEMA = JSON.stringify({
  type: 'record', name: 'manifest_file', namespace: 'org.example', fields: [
    { name: 'flags', type: { type: 'map', values: { type: 'enum', name: 'flag', symbols: ['A', 'B'] } }, 'field-id': 9001 },
    { name: 'key', type: ['null', { type: 'fixed', name: 'key16', size: 16 }], 'field-id': 519 },
    { name: 'key_again', type: ['null', 'key16'], 'field-id': 9002 },
    { name: 'manifest_path', type: 'string', 'field-id': 500 },
    { name: 'manifest_length', type: 'long', 'field-id': 501 },
    { name: 'ratio', type: 'double', 'field-id': 9003 },
    { name: 'weight', type: 'float', 'field-id': 9004 },
    {
      name: 'partitions', 'field-id': 507, type: ['null', {
        type: 'array', items: {
          type: 'record', name: 'r508', fields: [
            { name: 'contains_null', type: 'boolean', 'field-id': 509 },
            { name: 'contains_nan', type: ['null', 'boolean'], 'field-id': 518 },
            { name: 'lower_bound', type: ['null', 'bytes'], 'field-id': 510 },
          ],
        },
      }],
    },
    { name: 'content', type: ['null', 'int'], 'field-id': 517 },
    { name: 'added_snapshot_id', type: 'long', 'field-id': 503 },
    { name: 'day', type: { type: 'int', logicalType: 'date' }, 'field-id': 9005 },
  ],
});

function richRecord(path: string, length: bigint, content: number | null): Record<string, unknown> {
  return {
    flags: { x: 'A', y: 'B' }, key: Buffer.alloc(16, 7), key_again: null, manifest_path: path, manifest_length: length, ratio: 0.5, weight: 1.5,
    partitions: [{ contains_null: true, contains_nan: null, lower_bound: Buffer.from('ab') }, { contains_null: false, contains_nan: true, lower_bound: null }],
    content, added_snapshot_id: 9_158_179_788_527_662_767n, day: 19_000,
  };
}

describe('manifest list scanning', () => {
  it('reads path, length and content by field id past every kind of skipped field, in both codecs', () => {
    for (const codec of ['null', 'deflate'] as const) {
      const records = [richRecord('s3://b/t/metadata/ä-1.avro', 4096n, 1), richRecord('s3://b/t/metadata/m-2.avro', 12n, null)];
      const bytes = writeAvroContainer(RICH_LIST_SCHEMA, records, {}, codec);
      expect(readAvroContainer(bytes, 'l.avro').records).toHaveLength(2);
      expect(parseManifestList(bytes, 'l.avro')).toEqual([
        { path: 's3://b/t/metadata/ä-1.avro', length: 4096, content: 1 },
        { path: 's3://b/t/metadata/m-2.avro', length: 12, content: 0 },
      ]);
    }
  });

  it('shares one ref per manifest across lists, but keeps a differing length apart', () => {
    const pool = new ManifestRefPool();
    const first = parseManifestList(writeAvroContainer(RICH_LIST_SCHEMA, [richRecord('m-1', 10n, 0)], {}), 'a.avro', pool);
    const second = parseManifestList(writeAvroContainer(RICH_LIST_SCHEMA, [richRecord('m-1', 10n, 0), richRecord('m-1', 11n, 0)], {}), 'b.avro', pool);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toEqual({ path: 'm-1', length: 11, content: 0 });
  });

  it('reports a record cut short as one UNREADABLE line naming the file', () => {
    const bytes = writeAvroContainer(RICH_LIST_SCHEMA, [richRecord('m-1', 10n, 0)], {}, 'null');
    const block = bytes.length - 16; // the record bytes end where the trailing sync marker starts
    const cut = Buffer.concat([bytes.subarray(0, block - 30), bytes.subarray(block)]);
    expect(() => parseManifestList(cut, 'cut.avro')).toThrow(/^cut\.avro: cannot decode Avro file: /);
  });

  it('leaves schemas it cannot scan safely to avsc, with the same result', () => {
    const schema = JSON.stringify({
      type: 'record', name: 'manifest_file', fields: [
        { name: 'nothing', type: { type: 'array', items: 'null' }, 'field-id': 9000 },
        { name: 'manifest_path', type: 'string', 'field-id': 500 },
        { name: 'manifest_length', type: 'long', 'field-id': 501 },
      ],
    });
    expect(compileScanner(JSON.parse(schema), [500, 501, 517])).toBeUndefined();
    const bytes = writeAvroContainer(schema, [{ nothing: [null, null], manifest_path: 'm-1', manifest_length: 5n }], {});
    expect(parseManifestList(bytes, 'n.avro')).toEqual([{ path: 'm-1', length: 5, content: 0 }]);
  });

  it('compiles a scanner that reports which wanted ids exist and of what kind', () => {
    const scanner = compileScanner(JSON.parse(RICH_LIST_SCHEMA), [500, 501, 517, 999]);
    expect(scanner?.kinds).toEqual(['string', 'number', 'number', undefined]);
    expect(compileScanner(JSON.parse(RICH_LIST_SCHEMA), [507])).toBeUndefined(); // arrays are skipped, never captured
  });
});

describe('PathInterner', () => {
  it('gives one dense index and one string per distinct byte sequence, across table growth', () => {
    const interner = new PathInterner();
    const paths = Array.from({ length: 5000 }, (_, i) => `s3://bucket/wh/t/metadata/${i % 7 === 0 ? 'ü' : ''}m-${i}.avro`);
    const bytes = Buffer.from(paths.join(''));
    let offset = 0;
    const spans = paths.map((p) => { const start = offset; offset += Buffer.byteLength(p); return [start, offset] as const; });
    expect(spans.map(([s, e]) => interner.indexOf(bytes, s, e))).toEqual(paths.map((_, i) => i));
    expect(spans.map(([s, e]) => interner.indexOf(bytes, s, e))).toEqual(paths.map((_, i) => i));
    expect(interner.size).toBe(5000);
    expect(interner.fromBytes(bytes, spans[7]![0], spans[7]![1])).toBe(paths[7]);
    expect(interner.indexOfString(paths[4999]!)).toBe(4999);
    expect(interner.indexOfString('')).toBe(5000);
  });
});
