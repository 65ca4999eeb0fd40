import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/avro/errors.js';
import type { EnumSchema, RecordSchema, UnionSchema } from '../../src/avro/model.js';
import { parseSchema } from '../../src/avro/parse.js';

function parseError(json: unknown, options = {}): SchemaError {
  try {
    parseSchema(json, options);
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error('expected a SchemaError');
}

const tick = {
  type: 'record',
  name: 'Tick',
  namespace: 'com.market',
  aliases: ['OldTick'],
  fields: [
    { name: 'symbol', type: 'string' },
    { name: 'side', type: { type: 'enum', name: 'Side', symbols: ['BID', 'ASK'], default: 'BID' } },
    { name: 'next', type: ['null', 'Tick'], default: null },
    { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 }, deprecated: true },
  ],
};

describe('parseSchema', () => {
  it('builds the model with full names, pointers and shared named types', () => {
    const { root, named } = parseSchema(tick, { file: 'tick.avsc' });
    const record = root as RecordSchema;
    expect(record.fullName).toBe('com.market.Tick');
    expect(record.aliases).toEqual(['com.market.OldTick']);
    expect(record.file).toBe('tick.avsc');
    const side = record.fields[1]!.type as EnumSchema;
    expect(side.fullName).toBe('com.market.Side');
    expect(side.pointer).toBe('/fields/1/type');
    const next = record.fields[2]!.type as UnionSchema;
    expect(next.branches[1]).toBe(record);
    expect(record.fields[3]!.type.logicalType).toEqual({ name: 'decimal', precision: 18, scale: 4 });
    expect(record.fields[3]!.attributes).toEqual({ deprecated: true });
    expect([...named.keys()]).toEqual(['com.market.Tick', 'com.market.Side']);
  });

  it('resolves references against the enclosing namespace, then the null namespace', () => {
    const external = parseSchema({ type: 'fixed', name: 'Hash', size: 16 }).named;
    const { root } = parseSchema(
      { type: 'record', name: 'a.R', fields: [{ name: 'h', type: 'Hash' }] },
      { namedTypes: external },
    );
    expect((root as RecordSchema).fields[0]!.type).toBe(external.get('Hash'));
  });

  it('unwraps {"type": {...}} and keeps primitive logical types', () => {
    const { root } = parseSchema({ type: { type: 'long', logicalType: 'timestamp-micros' } });
    expect(root).toMatchObject({ kind: 'primitive', type: 'long', pointer: '/type', logicalType: { name: 'timestamp-micros' } });
  });

  it.each([
    [{ type: 'record', name: 'R', fields: [{ name: 'a', type: 'Nope' }] }, 'UNKNOWN_TYPE', '/fields/0/type'],
    [{ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }, { name: 'a', type: 'int' }] }, 'DUPLICATE_FIELD', '/fields/1/name'],
    [{ type: 'record', name: '1R', fields: [] }, 'INVALID_NAME', '/name'],
    [{ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int', default: 'x' }] }, 'INVALID_DEFAULT', '/fields/0/default'],
    [{ type: 'bytes', logicalType: 'decimal', precision: 2, scale: 3 }, 'INVALID_LOGICAL_TYPE', '/logicalType'],
    [{ type: 'enum', name: 'E', symbols: ['A', 'A'] }, 'DUPLICATE_SYMBOL', '/symbols/1'],
    [['int', 'int'], 'INVALID_SCHEMA', '/1'],
    [{ type: 'record', name: 'R', fields: [{ name: 'a', type: { type: 'enum', name: 'R', symbols: [] } }] }, 'DUPLICATE_NAME', '/fields/0/type/name'],
    [{ type: 'array' }, 'INVALID_SCHEMA', ''],
    [42, 'INVALID_SCHEMA', ''],
  ])('rejects %j with %s at %s', (json, code, pointer) => {
    const error = parseError(json);
    expect(error.code).toBe(code);
    expect(error.pointer).toBe(pointer);
    expect(error.message).not.toMatch(/\n/);
  });

  it('accepts what the registry stores when lenient', () => {
    expect(() => parseSchema({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int', default: 'x' }] }, { strict: false })).not.toThrow();
    const { root } = parseSchema({ type: 'bytes', logicalType: 'decimal', precision: 2, scale: 3 }, { strict: false });
    expect(root.logicalType).toBeUndefined();
    expect(parseSchema([], { strict: false }).root).toMatchObject({ kind: 'union', branches: [] });
  });

  it('turns pathological nesting into TOO_DEEP instead of a stack overflow', () => {
    let json: unknown = 'int';
    for (let i = 0; i < 10_000; i++) json = { type: 'array', items: json };
    expect(parseError(json).code).toBe('TOO_DEEP');
  });

  it('accepts union defaults that match any branch (Avro 1.12, AVRO-3649)', () => {
    expect(() => parseSchema({ type: 'record', name: 'R', fields: [{ name: 'a', type: ['null', 'string'], default: 'x' }] })).not.toThrow();
  });
});
