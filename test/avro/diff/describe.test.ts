import { describe, expect, it } from 'vitest';
import { describeType, formatDoc, formatValue, jsonEqual } from '../../../src/avro/diff/describe.js';
import { parseSchema } from '../../../src/avro/parse.js';

describe('describeType', () => {
  it.each([
    ['int', 'int'],
    [{ type: 'record', name: 'a.Quote', fields: [] }, 'record Quote'],
    [{ type: 'array', items: { type: 'map', values: { type: 'enum', name: 'E', symbols: ['X'] } } }, 'array<map<E>>'],
    [['null', { type: 'array', items: ['null', 'long'] }], 'union [null, array<[null, long]>]'],
  ])('renders %j as %s', (json, text) => {
    expect(describeType(parseSchema(json).root)).toBe(text);
  });
});

describe('formatting', () => {
  it('cuts long values and docs', () => {
    expect(formatValue('x'.repeat(100))).toBe(`"${'x'.repeat(56)}...`);
    expect(formatDoc(undefined)).toBe('(none)');
    expect(formatDoc('Best bid.')).toBe('"Best bid."');
  });
});

describe('jsonEqual', () => {
  it('compares JSON values deeply, ignoring key order', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(0, '0')).toBe(false);
  });
});
