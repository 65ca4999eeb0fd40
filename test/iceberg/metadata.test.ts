import { parse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { nextMetadataLocation, metadataVersion } from '../../src/iceberg/metadata/files.js';
import { parseMetadataBytes, serializeMetadata } from '../../src/iceberg/metadata/json.js';
import { readTableMetadata } from '../../src/iceberg/metadata/table-metadata.js';
import { applyRetention } from '../../src/iceberg/plan/apply.js';
import { planRetention } from '../../src/iceberg/plan/retention.js';

const NOW = 1_800_000_000_000;
const TEXT = `{
  "format-version" : 2,
  "location" : "s3://b/t",
  "last-updated-ms" : 1700000000500,
  "future-field" : {"x": 1.50, "big": 12345678901234567890},
  "current-snapshot-id" : 9158179788527662767,
  "properties" : {"write.metadata.previous-versions-max": "2"},
  "refs" : {"main": {"snapshot-id": 9158179788527662767, "type": "branch"},
            "old": {"snapshot-id": 2701171901096418979, "type": "tag", "max-ref-age-ms": 1}},
  "snapshots" : [
    {"snapshot-id": 2701171901096418979, "timestamp-ms": 1700000000000, "manifest-list": "s3://b/t/metadata/a.avro"},
    {"snapshot-id": 6458828015811002920, "parent-snapshot-id": 2701171901096418979, "timestamp-ms": 1700000000100, "manifest-list": "s3://b/t/metadata/b.avro"},
    {"snapshot-id": 9158179788527662767, "parent-snapshot-id": 6458828015811002920, "timestamp-ms": 1700000000200, "manifest-list": "s3://b/t/metadata/c.avro"}
  ],
  "statistics" : [{"snapshot-id": 2701171901096418979, "statistics-path": "s3://b/t/metadata/s1.puffin", "file-size-in-bytes": 10},
                  {"snapshot-id": 9158179788527662767, "statistics-path": "s3://b/t/metadata/s3.puffin", "file-size-in-bytes": 10}],
  "partition-statistics" : [{"snapshot-id": 6458828015811002920, "statistics-path": "s3://b/t/metadata/p2.parquet", "file-size-in-bytes": 10}],
  "snapshot-log" : [{"snapshot-id": 2701171901096418979, "timestamp-ms": 1}, {"snapshot-id": 9158179788527662767, "timestamp-ms": 2},
                    {"snapshot-id": 6458828015811002920, "timestamp-ms": 3}, {"snapshot-id": 9158179788527662767, "timestamp-ms": 4}],
  "metadata-log" : [{"metadata-file": "s3://b/t/metadata/00001-a.metadata.json", "timestamp-ms": 10},
                    {"metadata-file": "s3://b/t/metadata/00002-b.metadata.json", "timestamp-ms": 20}]
}`;

function expireOld(): Record<string, unknown> {
  const doc = parseMetadataBytes(Buffer.from(TEXT), 'm.json');
  const view = readTableMetadata(doc, 'm.json');
  const plan = planRetention(view, { defaultMaxSnapshotAgeMs: 1, expireOlderThanMs: NOW, retainLast: 1 }, NOW);
  const next = applyRetention(doc, view, plan, NOW, 's3://b/t/metadata/00003-c.metadata.json');
  // numbers as their exact text, so 64-bit ids compare exactly
  return parse(serializeMetadata(next, 'x.metadata.json').toString(), null, (text) => text) as Record<string, unknown>;
}

describe('metadata documents', () => {
  it('keeps 64-bit ids and unknown fields byte-exact through parse and serialise', () => {
    const out = serializeMetadata(parseMetadataBytes(Buffer.from(TEXT), 'm.json'), 'm.metadata.json').toString();
    expect(out).toContain('"current-snapshot-id": 9158179788527662767');
    expect(out).toContain('"big": 12345678901234567890');
    expect(out).toContain('"x": 1.50');
  });

  it('reads gzip metadata and writes gzip for .gz.metadata.json names', () => {
    const doc = parseMetadataBytes(gzipSync(Buffer.from(TEXT)), 'm.gz.metadata.json');
    expect(readTableMetadata(doc, 'x').currentSnapshotId).toBe('9158179788527662767');
    expect(serializeMetadata(doc, 'a/00001-x.gz.metadata.json').subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it('applies an expiration: snapshots, refs, statistics, snapshot-log and metadata-log', () => {
    const text = serializeMetadata(parseMetadataBytes(Buffer.from(TEXT), 'm'), 'm').toString();
    expect(text).toContain('12345678901234567890');
    const doc = parseMetadataBytes(Buffer.from(TEXT), 'm.json');
    const view = readTableMetadata(doc, 'm.json');
    const plan = planRetention(view, { defaultMaxSnapshotAgeMs: 1, expireOlderThanMs: NOW, retainLast: 1 }, NOW);
    expect(plan.droppedRefs).toEqual(['old']);
    const next = serializeMetadata(applyRetention(doc, view, plan, NOW, 's3://b/t/metadata/00003-c.metadata.json'), 'n').toString();
    expect(next).not.toContain('2701171901096418979');
    // like Java, the kept snapshot's parent-snapshot-id stays even though the parent is gone
    expect(next.match(/6458828015811002920/g)).toHaveLength(1);
    expect(next).toContain('"parent-snapshot-id": 6458828015811002920');
    expect(next).toContain('"future-field": {\n    "x": 1.50,\n    "big": 12345678901234567890\n  }');
    expect(next).toContain(`"last-updated-ms": ${NOW}`);
    const parsed = expireOld();
    expect(parsed['refs']).toEqual({ main: { 'snapshot-id': '9158179788527662767', type: 'branch' } });
    expect(parsed['statistics']).toHaveLength(1);
    expect(parsed['partition-statistics']).toEqual([]);
    // the entry for removed 6458… clears everything before it
    expect(parsed['snapshot-log']).toEqual([{ 'snapshot-id': '9158179788527662767', 'timestamp-ms': '4' }]);
    // previous-versions-max = 2: the oldest entry falls off, the base file is appended
    expect(parsed['metadata-log']).toEqual([
      { 'metadata-file': 's3://b/t/metadata/00002-b.metadata.json', 'timestamp-ms': '20' },
      { 'metadata-file': 's3://b/t/metadata/00003-c.metadata.json', 'timestamp-ms': '1700000000500' },
    ]);
  });

  it('refuses format-version 4 and reports broken metadata in one line', () => {
    expect(() => readTableMetadata(parseMetadataBytes(Buffer.from('{"format-version": 4, "location": "x"}'), 'v4.json'), 'v4.json'))
      .toThrow('v4.json: format-version 4 is newer than the supported 3');
    expect(() => parseMetadataBytes(Buffer.from('{"format-version": '), 'bad.json')).toThrow(/^bad\.json: metadata file is not valid JSON/);
    expect(() => readTableMetadata(parseMetadataBytes(Buffer.from('{"format-version": 2}'), 'x'), 'x')).toThrow('x: location is missing');
  });

  it('names the next metadata file after the current version', () => {
    expect(metadataVersion('s3://b/t/metadata/00041-abc.metadata.json')).toBe(41);
    expect(metadataVersion('s3://b/t/metadata/v5.metadata.json')).toBe(5);
    const view = readTableMetadata(parseMetadataBytes(Buffer.from(TEXT), 'm'), 'm');
    expect(nextMetadataLocation(view, 's3://b/t/metadata/00041-abc.metadata.json', 'u')).toBe('s3://b/t/metadata/00042-u.metadata.json');
    const custom = { ...view, properties: { 'write.metadata.path': 's3://other/meta/', 'write.metadata.compression-codec': 'gzip' } };
    expect(nextMetadataLocation(custom, 's3://b/t/metadata/v7.metadata.json', 'u')).toBe('s3://other/meta/00008-u.gz.metadata.json');
  });
});
