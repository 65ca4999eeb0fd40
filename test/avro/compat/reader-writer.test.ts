import { describe, expect, it } from 'vitest';
import { checkReaderWriterSchemas } from '../../../src/avro/compat/index.js';
import type { Incompatibility, PairResult } from '../../../src/avro/compat/index.js';
import { parseSchema } from '../../../src/avro/parse.js';

/** Parses both schemas (as files new.avsc / old.avsc) and checks that `reader` can read `writer` data. */
function check(reader: unknown, writer: unknown): PairResult {
  return checkReaderWriterSchemas(
    parseSchema(reader, { file: 'new.avsc', strict: false }).root,
    parseSchema(writer, { file: 'old.avsc', strict: false }).root,
  );
}

/** Findings without the node references, for rules where only Java's triple matters. */
function triples(result: PairResult): Pick<Incompatibility, 'type' | 'location' | 'message'>[] {
  return result.incompatibilities.map(({ type, location, message }) => ({ type, location, message }));
}

const record = (name: string, fields: unknown[], extra: object = {}) => ({ type: 'record', name, fields, ...extra });
const field = (name: string, type: unknown, extra: object = {}) => ({ name, type, ...extra });

describe('each incompatibility type, with the exact finding', () => {
  it('TYPE_MISMATCH names both Avro types at the reader field type', () => {
    const result = check(record('R', [field('id', 'int')]), record('R', [field('id', 'string')]));
    expect(result).toEqual({
      compatible: false,
      incompatibilities: [
        {
          type: 'TYPE_MISMATCH',
          location: '/fields/0/type',
          message: 'reader type: INT not compatible with writer type: STRING',
          readerNode: { pointer: '/fields/0/type', file: 'new.avsc' },
          writerNode: { pointer: '/fields/0/type', file: 'old.avsc' },
        },
      ],
    });
  });

  it('NAME_MISMATCH gives the writer full name at /name', () => {
    const result = check(record('Trade', [], { namespace: 'a' }), record('Order', [], { namespace: 'b' }));
    expect(result.incompatibilities).toEqual([
      {
        type: 'NAME_MISMATCH',
        location: '/name',
        message: 'expected: b.Order',
        readerNode: { pointer: '', file: 'new.avsc' },
        writerNode: { pointer: '', file: 'old.avsc' },
      },
    ]);
  });

  it('FIXED_SIZE_MISMATCH gives writer size then reader size at /size', () => {
    const result = check({ type: 'fixed', name: 'H', size: 16 }, { type: 'fixed', name: 'H', size: 32 });
    expect(triples(result)).toEqual([{ type: 'FIXED_SIZE_MISMATCH', location: '/size', message: 'expected: 32, found: 16' }]);
  });

  it('MISSING_ENUM_SYMBOLS lists the missing writer symbols sorted, once each', () => {
    const reader = record('R', [field('side', { type: 'enum', name: 'Side', symbols: ['A', 'C'] })]);
    const writer = record('R', [field('side', { type: 'enum', name: 'Side', symbols: ['D', 'A', 'B', 'C'] })]);
    expect(check(reader, writer).incompatibilities).toEqual([
      {
        type: 'MISSING_ENUM_SYMBOLS',
        location: '/fields/0/type/symbols',
        message: '[B, D]',
        readerNode: { pointer: '/fields/0/type', file: 'new.avsc' },
        writerNode: { pointer: '/fields/0/type', file: 'old.avsc' },
      },
    ]);
  });

  it('READER_FIELD_MISSING_DEFAULT_VALUE points at the reader field by its position', () => {
    const reader = record('User', [field('id', 'long'), field('name', 'string'), field('email', 'string')]);
    const writer = record('User', [field('name', 'string'), field('id', 'long')]);
    expect(check(reader, writer).incompatibilities).toEqual([
      {
        type: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        location: '/fields/2',
        message: 'email',
        readerNode: { pointer: '/fields/2', file: 'new.avsc' },
        writerNode: { pointer: '', file: 'old.avsc' },
      },
    ]);
  });

  it('MISSING_UNION_BRANCH names the writer type a reader union cannot take', () => {
    const result = check(record('R', [field('v', ['null', 'string'])]), record('R', [field('v', 'int')]));
    expect(result.incompatibilities).toEqual([
      {
        type: 'MISSING_UNION_BRANCH',
        location: '/fields/0/type',
        message: 'reader union lacking writer type: INT',
        readerNode: { pointer: '/fields/0/type', file: 'new.avsc' },
        writerNode: { pointer: '/fields/0/type', file: 'old.avsc' },
      },
    ]);
  });
});

describe('primitives and promotions', () => {
  const promotions: [string, string][] = [
    ['long', 'int'],
    ['float', 'int'],
    ['float', 'long'],
    ['double', 'int'],
    ['double', 'long'],
    ['double', 'float'],
    ['bytes', 'string'],
    ['string', 'bytes'],
  ];

  it.each(promotions)('%s reads %s', (reader, writer) => {
    expect(check(reader, writer)).toEqual({ compatible: true, incompatibilities: [] });
  });

  it.each(promotions)('%s does not read %s back (no narrowing) unless it is string/bytes', (narrow, wide) => {
    const result = check(wide, narrow);
    const symmetric = (narrow === 'bytes' || narrow === 'string') && (wide === 'bytes' || wide === 'string');
    expect(result.compatible).toBe(symmetric);
  });

  it('does not promote boolean, null or fixed to anything else', () => {
    expect(triples(check('int', 'boolean'))).toEqual([
      { type: 'TYPE_MISMATCH', location: '/', message: 'reader type: INT not compatible with writer type: BOOLEAN' },
    ]);
    expect(check('bytes', { type: 'fixed', name: 'F', size: 4 }).compatible).toBe(false);
    expect(check('null', 'int').compatible).toBe(false);
  });

  it('ignores logical types: decimal precision, timestamp units and int→date all pass', () => {
    const decimal = (precision: number, scale: number) => ({ type: 'bytes', logicalType: 'decimal', precision, scale });
    expect(check(decimal(10, 2), decimal(12, 4)).compatible).toBe(true);
    const ts = (unit: string) => ({ type: 'long', logicalType: `timestamp-${unit}` });
    expect(check(ts('micros'), ts('millis')).compatible).toBe(true);
    expect(check({ type: 'int', logicalType: 'date' }, 'int').compatible).toBe(true);
  });

  it('checks array items and map values under /items and /values', () => {
    expect(triples(check({ type: 'array', items: 'int' }, { type: 'array', items: 'long' }))).toEqual([
      { type: 'TYPE_MISMATCH', location: '/items', message: 'reader type: INT not compatible with writer type: LONG' },
    ]);
    expect(triples(check({ type: 'map', values: 'int' }, { type: 'map', values: 'long' }))).toEqual([
      { type: 'TYPE_MISMATCH', location: '/values', message: 'reader type: INT not compatible with writer type: LONG' },
    ]);
    expect(check({ type: 'map', values: 'int' }, { type: 'array', items: 'int' }).compatible).toBe(false);
  });
});
