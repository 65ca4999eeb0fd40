import { describe, expect, it } from 'vitest';
import { StringPool } from '../../../src/policy/check/compact-entry.js';
import { Evolution } from '../../../src/policy/report/evolution.js';

describe('StringPool', () => {
  it('copies plain data (nested objects, arrays, strings cut from longer ones, numbers, booleans, null) unchanged', () => {
    const pool = new StringPool();
    const text = 'x'.repeat(50) + 'schemas/ticks.avsc' + 'y'.repeat(50);
    const file = text.slice(50, 68);
    const first = { file, history: [{ version: 0, commit: 'c'.repeat(40), changes: [{ message: `field '${'opt'}' added`, line: 3, ok: true, none: null }] }] };
    const second = { file: 'schemas/ticks.avsc', history: [] as unknown[] };

    const a = pool.compact(first);
    const b = pool.compact(second);

    expect(a).toEqual(first);
    expect(a).not.toBe(first);
    expect(b).toEqual(second);
    expect(a.history[0]).not.toBe(first.history[0]);
  });

  it('keeps objects that are not plain data (a packed evolution) as they are', () => {
    const evolution = Evolution.pack([undefined, [{ rule: 'FIELD_ADDED', severity: 'info', path: 'T.b', message: "field 'b' added" }]]);
    const entry = { file: 'schemas/ticks.avsc', evolution };
    const copy = new StringPool().compact(entry);
    expect(copy.evolution).toBe(evolution);
    expect(copy.evolution?.unpack()).toEqual([undefined, [{ rule: 'FIELD_ADDED', severity: 'info', path: 'T.b', message: "field 'b' added" }]]);
  });
});
