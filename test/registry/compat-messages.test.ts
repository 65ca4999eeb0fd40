import { describe, expect, it } from 'vitest';
import {
  formatConfigLine,
  formatIncompatibility,
  formatOldSchemaAppendix,
  MAX_QUOTED_SCHEMA,
  parseCompatibilityMessages,
  parseIncompatibleRegistration,
  splitJoinedMessages,
} from '../../src/registry/compat-messages.js';

const OLD = '{"type":"record","name":"User","fields":[{"name":"id","type":"int"}]}';

// The CP ≥ 7.4 example of schema-compatibility.md §4.
const CP74 = [
  "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'email' at path '/fields/2' in the new schema has no default value and is missing in the old schema', additionalInfo:'email'}",
  '{oldSchemaVersion: 3}',
  `{oldSchema: '${OLD}'}`,
  "{validateFields: 'false', compatibility: 'BACKWARD'}",
];

describe('parseCompatibilityMessages', () => {
  it('reads the CP ≥ 7.4 format with its appendix', () => {
    expect(parseCompatibilityMessages(CP74)).toEqual({
      incompatibilities: [
        {
          type: 'READER_FIELD_MISSING_DEFAULT_VALUE',
          location: '/fields/2',
          message: 'email',
          description:
            "The field 'email' at path '/fields/2' in the new schema has no default value and is missing in the old schema",
          oldSchemaVersion: 3,
          format: 'cp-7.4',
        },
      ],
      oldSchema: OLD,
      oldSchemaTruncated: false,
      validateFields: false,
      compatibility: 'BACKWARD',
    });
  });

  it('reads the format before CP 7.4', () => {
    const line =
      'Incompatibility{type:TYPE_MISMATCH, location:/fields/0/type, message:reader type: INT not compatible with writer type: STRING, reader:{"type":"record","name":"A","fields":[{"name":"f","type":"int"}]}, writer:{"type":"record","name":"A","fields":[{"name":"f","type":"string"}]}}';
    expect(parseCompatibilityMessages([line]).incompatibilities).toEqual([
      {
        type: 'TYPE_MISMATCH',
        location: '/fields/0/type',
        message: 'reader type: INT not compatible with writer type: STRING',
        format: 'pre-7.4',
      },
    ]);
  });

  it('gives a FULL check both directions the version of the appendix that follows them', () => {
    const messages = [
      formatIncompatibility({ type: 'MISSING_ENUM_SYMBOLS', location: '/fields/1/type/symbols', message: '[B]' }, 'old', 'new'),
      formatIncompatibility({ type: 'TYPE_MISMATCH', location: '/fields/0/type', message: 'reader type: INT not compatible with writer type: LONG' }, 'new', 'old'),
      ...formatOldSchemaAppendix(7, OLD),
      formatConfigLine(true, 'FULL'),
    ];
    const parsed = parseCompatibilityMessages(messages);
    expect(parsed.incompatibilities.map((i) => [i.type, i.location, i.oldSchemaVersion])).toEqual([
      ['MISSING_ENUM_SYMBOLS', '/fields/1/type/symbols', 7],
      ['TYPE_MISMATCH', '/fields/0/type', 7],
    ]);
    expect(parsed.incompatibilities[0]?.description).toBe(
      "The old schema is missing enum symbols '[B]' at path '/fields/1/type/symbols' in the new schema",
    );
    expect(parsed).toMatchObject({ validateFields: true, compatibility: 'FULL' });
  });

  it('keeps other lines as typed text records', () => {
    const parsed = parseCompatibilityMessages([
      'Incompatible because of different schema type',
      'Unexpected exception during compatibility check: Reader record field a matches multiple fields',
      'Invalid schema {subject=x}, details: bad',
      'something new',
    ]);
    expect(parsed.incompatibilities.map((i) => [i.type, i.message])).toEqual([
      ['DIFFERENT_SCHEMA_TYPE', 'Incompatible because of different schema type'],
      ['CHECKER_EXCEPTION', 'Reader record field a matches multiple fields'],
      ['INVALID_SCHEMA', 'Invalid schema {subject=x}, details: bad'],
      ['UNKNOWN', 'something new'],
    ]);
  });

  it('marks a quoted old schema the server cut', () => {
    const long = `{"type":"record","name":"R","doc":"${'x'.repeat(MAX_QUOTED_SCHEMA)}","fields":[]}`;
    const [, quoted] = formatOldSchemaAppendix(1, long);
    expect(quoted).toMatch(/^\{oldSchema: <truncated> '/);
    const parsed = parseCompatibilityMessages([quoted as string]);
    expect(parsed.oldSchemaTruncated).toBe(true);
    expect(parsed.oldSchema).toBe(long.slice(0, MAX_QUOTED_SCHEMA));
  });
});

describe('parseIncompatibleRegistration', () => {
  it('splits the details list of a 409 message', () => {
    const message = `Schema being registered is incompatible with an earlier schema for subject "orders-value", details: [${CP74.join(', ')}]`;
    const parsed = parseIncompatibleRegistration(message);
    expect(parsed.incompatibilities).toHaveLength(1);
    expect(parsed.incompatibilities[0]).toMatchObject({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', location: '/fields/2', oldSchemaVersion: 3 });
    expect(parsed.oldSchema).toBe(OLD);
    expect(parsed.compatibility).toBe('BACKWARD');
  });

  it('splits a 409 message in the format before CP 7.4', () => {
    const a = 'Incompatibility{type:NAME_MISMATCH, location:/name, message:expected: a.User, reader:{"type":"record"}, writer:{"type":"record"}}';
    const b = 'Incompatibility{type:MISSING_UNION_BRANCH, location:/fields/1/type/0, message:reader union lacking writer type: RECORD, reader:[], writer:[]}';
    const parsed = parseIncompatibleRegistration(`Schema being registered is incompatible with an earlier schema for subject "s", details: [${a}, ${b}]`);
    expect(parsed.incompatibilities.map((i) => [i.type, i.location, i.message])).toEqual([
      ['NAME_MISMATCH', '/name', 'expected: a.User'],
      ['MISSING_UNION_BRANCH', '/fields/1/type/0', 'reader union lacking writer type: RECORD'],
    ]);
  });

  it('keeps a message without known lines as one record', () => {
    expect(splitJoinedMessages('Schema being registered is incompatible')).toEqual(['Schema being registered is incompatible']);
    expect(parseIncompatibleRegistration('').incompatibilities).toEqual([]);
  });
});

describe('formatIncompatibility', () => {
  it('writes every Difference.java template with reader and writer roles', () => {
    const cases = [
      ['FIXED_SIZE_MISMATCH', "The size of FIXED type field at path '/p' in the old schema does not match with the new schema"],
      ['TYPE_MISMATCH', "The type (path '/p') of a field in the old schema does not match with the new schema"],
      ['NAME_MISMATCH', "The name of the schema has changed (path '/p')"],
      ['MISSING_ENUM_SYMBOLS', "The old schema is missing enum symbols 'm' at path '/p' in the new schema"],
      ['MISSING_UNION_BRANCH', "The old schema is missing a type inside a union field at path '/p' in the new schema"],
      ['READER_FIELD_MISSING_DEFAULT_VALUE', "The field 'm' at path '/p' in the old schema has no default value and is missing in the new schema"],
    ] as const;
    for (const [type, description] of cases) {
      const line = formatIncompatibility({ type, location: '/p', message: 'm' }, 'old', 'new');
      expect(line).toBe(`{errorType:'${type}', description:'${description}', additionalInfo:'m'}`);
      expect(parseCompatibilityMessages([line]).incompatibilities[0]).toMatchObject({ type, location: '/p', message: 'm', description });
    }
  });
});
