import { describe, expect, it } from 'vitest';
import { readableAs, relatePrimitives } from '../../../src/avro/diff/promotion.js';
import type { PrimitiveName } from '../../../src/avro/model.js';

describe('relatePrimitives', () => {
  it.each<[PrimitiveName, PrimitiveName, string]>([
    ['int', 'int', 'same'],
    ['int', 'long', 'promoted'],
    ['int', 'double', 'promoted'],
    ['float', 'double', 'promoted'],
    ['string', 'bytes', 'promoted'],
    ['int', 'float', 'promoted-lossy'],
    ['long', 'float', 'promoted-lossy'],
    ['long', 'double', 'promoted-lossy'],
    ['bytes', 'string', 'promoted-lossy'],
    ['long', 'int', 'narrowed'],
    ['double', 'float', 'narrowed'],
    ['double', 'int', 'narrowed'],
    ['string', 'int', 'changed'],
    ['boolean', 'int', 'changed'],
    ['null', 'string', 'changed'],
  ])('%s -> %s is %s', (before, after, kind) => {
    expect(relatePrimitives(before, after).kind).toBe(kind);
  });

  it('says what a lossy promotion loses', () => {
    expect(relatePrimitives('long', 'double')).toEqual({ kind: 'promoted-lossy', loss: 'long values beyond 2^53 lose precision' });
  });

  it('knows which types Avro reads as which', () => {
    expect(readableAs('int', 'long')).toBe(true);
    expect(readableAs('long', 'long')).toBe(true);
    expect(readableAs('long', 'int')).toBe(false);
  });
});
