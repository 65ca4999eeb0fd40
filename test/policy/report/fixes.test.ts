import { describe, expect, it } from 'vitest';
import { fixFor } from '../../../src/policy/report/fixes.js';

describe('fixFor', () => {
  it('says what to do in plain words, depending on the direction', () => {
    expect(fixFor({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', message: 'venue', direction: 'backward' })).toBe(
      "add a default to field 'venue' so that new readers can read old records",
    );
    expect(fixFor({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', message: 'price', direction: 'forward' })).toMatch(/^keep field 'price'/);
    expect(fixFor({ type: 'MISSING_ENUM_SYMBOLS', message: '[CROSS]', direction: 'backward' })).toBe(
      'keep the symbols [CROSS], or give the enum a default so that new readers can read old records',
    );
    expect(fixFor({ type: 'NAME_MISMATCH', message: 'expected: com.acme.Tick', direction: 'backward' })).toBe(
      "keep the type's name, or add the old full name com.acme.Tick to its `aliases`",
    );
    expect(fixFor({ type: 'TYPE_MISMATCH', message: 'reader type: INT not compatible with writer type: STRING', direction: 'backward' })).toMatch(/^use a type the new reader can read/);
    expect(fixFor({ type: 'TYPE_MISMATCH', message: 'reader type: ENUM not compatible with writer type: RECORD', direction: 'backward' })).toMatch(/^give the field a default/);
    expect(fixFor({ type: 'SOMETHING_NEW', message: '', direction: 'backward' })).toBe('see the description above');
  });
});
