/** cleanExpiredMetadata (pure): what Java 1.11 removes, and where guardrails removes less because a fact is unknown. */
import { describe, expect, it } from 'vitest';
import { parseMetadataBytes } from '../../src/iceberg/metadata/json.js';
import { cleanExpiredMetadata } from '../../src/iceberg/plan/clean-metadata.js';

function doc(snapshotSchemas: Array<number | undefined>): ReturnType<typeof parseMetadataBytes> {
  const snapshots = snapshotSchemas.map((schema, i) => ({ 'snapshot-id': 9_000_000_000_000_000_001n + BigInt(i), 'timestamp-ms': 1, ...(schema === undefined ? {} : { 'schema-id': schema }) }));
  const text = JSON.stringify({
    'format-version': 2, location: 's3://b/t', 'current-schema-id': 2, 'default-spec-id': 1,
    schemas: [0, 1, 2, 3].map((id) => ({ type: 'struct', 'schema-id': id, fields: [] })),
    'partition-specs': [0, 1, 2, 3].map((id) => ({ 'spec-id': id, fields: [] })),
    snapshots,
  }, (_k, v: unknown) => (typeof v === 'bigint' ? `@${v}@` : v)).replace(/"@(\d+)@"/g, '$1');
  return parseMetadataBytes(Buffer.from(text), 'mem://t');
}

const ids = (list: unknown, key: string) => (list as Array<Record<string, unknown>>).map((e) => String(e[key]));

describe('cleanExpiredMetadata', () => {
  it('removes specs no kept manifest uses and schemas no kept snapshot uses, never the default spec or the current schema', () => {
    const result = cleanExpiredMetadata(doc([0, 0]), { specIds: new Set([0]) });
    expect([result.removedSpecIds, result.removedSchemaIds]).toEqual([['2', '3'], ['1', '3']]);
    expect(ids(result.doc['partition-specs'], 'spec-id')).toEqual(['0', '1']);
    expect(ids(result.doc['schemas'], 'schema-id')).toEqual(['0', '2']);
    expect(ids(result.doc['snapshots'], 'snapshot-id')).toEqual(['9000000000000000001', '9000000000000000002']);
  });

  it('keeps every spec when a kept manifest has no known spec id, and every schema when a kept snapshot has no schema-id', () => {
    const result = cleanExpiredMetadata(doc([0, undefined]), { specIds: undefined });
    expect([result.removedSpecIds, result.removedSchemaIds]).toEqual([[], []]);
    expect(ids(result.doc['schemas'], 'schema-id')).toEqual(['0', '1', '2', '3']);
  });

  it('with no snapshots left only the default spec and the current schema stay', () => {
    const result = cleanExpiredMetadata(doc([]), { specIds: new Set() });
    expect([result.removedSpecIds, result.removedSchemaIds]).toEqual([['0', '2', '3'], ['0', '1', '3']]);
  });
});
