import { describe, expect, it } from 'vitest';
import { escapePointerToken, nameProblem } from '../../src/avro/names.js';

// The cases of Avro Java's SchemaNameValidatorTest for the UTF_VALIDATOR (the default of
// Schema.Parser, which the registry uses for new schemas), plus the edges of Character.isLetter.
describe('nameProblem (Avro Java UTF_VALIDATOR)', () => {
  it.each(['Tick', '_tick', 'tick_2', 'Größe', 'ñandú', 'キー', 'x٣'])('accepts %j', (name) => {
    expect(nameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'it is empty'],
    ['my-record', 'it contains "-"'],
    ['Hello world', 'it contains U+0020'],
    ['1Tick', 'it starts with "1"'],
    ['٣x', 'it starts with "٣"'],
    ['a.b', 'it contains "."'],
    ['price€', 'it contains "€"'],
    ['tab\there', 'it contains U+0009'],
    // A letter outside the BMP is two UTF-16 units, neither of which Java's isLetter(char) accepts.
    ['𝒜bc', 'it starts with U+D835'],
  ])('refuses %j: %s', (name, problem) => {
    expect(nameProblem(name)).toBe(problem);
  });
});

describe('escapePointerToken (RFC 6901)', () => {
  it.each([
    ['fields', 'fields'],
    [3, '3'],
    ['a/b', 'a~1b'],
    ['~', '~0'],
    ['x~1/y', 'x~01~1y'],
  ] as const)('escapes %j as %j', (token, escaped) => {
    expect(escapePointerToken(token)).toBe(escaped);
  });
});
