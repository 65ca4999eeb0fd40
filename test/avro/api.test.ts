import { describe, expect, it } from 'vitest';
import { checkCompatibility, checkReaderWriter, InvalidCompatibilityLevelError, SchemaError } from '../../src/index.js';

const v1 = { type: 'record', name: 'Tick', fields: [{ name: 'symbol', type: 'string' }] };
const v2 = { ...v1, fields: [...v1.fields, { name: 'size', type: 'long', default: 0 }] };
const v3Text = `{
  "type": "record", "name": "Tick",
  "fields": [
    {"name": "symbol", "type": "string"},
    {"name": "venue", "type": "string"}
  ]
}`;

describe('checkReaderWriter', () => {
  it('accepts parsed JSON and JSON text and reports every incompatibility', () => {
    expect(checkReaderWriter(v2, JSON.stringify(v1))).toEqual({ compatible: true, incompatibilities: [] });
    const result = checkReaderWriter(v3Text, v1);
    expect(result.compatible).toBe(false);
    expect(result.incompatibilities).toEqual([
      {
        type: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        location: '/fields/1',
        message: 'venue',
        description: "The field 'venue' at path '/fields/1' in the new schema has no default value and is missing in the old schema",
        line: 5,
        column: 5,
      },
    ]);
  });

  it('takes a bare primitive name as parsed JSON', () => {
    expect(checkReaderWriter('long', 'int').compatible).toBe(true);
    expect(checkReaderWriter('"int"', '"long"').incompatibilities[0]?.message).toBe('reader type: INT not compatible with writer type: LONG');
  });
});

describe('checkCompatibility', () => {
  it('says which version each finding failed against (index into history, oldest first)', () => {
    const result = checkCompatibility(v3Text, [v1, v2], 'BACKWARD_TRANSITIVE');
    expect(result.compatible).toBe(false);
    expect(result.incompatibilities.map((i) => [i.version, i.type, i.line])).toEqual([
      [1, 'READER_FIELD_MISSING_DEFAULT_VALUE', 5],
      [0, 'READER_FIELD_MISSING_DEFAULT_VALUE', 5],
    ]);
  });

  it('defaults to BACKWARD and accepts level names in any case', () => {
    expect(checkCompatibility(v2, [v1]).compatible).toBe(true);
    expect(checkCompatibility(v1, [v2], 'forward').compatible).toBe(true);
    expect(checkCompatibility(v3Text, [v1], 'none').compatible).toBe(true);
  });

  it('throws typed errors for invalid schemas and unknown levels', () => {
    expect(() => checkCompatibility('{"type": "record", "name": "R", "fields": [{"name": "a", "type": "Nope"}]}', [])).toThrow(SchemaError);
    expect(() => checkCompatibility(v1, [v1], 'SIDEWAYS')).toThrow(InvalidCompatibilityLevelError);
    expect(() => checkCompatibility('{"type":', [])).toThrow(/line 1/);
  });
});

