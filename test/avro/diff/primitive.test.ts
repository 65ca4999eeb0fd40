import { describe, expect, it } from 'vitest';
import { diffJson, oneField } from './support.js';

const rules = (before: unknown, after: unknown) => diffJson(before, after).map((change) => change.rule);
const paths = (before: unknown, after: unknown) => diffJson(before, after).map((change) => `${change.rule} ${change.path}`);

describe('diffSchemas: types and logical types together', () => {
  it('reports a promotion before the logical change on the same node', () => {
    expect(rules(oneField({ type: 'int', logicalType: 'date' }), oneField({ type: 'long', logicalType: 'timestamp-millis' })))
      .toEqual(['TYPE_PROMOTED', 'LOGICAL_TYPE_CHANGED']);
    expect(rules(oneField({ type: 'int', logicalType: 'time-millis' }), oneField({ type: 'long', logicalType: 'time-micros' })))
      .toEqual(['TYPE_PROMOTED', 'TIMESTAMP_UNIT_CHANGED']);
  });

  it('skips logical types when the data cannot be read anyway', () => {
    expect(rules(oneField({ type: 'long', logicalType: 'timestamp-millis' }), oneField({ type: 'int', logicalType: 'date' })))
      .toEqual(['TYPE_NARROWED']);
    expect(rules(oneField({ type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 }),
      oneField({ type: 'fixed', name: 'D', size: 8, logicalType: 'decimal', precision: 9, scale: 2 }))).toEqual(['TYPE_CHANGED']);
  });

  it('compares logical types on fixed', () => {
    const fixed = (scale: number) => ({ type: 'fixed', name: 'D', size: 8, logicalType: 'decimal', precision: 18, scale });
    expect(paths(oneField(fixed(4)), oneField(fixed(2)))).toEqual(['DECIMAL_SCALE_CHANGED Tick.f']);
  });
});

describe('diffSchemas: primitive promotions', () => {
  it('says what a lossy promotion loses', () => {
    expect(diffJson(oneField('int'), oneField('float'))[0]?.message)
      .toBe('field \'f\' type promoted int -> float: int values beyond 2^24 lose precision');
    expect(diffJson(oneField('bytes'), oneField('string'))[0]).toMatchObject({
      rule: 'TYPE_PROMOTED_LOSSY', message: 'field \'f\' type promoted bytes -> string: bytes that are not valid UTF-8 are altered',
    });
  });

  it('explains that string and bytes convert both ways', () => {
    expect(diffJson(oneField('string'), oneField('bytes'))[0]).toMatchObject({
      rule: 'TYPE_PROMOTED',
      message: 'field \'f\' type promoted string -> bytes: consumers now get UTF-8 bytes instead of text',
      reason: expect.stringContaining('both directions'),
    });
  });

  it('keeps the old field as the element of a type change', () => {
    expect(diffJson(oneField('long'), oneField('int'))[0]?.element).toEqual({ kind: 'field', record: 'md.Tick', name: 'f' });
  });
});

