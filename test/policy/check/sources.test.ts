import { describe, expect, it } from 'vitest';
import { loadFromClosure } from '../../../src/policy/check/load-candidate.js';
import { MAX_SCHEMA_BYTES, nameIndexOf, scanSource, sourceClosure, type ScannedSource } from '../../../src/policy/check/sources.js';

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2), 'utf8');

const files: Record<string, Uint8Array> = {
  'money.avsc': bytes({ type: 'record', name: 'Money', namespace: 'c', fields: [{ name: 'units', type: 'long' }] }),
  'price.avsc': bytes({ type: 'record', name: 'Price', namespace: 'c', fields: [{ name: 'amount', type: 'Money' }] }),
  'order.avsc': bytes({ type: 'record', name: 'Order', namespace: 'o', fields: [{ name: 'price', type: 'c.Price' }] }),
  'alone.avsc': bytes({ type: 'enum', name: 'Side', symbols: ['BUY'] }),
};

function workspace(contents: Record<string, Uint8Array>) {
  const sources = new Map(Object.entries(contents).map(([file, data]) => [file, scanSource(file, data)]));
  const reads: string[][] = [];
  const reader = async (wanted: readonly string[]) => {
    reads.push([...wanted]);
    return new Map<string, ScannedSource | undefined>(wanted.map((file) => [file, sources.get(file)]));
  };
  return { sources, index: nameIndexOf(sources.values()), reader, reads };
}

describe('sourceClosure', () => {
  it('collects the files defining used types, transitively, one read per round', async () => {
    const { index, reader, reads } = workspace(files);
    const closure = await sourceClosure('order.avsc', reader, index);
    expect([...closure.keys()]).toEqual(['order.avsc', 'price.avsc', 'money.avsc']);
    expect(reads).toEqual([['order.avsc'], ['price.avsc'], ['money.avsc']]);
  });

  it('parses a file with its dependencies', async () => {
    const { index, reader } = workspace(files);
    const result = loadFromClosure('order.avsc', await sourceClosure('order.avsc', reader, index), true);
    expect(result.ok && result.value.loaded.schema.kind).toBe('record');
    expect(result.ok && [...result.value.documents.documents.keys()].sort()).toEqual(['money.avsc', 'order.avsc', 'price.avsc']);
  });

  it('reports a broken dependency at its own position, naming the file that needs it', async () => {
    const { index, reader } = workspace({ ...files, 'money.avsc': Buffer.from('{"type": "record", "name": "Money", "namespace": "c", "fields": [}') });
    // money.avsc no longer scans, so nothing defines c.Money: price.avsc gets a missing reference at its use.
    const result = loadFromClosure('price.avsc', await sourceClosure('price.avsc', reader, index), true);
    expect(!result.ok && result.error.code).toBe('MISSING_REFERENCE');
    expect(!result.ok && result.error.message).toMatch(/^price\.avsc:\d+:\d+: named type 'c\.Money'/);
  });

  it('reports a type defined twice', async () => {
    const copy = bytes({ type: 'record', name: 'Money', namespace: 'c', fields: [] });
    const { index, reader } = workspace({ ...files, 'copy.avsc': copy });
    const result = loadFromClosure('price.avsc', await sourceClosure('price.avsc', reader, index), true);
    expect(!result.ok && result.error.code).toBe('DUPLICATE_NAME');
  });
});

describe('scanSource', () => {
  it('refuses files over the size limit without decoding them', () => {
    const source = scanSource('big.avsc', new Uint8Array(MAX_SCHEMA_BYTES + 1));
    expect(source.error?.code).toBe('TOO_LARGE');
    expect(source.error?.message).toMatch(/^big\.avsc:1:1: the file is 8388609 bytes, more than the 8388608-byte limit/);
  });

  it('records JSON errors instead of throwing', () => {
    expect(scanSource('a.avsc', Buffer.from('{"type": }')).error?.code).toBe('INVALID_JSON');
    expect(scanSource('a.avsc', Buffer.from([0x22, 0xff, 0x22])).error?.code).toBe('INVALID_UTF8');
  });
});
