import { describe, expect, it } from 'vitest';
import { loadFromClosure } from '../../../src/policy/check/load-candidate.js';
import { scanSource } from '../../../src/policy/check/sources.js';

const closure = (text: string) => new Map([['t.avsc', scanSource('t.avsc', Buffer.from(text))]]);
const badName = '{"type": "record", "name": "T",\n "fields": [{"name": "bid-price", "type": "double", "default": "x"}]}';

describe('loadFromClosure', () => {
  it('refuses names Avro refuses in committed versions too: they could never have been registered (issue 12)', () => {
    for (const strict of [true, false]) {
      const result = loadFromClosure('t.avsc', closure(badName), strict, strict ? undefined : 'abc123');
      expect(result.ok ? undefined : [result.error.code, result.error.line, result.text]).toEqual(['INVALID_NAME', 2, badName]);
    }
  });

  it('reads defaults leniently for committed versions only', () => {
    const badDefault = badName.replace('bid-price', 'bid');
    expect(loadFromClosure('t.avsc', closure(badDefault), false).ok).toBe(true);
    const strict = loadFromClosure('t.avsc', closure(badDefault), true);
    expect(strict.ok ? undefined : strict.error.code).toBe('INVALID_DEFAULT');
  });
});
