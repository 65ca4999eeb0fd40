import { describe, expect, it } from 'vitest';
import { compareLogical, label } from '../../../src/avro/diff/logical.js';
import type { LogicalType } from '../../../src/avro/model.js';

const lt = (name: string): LogicalType => ({ name });
const dec = (precision: number, scale: number): LogicalType => ({ name: 'decimal', precision, scale });
const rules = (before?: LogicalType, after?: LogicalType) => compareLogical(before, after, 'long').map((f) => f.rule);
const texts = (before?: LogicalType, after?: LogicalType, underlying = 'long') => compareLogical(before, after, underlying).map((f) => f.text);

describe('compareLogical', () => {
  it('finds nothing when both sides agree', () => {
    expect(compareLogical(undefined, undefined, 'int')).toEqual([]);
    expect(compareLogical(dec(18, 4), dec(18, 4), 'bytes')).toEqual([]);
    expect(compareLogical(lt('x-custom'), lt('x-custom'), 'string')).toEqual([]);
  });

  it('gives the unit factor in both directions and across nanos', () => {
    expect(texts(lt('timestamp-micros'), lt('timestamp-millis'))).toEqual([
      'changed logical type timestamp-micros -> timestamp-millis: existing values will be read 1000 times too large',
    ]);
    expect(texts(lt('local-timestamp-millis'), lt('local-timestamp-nanos'))).toEqual([
      'changed logical type local-timestamp-millis -> local-timestamp-nanos: existing values will be read 1000000 times too small',
    ]);
  });

  it('reports a unit and a time-zone change separately', () => {
    expect(rules(lt('timestamp-millis'), lt('local-timestamp-micros'))).toEqual(['TIMESTAMP_UNIT_CHANGED', 'TIMESTAMP_TIMEZONE_CHANGED']);
    expect(texts(lt('local-timestamp-millis'), lt('timestamp-millis'))).toEqual([
      'changed logical type local-timestamp-millis -> timestamp-millis: local date-times will be read as UTC instants',
    ]);
  });

  it('treats time of day and points in time as different types', () => {
    expect(texts(lt('time-micros'), lt('timestamp-micros'))).toEqual([
      'changed logical type time-micros -> timestamp-micros: existing microseconds since midnight are now read as microseconds since the epoch, UTC',
    ]);
  });

  it('reports precision before scale and gives the scale factor', () => {
    expect(texts(dec(10, 2), dec(12, 4), 'bytes')).toEqual([
      'changed logical type decimal(10,2) -> decimal(12,4): consumers sized for 10 digits may overflow',
      'changed logical type decimal(10,2) -> decimal(12,4): existing bytes will be read with the wrong scale, 100 times too small',
    ]);
  });

  it('names what a new or dropped logical type means', () => {
    expect(texts(undefined, lt('uuid'), 'string')).toEqual([
      'gained logical type uuid: existing string values that are not valid UUIDs fail in consumers that convert them',
    ]);
    expect(texts(dec(9, 2), undefined, 'bytes')).toEqual(['lost logical type decimal(9,2): consumers now get the raw bytes instead of decimal(9,2) numbers']);
    expect(texts(lt('x-a'), lt('x-b'), 'string')).toEqual(['changed logical type x-a -> x-b: existing x-a values are now read as x-b values']);
  });

  it('labels decimals with precision and scale', () => {
    expect(label(dec(18, 4))).toBe('decimal(18,4)');
    expect(label(lt('date'))).toBe('date');
  });
});
