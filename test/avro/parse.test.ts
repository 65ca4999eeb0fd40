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

  it('keeps every attribute of fields, arrays and maps, and none of their grammar keys, null or not', () => {
    const { root } = parseSchema({
      type: 'record',
      name: 'R',
      fields: [
        { name: 'plain', type: 'int' },
        { name: 'full', type: 'int', default: 1, order: null, aliases: null, doc: null },
        { name: 'full_plus', type: 'int', default: 1, order: 'ignore', aliases: ['old'], doc: 'd', 'x-owner': 'md' },
        { name: 'undefined_default', type: 'int', default: undefined },
        { name: 'list', type: { type: 'array', items: 'int' } },
        { name: 'tagged_list', type: { type: 'array', items: 'int', 'x-pii': false } },
        { name: 'documented_map', type: { type: 'map', values: 'int', doc: 'a schema key' } },
        { name: 'tagged_map', type: { type: 'map', values: 'int', 'x-pii': [1] } },
      ],
    }, { strict: false });
    const fields = (root as RecordSchema).fields;
    expect(fields.map((field) => field.attributes)).toEqual([{}, {}, { 'x-owner': 'md' }, {}, {}, {}, {}, {}]);
    expect(fields.map((field) => field.type.attributes)).toEqual([{}, {}, {}, {}, {}, { 'x-pii': false }, {}, { 'x-pii': [1] }]);
  });

  it('names what JSON cannot hold, in a schema given as a JavaScript object, instead of crashing', () => {
    const record = (field: Record<string, unknown>) => ({ type: 'record', name: 'R', fields: [{ name: 'f', ...field }] });
    expect(parseError(record({ type: 'int', default: undefined })).message).toContain('the default undefined of field "f" is not a valid int');
    expect(parseError(record({ type: 'int', default: 1n })).message).toContain('the default 1 of field "f"');
    expect(parseError(record({ type: { type: 'enum', name: 'E', symbols: ['A'], default: 1n } })).message).toContain('the enum default 1 is not one of the symbols');
    expect(parseError({ type: 'fixed', name: 'F', size: () => 16 }).message).toMatch(/needs a non-negative integer "size", not \(\) => 16/);
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

  // The table of defined types scans while it is small and hashes past that; both find names alike.
  it.each([1, 12])('finds, refuses twice and lists a record and %i enums in definition order', (count) => {
    const enums = Array.from({ length: count }, (_, i) => ({ name: `f${i}`, type: { type: 'enum', name: `E${i}`, symbols: ['A'] } }));
    const uses = { name: 'last', type: `E${count - 1}` };
    const parsed = parseSchema({ type: 'record', name: 'R', namespace: 'n', fields: [...enums, uses] });
    expect([...parsed.named.keys()]).toEqual(['n.R', ...enums.map((_, i) => `n.E${i}`)]);
    expect((parsed.root as RecordSchema).fields[count]!.type).toBe(parsed.named.get(`n.E${count - 1}`));
    const twice = { name: 'again', type: { type: 'enum', name: `E${count - 1}`, symbols: ['B'] } };
    const error = parseError({ type: 'record', name: 'R', namespace: 'n', fields: [...enums, twice] });
    expect([error.code, error.pointer]).toEqual(['DUPLICATE_NAME', `/fields/${count}/type/name`]);
  });

  it.each([1, 12])('tells apart types of one short name in different namespaces, beside %i others', (count) => {
    const others = Array.from({ length: count }, (_, i) => ({ name: `o${i}`, type: { type: 'enum', name: `E${i}`, symbols: ['A'] } }));
    const tick = (namespace: string) => ({ type: 'enum', name: 'Tick', namespace, symbols: [namespace.toUpperCase()] });
    const fields = [...others, { name: 'a', type: tick('asx') }, { name: 'b', type: tick('nyse') }, { name: 'c', type: 'asx.Tick' }, { name: 'd', type: 'nyse.Tick' }];
    const parsed = parseSchema({ type: 'record', name: 'R', namespace: 'n', fields });
    const types = (parsed.root as RecordSchema).fields.slice(count).map((field) => (field.type as EnumSchema).symbols[0]);
    expect(types).toEqual(['ASX', 'NYSE', 'ASX', 'NYSE']);
    expect(parsed.named.get('nyse.Tick')).toBe((parsed.root as RecordSchema).fields[count + 1]!.type);
    const again = parseError({ type: 'record', name: 'R', namespace: 'n', fields: [...fields, { name: 'e', type: { type: 'fixed', name: 'nyse.Tick', size: 1 } }] });
    expect([again.code, again.pointer]).toEqual(['DUPLICATE_NAME', `/fields/${count + 4}/type/name`]);
  });

  it('accepts what the registry stores when lenient', () => {
    expect(() => parseSchema({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int', default: 'x' }] }, { strict: false })).not.toThrow();
    const { root } = parseSchema({ type: 'bytes', logicalType: 'decimal', precision: 2, scale: 3 }, { strict: false });
    expect(root.logicalType).toBeUndefined();
    expect(parseSchema([], { strict: false }).root).toMatchObject({ kind: 'union', branches: [] });
  });

  // Where Avro Java's Schema.Parser validates names (issue 12): short names of named types and of
  // their aliases, field names, enum symbols; whatever `strict` says.
  const invalidNames: [string, unknown, string, string][] = [
    ['a record name', { type: 'record', name: 'my-record', fields: [] }, '/name', '"my-record" is not a valid Avro name: it contains "-"'],
    ['the short part of a dotted name', { type: 'record', name: 'com.acme.1Tick', fields: [] }, '/name', '"com.acme.1Tick" is not a valid Avro name: it starts with "1"'],
    ['an enum name', { type: 'enum', name: 'Side!', symbols: ['BUY'] }, '/name', '"Side!" is not a valid Avro name: it contains "!"'],
    ['a fixed name', { type: 'fixed', name: 'md5 hash', size: 16 }, '/name', '"md5 hash" is not a valid Avro name: it contains U+0020'],
    ['a named type\'s alias', { type: 'record', name: 'R', aliases: ['Old', 'com.acme.old-r'], fields: [] }, '/aliases/1', '"com.acme.old-r" is not a valid alias: it contains "-"'],
    ['a field name', { type: 'record', name: 'R', fields: [{ name: 'bid-price', type: 'double' }] }, '/fields/0/name', '"bid-price" is not a valid field name: it contains "-"'],
    ['a nested field name', { type: 'record', name: 'R', fields: [{ name: 'q', type: { type: 'record', name: 'Q', fields: [{ name: '2x', type: 'int' }] } }] }, '/fields/0/type/fields/0/name', '"2x" is not a valid field name: it starts with "2"'],
    ['an enum symbol', { type: 'enum', name: 'Side', symbols: ['BUY', 'SELL-SHORT'] }, '/symbols/1', '"SELL-SHORT" is not a valid enum symbol: it contains "-"'],
  ];

  it.each(invalidNames)('refuses an invalid name in %s, strict or not, with its pointer', (_what, json, pointer, problem) => {
    for (const strict of [true, false]) {
      const error = parseError(json, { strict });
      expect([error.code, error.pointer, error.problem]).toEqual(['INVALID_NAME', pointer, problem]);
    }
  });

  it.each(invalidNames)('accepts an invalid name in %s with names: lenient, as the registry reads what it stores', (_what, json) => {
    expect(() => parseSchema(json, { names: 'lenient' })).not.toThrow();
  });

  it('keeps the names it accepts leniently, so references and findings use them', () => {
    const { root, named } = parseSchema({ type: 'record', name: 'my-record', namespace: 'com.acme', fields: [{ name: 'bid-price', type: 'double' }] }, { names: 'lenient' });
    expect([...named.keys()]).toEqual(['com.acme.my-record']);
    expect((root as RecordSchema).fields[0]!.name).toBe('bid-price');
  });

  it('never validates namespaces or field aliases, as Avro Java does not', () => {
    expect(() => parseSchema({ type: 'record', name: 'R', namespace: 'com.my-org.2026', fields: [] })).not.toThrow();
    expect(() => parseSchema({ type: 'record', name: 'my-org.R', fields: [] })).not.toThrow();
    expect(() => parseSchema({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int', aliases: ['old-a'] }] })).not.toThrow();
  });

  it('accepts Unicode letters and digits, as Avro Java\'s default validator does', () => {
    expect(() => parseSchema({ type: 'enum', name: 'Größe', symbols: ['KLEIN', 'GROẞ'] })).not.toThrow();
  });

  it('still refuses redefining a primitive with names: lenient (Avro Java checks it with every validator)', () => {
    expect(parseError({ type: 'fixed', name: 'int', size: 4 }, { names: 'lenient' }).code).toBe('INVALID_NAME');
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
