import { describe, expect, it } from 'vitest';
import {
  describeFailure,
  describeIncompatibility,
  formatConfluentMessage,
  rolesFor,
} from '../../../src/avro/compat/index.js';
import type { IncompatibilityType } from '../../../src/avro/compat/index.js';

const finding = (type: IncompatibilityType, location: string, message: string) => ({ type, location, message });

describe('Confluent ≥ 7.4 descriptions', () => {
  it.each([
    [finding('FIXED_SIZE_MISMATCH', '/size', 'expected: 8, found: 4'), "The size of FIXED type field at path '/size' in the new schema does not match with the old schema"],
    [finding('TYPE_MISMATCH', '/fields/0/type', 'x'), "The type (path '/fields/0/type') of a field in the new schema does not match with the old schema"],
    [finding('NAME_MISMATCH', '/name', 'expected: b.Bar'), "The name of the schema has changed (path '/name')"],
    [finding('MISSING_ENUM_SYMBOLS', '/fields/1/type/symbols', '[B, D]'), "The new schema is missing enum symbols '[B, D]' at path '/fields/1/type/symbols' in the old schema"],
    [finding('MISSING_UNION_BRANCH', '/fields/0/type/2', 'x'), "The new schema is missing a type inside a union field at path '/fields/0/type/2' in the old schema"],
    [finding('READER_FIELD_MISSING_DEFAULT_VALUE', '/fields/2', 'email'), "The field 'email' at path '/fields/2' in the new schema has no default value and is missing in the old schema"],
  ])('%o with reader new, writer old', (incompatibility, text) => {
    expect(describeIncompatibility(incompatibility, 'new', 'old')).toBe(text);
  });

  it('puts the reader role first and the writer role second', () => {
    const { reader, writer } = rolesFor('forward');
    expect([reader, writer]).toEqual(['old', 'new']);
    expect(rolesFor('backward')).toEqual({ reader: 'new', writer: 'old' });
    expect(describeIncompatibility(finding('MISSING_ENUM_SYMBOLS', '/symbols', '[C]'), reader, writer)).toBe(
      "The old schema is missing enum symbols '[C]' at path '/symbols' in the new schema",
    );
  });

  it('formats the whole registry line', () => {
    expect(formatConfluentMessage(finding('READER_FIELD_MISSING_DEFAULT_VALUE', '/fields/2', 'email'), 'new', 'old')).toBe(
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'email' at path '/fields/2' in the new schema has no default value and is missing in the old schema', additionalInfo:'email'}",
    );
  });

  it('prefixes an aborted check like the registry', () => {
    expect(describeFailure({ message: 'boom' })).toBe('Unexpected exception during compatibility check: boom');
  });
});
