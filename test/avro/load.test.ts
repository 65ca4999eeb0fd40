import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/avro/errors.js';
import { loadSchemaInput, loadSchemaSet, loadSchemaText } from '../../src/avro/load.js';
import type { RecordSchema } from '../../src/avro/model.js';

function thrown(fn: () => unknown): SchemaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error('expected a SchemaError');
}

describe('loadSchemaText', () => {
  it('puts the line and column of the offending node on Avro errors', () => {
    const text = '{\n  "type": "record",\n  "name": "R",\n  "fields": [\n    {"name": "a", "type": "Missing"}\n  ]\n}\n';
    const error = thrown(() => loadSchemaText(text, { file: 'r.avsc' }));
    expect(error.code).toBe('UNKNOWN_TYPE');
    expect([error.file, error.line, error.column]).toEqual(['r.avsc', 5, 19]);
    expect(error.message).toMatch(/^r\.avsc:5:19: unknown type "Missing"/);
  });

  it('points a missing attribute at the object that lacks it', () => {
    const error = thrown(() => loadSchemaText('{"type": "record", "name": "R"}', { file: 'r.avsc' }));
    expect([error.code, error.line, error.column]).toEqual(['INVALID_SCHEMA', 1, 1]);
  });

  it('reports invalid UTF-8 with its position', () => {
    const bytes = Buffer.concat([Buffer.from('{"type":\n "str'), Buffer.from([0xff]), Buffer.from('ing"}')]);
    const error = thrown(() => loadSchemaText(bytes, { file: 'bad.avsc' }));
    expect([error.code, error.line, error.column]).toEqual(['INVALID_UTF8', 2, 6]);
  });
});

describe('loadSchemaInput', () => {
  it('takes JSON text, parsed JSON, or a bare type name', () => {
    expect(loadSchemaInput('"int"').schema).toMatchObject({ kind: 'primitive', type: 'int' });
    expect(loadSchemaInput('long').schema).toMatchObject({ kind: 'primitive', type: 'long' });
    expect(loadSchemaInput({ type: 'map', values: 'string' }).schema.kind).toBe('map');
    expect(loadSchemaInput(' ["null", "string"]').document?.positionOf('/1')).toEqual({ line: 1, column: 11 });
  });
});

describe('loadSchemaSet', () => {
  it("loads the project's schemas, giving the order book the PriceLevel it references from another file", () => {
    const dir = join(import.meta.dirname, '../../schemas');
    const files = [...readdirSync(dir).filter((f) => f.endsWith('.avsc')), 'common/price_level.avsc'];
    const loaded = loadSchemaSet(files.map((file) => ({ file, text: readFileSync(join(dir, file)) })));
    const book = loaded.get('market_orderbook_asx.avsc')!.schema as RecordSchema;
    const bids = book.fields.find((f) => f.name === 'bids')!.type;
    expect(bids.kind === 'array' && bids.items).toBe(loaded.get('common/price_level.avsc')!.schema);
  });

  it('names the file and the type when a reference is missing', () => {
    const error = thrown(() =>
      loadSchemaSet([{ file: 'book.avsc', text: '{"type":"record","name":"B","fields":[{"name":"l","type":"com.x.Level"}]}' }]),
    );
    expect(error.code).toBe('MISSING_REFERENCE');
    expect(error.message).toContain('com.x.Level');
    expect(error.message).toContain('book.avsc');
  });
});

describe('loadSchemaSet positions', () => {
  it('puts the line and column of the use on a missing reference', () => {
    const text = '{\n  "type": "record", "name": "B",\n  "fields": [\n    {"name": "l", "type": "Strin"}\n  ]\n}';
    const error = thrown(() => loadSchemaSet([{ file: 'book.avsc', text }]));
    expect([error.code, error.file, error.line, error.column]).toEqual(['MISSING_REFERENCE', 'book.avsc', 4, 19]);
    expect(error.message).toContain('Check its spelling');
  });
});

describe('names in every entry point (issue 12)', () => {
  const symbolText = '{"type": "enum", "name": "Side",\n "symbols": ["BUY", "SELL-SHORT"]}';

  it('refuses a name Avro Java refuses with its file, line and column, strict or not', () => {
    for (const strict of [true, false]) {
      const text = thrown(() => loadSchemaText(symbolText, { file: 'side.avsc', strict }));
      expect([text.code, text.file, text.line, text.column]).toEqual(['INVALID_NAME', 'side.avsc', 2, 21]);
      const set = thrown(() => loadSchemaSet([{ file: 'side.avsc', text: symbolText }], { strict }));
      expect([set.code, set.file, set.line, set.column]).toEqual(['INVALID_NAME', 'side.avsc', 2, 21]);
      expect(thrown(() => loadSchemaInput(JSON.parse(symbolText), { strict })).pointer).toBe('/symbols/1');
    }
  });

  it("accepts it with names: 'lenient'", () => {
    expect(loadSchemaText(symbolText, { names: 'lenient' }).named.has('Side')).toBe(true);
    expect(loadSchemaSet([{ file: 'side.avsc', text: symbolText }], { names: 'lenient' }).get('side.avsc')?.named.has('Side')).toBe(true);
  });
});
