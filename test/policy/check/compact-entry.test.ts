import { describe, expect, it } from 'vitest';
import { StringPool } from '../../../src/policy/check/compact-entry.js';

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
});
