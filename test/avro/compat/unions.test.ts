import { describe, expect, it } from 'vitest';
import { checkReaderWriterSchemas } from '../../../src/avro/compat/index.js';
import type { Incompatibility, PairResult } from '../../../src/avro/compat/index.js';
import { parseSchema } from '../../../src/avro/parse.js';

function check(reader: unknown, writer: unknown): PairResult {
  return checkReaderWriterSchemas(
    parseSchema(reader, { file: 'new.avsc', strict: false }).root,
    parseSchema(writer, { file: 'old.avsc', strict: false }).root,
  );
}

function triples(result: PairResult): Pick<Incompatibility, 'type' | 'location' | 'message'>[] {
  return result.incompatibilities.map(({ type, location, message }) => ({ type, location, message }));
}

const inRecord = (type: unknown, extra: object = {}) => ({
  type: 'record',
  name: 'R',
  fields: [{ name: 'v', type, ...extra }],
});

describe('union writer', () => {
  it('against a union reader: one MISSING_UNION_BRANCH per unreadable writer branch, cause hidden', () => {
    const result = check(inRecord(['null', 'int']), inRecord(['null', 'int', 'string', { type: 'array', items: 'int' }]));
    expect(triples(result)).toEqual([
      { type: 'MISSING_UNION_BRANCH', location: '/fields/0/type/2', message: 'reader union lacking writer type: STRING' },
      { type: 'MISSING_UNION_BRANCH', location: '/fields/0/type/3', message: 'reader union lacking writer type: ARRAY' },
    ]);
    const [first] = result.incompatibilities;
    expect(first?.readerNode).toEqual({ pointer: '/fields/0/type', file: 'new.avsc' });
    expect(first?.writerNode).toEqual({ pointer: '/fields/0/type', file: 'old.avsc' });
  });

  it('against a non-union reader: the inner causes, under the writer branch index', () => {
    const result = check(inRecord('long'), inRecord(['null', 'int', 'string']));
    expect(triples(result)).toEqual([
      { type: 'TYPE_MISMATCH', location: '/fields/0/type/0', message: 'reader type: LONG not compatible with writer type: NULL' },
      { type: 'TYPE_MISMATCH', location: '/fields/0/type/2', message: 'reader type: LONG not compatible with writer type: STRING' },
    ]);
    expect(result.incompatibilities[1]?.writerNode).toEqual({ pointer: '/fields/0/type/2', file: 'old.avsc' });
  });

  it('is readable when every branch is, by promotion too', () => {
    expect(check(inRecord(['null', 'double']), inRecord(['null', 'int', 'float'])).compatible).toBe(true);
    expect(check('double', ['int', 'long']).compatible).toBe(true);
  });

  it('an empty writer union can be read by anything; an empty reader union reads nothing', () => {
    expect(check('int', []).compatible).toBe(true);
    expect(check([], []).compatible).toBe(true);
    expect(triples(check([], 'int'))).toEqual([
      { type: 'MISSING_UNION_BRANCH', location: '/', message: 'reader union lacking writer type: INT' },
    ]);
  });
});

describe('union reader, non-union writer', () => {
  it('is readable when any branch reads the writer, promotions included', () => {
    expect(check(inRecord(['null', 'string']), inRecord('string')).compatible).toBe(true);
    expect(check(['null', 'long'], 'int').compatible).toBe(true);
    expect(check(['null', 'string'], 'bytes').compatible).toBe(true);
  });

  it('narrowing a union to a type no branch takes: one MISSING_UNION_BRANCH at the union', () => {
    expect(triples(check(['null', 'int'], 'long'))).toEqual([
      { type: 'MISSING_UNION_BRANCH', location: '/', message: 'reader union lacking writer type: LONG' },
    ]);
  });

  it('a branch that fails deep inside hides its cause', () => {
    const reader = ['null', { type: 'record', name: 'P', fields: [{ name: 'x', type: 'int' }] }];
    const writer = { type: 'record', name: 'P', fields: [{ name: 'x', type: 'string' }] };
    expect(triples(check(reader, writer))).toEqual([
      { type: 'MISSING_UNION_BRANCH', location: '/', message: 'reader union lacking writer type: RECORD' },
    ]);
  });

  it('named branches match by unqualified name', () => {
    const reader = ['null', { type: 'record', name: 'P', namespace: 'x', fields: [] }];
    const writer = { type: 'record', name: 'P', namespace: 'y', fields: [] };
    expect(check(reader, writer).compatible).toBe(true);
  });
});

describe('Avro Java location quirks, mirrored', () => {
  it('a memoised named pair keeps the location where it was first found', () => {
    const symbols = (list: string[]) => ({ type: 'enum', name: 'E', symbols: list });
    const reader = { type: 'record', name: 'R', fields: [{ name: 'a', type: symbols(['A']) }, { name: 'b', type: 'E' }] };
    const writer = { type: 'record', name: 'R', fields: [{ name: 'a', type: symbols(['A', 'B']) }, { name: 'b', type: 'E' }] };
    expect(triples(check(reader, writer))).toEqual([
      { type: 'MISSING_ENUM_SYMBOLS', location: '/fields/0/type/symbols', message: '[B]' },
      { type: 'MISSING_ENUM_SYMBOLS', location: '/fields/0/type/symbols', message: '[B]' },
    ]);
  });

  it('a pair first met inside a union branch check keeps that branch-relative location', () => {
    const reader = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: ['null', { type: 'enum', name: 'E', symbols: ['A'] }] },
        { name: 'b', type: 'E' },
      ],
    };
    const writer = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: { type: 'enum', name: 'E', symbols: ['A', 'B'] } },
        { name: 'b', type: 'E' },
      ],
    };
    expect(triples(check(reader, writer))).toEqual([
      { type: 'MISSING_UNION_BRANCH', location: '/fields/0/type', message: 'reader union lacking writer type: ENUM' },
      { type: 'MISSING_ENUM_SYMBOLS', location: '/symbols', message: '[B]' },
    ]);
  });
});