describe('names Avro Java refuses (issue 12)', () => {
  const badRecord = '{\n  "type": "record",\n  "name": "my-record",\n  "fields": [{"name": "a", "type": "int"}]\n}';
  const badField = { type: 'record', name: 'Tick', fields: [{ name: 'symbol', type: 'string' }, { name: 'bid-price', type: 'double', default: 0 }] };

  function thrown(fn: () => unknown): SchemaError {
    try {
      fn();
    } catch (error) {
      if (error instanceof SchemaError) return error;
      throw error;
    }
    throw new Error('expected a SchemaError');
  }

  it('checkReaderWriter refuses them in the reader and the writer, with line and column', () => {
    const reader = thrown(() => checkReaderWriter(badRecord, badRecord));
    expect([reader.code, reader.file, reader.line, reader.column]).toEqual(['INVALID_NAME', undefined, 3, 3]);
    expect(reader.message).toMatch(/^line 3:3: "my-record" is not a valid Avro name: it contains "-"\./);
    const writer = thrown(() => checkReaderWriter(v1, JSON.stringify(badField, null, 1)));
    expect([writer.code, writer.file, writer.line, writer.pointer]).toEqual(['INVALID_NAME', 'writer', 10, '/fields/1/name']);
    expect(writer.message).toMatch(/^writer:10:\d+: "bid-price" is not a valid field name/);
  });

  it('checkCompatibility refuses them in the candidate and in history, naming the version', () => {
    expect(thrown(() => checkCompatibility(badRecord, [])).line).toBe(3);
    const history = thrown(() => checkCompatibility(v2, [v1, badField]));
    expect([history.code, history.file, history.pointer]).toEqual(['INVALID_NAME', 'history[1]', '/fields/1/name']);
    expect(history.message).toBe('history[1]: "bid-price" is not a valid field name: it contains "-" (at /fields/1/name). use letters, digits and underscores, not starting with a digit; the registry refuses any other name');
  });

  it('strict: false still validates names (it relaxes defaults and logical types only)', () => {
    expect(thrown(() => checkReaderWriter(badRecord, v1, { strict: false })).code).toBe('INVALID_NAME');
    expect(thrown(() => checkCompatibility(v1, [badField], 'BACKWARD', { strict: false })).code).toBe('INVALID_NAME');
  });

  it("names: 'lenient' reads registered history whose names Avro refuses, and checks against it", () => {
    expect(checkCompatibility(v1, [badField], 'BACKWARD', { names: 'lenient' })).toEqual({ compatible: true, incompatibilities: [] });
    // Old consumers of that version need its field: the finding names it, so the version was really read.
    const withoutDefault = { ...badField, fields: [badField.fields[0], { name: 'bid-price', type: 'double' }] };
    const forward = checkCompatibility(v1, [withoutDefault], 'FORWARD', { names: 'lenient' });
    expect(forward.incompatibilities.map((i) => [i.type, i.message, i.version, i.direction])).toEqual([['READER_FIELD_MISSING_DEFAULT_VALUE', 'bid-price', 0, 'forward']]);
    expect(checkReaderWriter(badRecord, badRecord, { names: 'lenient' })).toEqual({ compatible: true, incompatibilities: [] });
  });

  it("never relaxes the candidate's names: a new schema is validated as the registry validates it", () => {
    expect(thrown(() => checkCompatibility(badRecord, [v1], 'NONE', { names: 'lenient' })).code).toBe('INVALID_NAME');
  });
});

describe('deep schemas', () => {
  function nestedArrays(depth: number, leaf: string): object | string {
    let json: object | string = leaf;
    for (let i = 0; i < depth; i++) json = { type: 'array', items: json };
    return json;
  }
  function nestedRecords(depth: number, leaf: string): object | string {
    let json: object | string = leaf;
    for (let i = 0; i < depth; i++) json = { type: 'record', name: `R${i}`, fields: [{ name: 'f', type: json }] };
    return json;
  }

  it('checks the deepest schemas the depth limit lets through without overflowing the stack', () => {
    expect(checkCompatibility(nestedArrays(990, 'long'), [nestedArrays(990, 'int')]).compatible).toBe(true);
    const records = checkCompatibility(nestedRecords(330, 'int'), [nestedRecords(330, 'string')]);
    expect(records.incompatibilities.map((i) => i.type)).toEqual(['TYPE_MISMATCH']);
  });

  it('refuses deeper nesting with TOO_DEEP, as JSON text or parsed JSON', () => {
    expect(() => checkCompatibility(nestedRecords(400, 'int'), [])).toThrow(expect.objectContaining({ code: 'TOO_DEEP' }));
    // Built as text: JSON.stringify itself recurses and would overflow on this.
    const deepText = '{"type":"array","items":'.repeat(10_000) + '"int"' + '}'.repeat(10_000);
    expect(() => checkCompatibility(deepText, [])).toThrow(expect.objectContaining({ code: 'TOO_DEEP', line: 1 }));
  });
});
