import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toCanonicalForm } from '../../src/avro/canonical.js';
import { fingerprint, fingerprintCanonicalForm, rabinFingerprint } from '../../src/avro/fingerprint.js';
import type { ArraySchema, Field, PrimitiveName, RecordSchema, Schema } from '../../src/avro/model.js';
import { parseSchema } from '../../src/avro/parse.js';

/**
 * Cases from Apache Avro's share/test/data/schema-tests.txt: input, Parsing Canonical Form and, where
 * the file gives one, the CRC-64-AVRO fingerprint as Java's signed long.
 */
const SPEC_CASES: Array<[string, string, string?]> = [
  ['"null"', '"null"', '7195948357588979594'],
  ['{"type":"null"}', '"null"'],
  ['"boolean"', '"boolean"', '-6970731678124411036'],
  ['{"type":"boolean"}', '"boolean"'],
  ['"int"', '"int"', '8247732601305521295'],
  ['{"type":"int"}', '"int"'],
  ['"long"', '"long"', '-3434872931120570953'],
  ['{"type":"long"}', '"long"'],
  ['"float"', '"float"', '5583340709985441680'],
  ['{"type":"float"}', '"float"'],
  ['"double"', '"double"', '-8181574048448539266'],
  ['{"type":"double"}', '"double"'],
  ['"bytes"', '"bytes"', '5746618253357095269'],
  ['{"type":"bytes"}', '"bytes"'],
  ['"string"', '"string"', '-8142146995180207161'],
  ['{"type":"string"}', '"string"'],
  ['[  ]', '[]', '-1241056759729112623'],
  ['[ "int"  ]', '["int"]', '-5232228896498058493'],
  ['[ "int" , {"type":"boolean"} ]', '["int","boolean"]', '5392556393470105090'],
  ['{"fields":[], "type":"record", "name":"foo"}', '{"name":"foo","type":"record","fields":[]}', '-4824392279771201922'],
  ['{"fields":[], "type":"record", "name":"foo", "namespace":"x.y"}', '{"name":"x.y.foo","type":"record","fields":[]}', '5916914534497305771'],
  ['{"fields":[], "type":"record", "name":"a.b.foo", "namespace":"x.y"}', '{"name":"a.b.foo","type":"record","fields":[]}', '-4616218487480524110'],
  ['{"fields":[], "type":"record", "name":"foo", "doc":"Useful info"}', '{"name":"foo","type":"record","fields":[]}', '-4824392279771201922'],
  ['{"fields":[], "type":"record", "name":"foo", "aliases":["foo","bar"]}', '{"name":"foo","type":"record","fields":[]}', '-4824392279771201922'],
  ['{"fields":[], "type":"record", "name":"foo", "doc":"foo", "aliases":["foo","bar"]}', '{"name":"foo","type":"record","fields":[]}', '-4824392279771201922'],
  [
    '{"fields":[{"type":{"type":"boolean"}, "name":"f1"}], "type":"record", "name":"foo"}',
    '{"name":"foo","type":"record","fields":[{"name":"f1","type":"boolean"}]}',
    '7843277075252814651',
  ],
  [
    '{ "fields":[{"type":"boolean", "aliases":[], "name":"f1", "default":"true"},\n' +
      '            {"order":"descending","name":"f2","doc":"Hello","type":"int"}],\n  "type":"record", "name":"foo"\n}',
    '{"name":"foo","type":"record","fields":[{"name":"f1","type":"boolean"},{"name":"f2","type":"int"}]}',
    '-4860222112080293046',
  ],
  ['{"type":"enum", "name":"foo", "symbols":["A1"]}', '{"name":"foo","type":"enum","symbols":["A1"]}', '-6342190197741309591'],
  [
    '{"namespace":"x.y.z", "type":"enum", "name":"foo", "doc":"foo bar", "symbols":["A1", "A2"]}',
    '{"name":"x.y.z.foo","type":"enum","symbols":["A1","A2"]}',
    '-4448647247586288245',
  ],
  ['{"name":"foo","type":"fixed","size":15}', '{"name":"foo","type":"fixed","size":15}', '1756455273707447556'],
  [
    '{"namespace":"x.y.z", "type":"fixed", "name":"foo", "doc":"foo bar", "size":32}',
    '{"name":"x.y.z.foo","type":"fixed","size":32}',
    '-3064184465700546786',
  ],
  ['{ "items":{"type":"null"}, "type":"array"}', '{"type":"array","items":"null"}', '-589620603366471059'],
  ['{ "values":"string", "type":"map"}', '{"type":"map","values":"string"}', '-8732877298790414990'],
  [
    '{"name":"PigValue","type":"record",\n   "fields":[{"name":"value", "type":["null", "int", "long", "PigValue"]}]}',
    '{"name":"PigValue","type":"record","fields":[{"name":"value","type":["null","int","long","PigValue"]}]}',
    '-1759257747318642341',
  ],
];

/** Java prints the fingerprint as a signed long; ours is the same 64 bits, unsigned, in hex. */
function hexOfSignedLong(decimal: string): string {
  return BigInt.asUintN(64, BigInt(decimal)).toString(16).padStart(16, '0');
}

function canonicalOf(json: string): string {
  return toCanonicalForm(parseSchema(JSON.parse(json), { strict: false }).root);
}

const node = { pointer: '', attributes: {} };
const primitive = (type: PrimitiveName): Schema => ({ ...node, kind: 'primitive', type });
const field = (name: string, type: Schema, position = 0): Field => ({ ...node, name, type, position, aliases: [], order: 'ascending' });
function record(fullName: string, fields: Field[]): RecordSchema {
  const dot = fullName.lastIndexOf('.');
  return { ...node, kind: 'record', fullName, name: fullName.slice(dot + 1), namespace: fullName.slice(0, Math.max(dot, 0)), aliases: [], isError: false, fields };
}

describe('toCanonicalForm', () => {
  it.each(SPEC_CASES)('%s -> %s', (input, canonical) => {
    expect(canonicalOf(input)).toBe(canonical);
  });

  it('writes a named type once, then its full name, across namespaces', () => {
    const input = {
      type: 'record',
      name: 'Trade',
      namespace: 'com.market',
      fields: [
        { name: 'side', type: { type: 'enum', name: 'Side', symbols: ['BUY', 'SELL'], default: 'BUY' } },
        { name: 'prev', type: ['null', 'Side', { type: 'fixed', name: 'other.Id', size: 8 }] },
        { name: 'ids', type: { type: 'map', values: { type: 'array', items: 'other.Id' } } },
        { name: 'next', type: ['null', 'Trade'], default: null },
      ],
    };
    expect(toCanonicalForm(parseSchema(input).root)).toBe(
      '{"name":"com.market.Trade","type":"record","fields":[' +
        '{"name":"side","type":{"name":"com.market.Side","type":"enum","symbols":["BUY","SELL"]}},' +
        '{"name":"prev","type":["null","com.market.Side",{"name":"other.Id","type":"fixed","size":8}]},' +
        '{"name":"ids","type":{"type":"map","values":{"type":"array","items":"other.Id"}}},' +
        '{"name":"next","type":["null","com.market.Trade"]}]}',
    );
  });

  it('drops logical types, error flags, docs, defaults, orders and custom attributes', () => {
    const input = {
      type: 'error',
      name: 'Failure',
      doc: 'x',
      'x-owner': 'team',
      fields: [
        { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 }, default: '\u0000', order: 'ignore' },
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis', 'x-unit': 'ms' }, deprecated: true, aliases: ['when'] },
      ],
    };
    expect(toCanonicalForm(parseSchema(input).root)).toBe(
      '{"name":"Failure","type":"record","fields":[{"name":"amount","type":"bytes"},{"name":"at","type":"long"}]}',
    );
  });

  it('keeps non-ASCII text as is and escapes only what JSON requires', () => {
    const schema = record('Café', [field('a"b\\c\n', primitive('int')), field('ünï', primitive('string'), 1)]);
    expect(toCanonicalForm(schema)).toBe(
      '{"name":"Café","type":"record","fields":[{"name":"a\\"b\\\\c\\n","type":"int"},{"name":"ünï","type":"string"}]}',
    );
  });

  it('handles recursive records built directly and very deep schemas without recursion', () => {
    const fields: Field[] = [];
    const list = record('List', fields);
    fields.push(field('next', { ...node, kind: 'union', branches: [primitive('null'), list] }));
    expect(toCanonicalForm(list)).toBe('{"name":"List","type":"record","fields":[{"name":"next","type":["null","List"]}]}');

    let deep: Schema = primitive('int');
    for (let i = 0; i < 50_000; i++) deep = { ...node, kind: 'array', items: deep } satisfies ArraySchema;
    const form = toCanonicalForm(deep);
    expect(form).toBe(`${'{"type":"array","items":'.repeat(50_000)}"int"${'}'.repeat(50_000)}`);
  });
});

describe('fingerprint', () => {
  it.each(SPEC_CASES.filter((c) => c[2] !== undefined))('CRC-64-AVRO of %s matches the spec data', (input, _canonical, signed) => {
    expect(fingerprint(parseSchema(JSON.parse(input), { strict: false }).root).rabin).toBe(hexOfSignedLong(signed!));
  });

  it('gives SHA-256 of the canonical form in UTF-8', () => {
    const schema = record('Café', [field('ünï', primitive('string'))]);
    const canonical = toCanonicalForm(schema);
    expect(fingerprint(schema)).toEqual(fingerprintCanonicalForm(canonical));
    expect(fingerprint(schema).sha256).toBe(createHash('sha256').update(Buffer.from(canonical, 'utf8')).digest('hex'));
    expect(fingerprint(primitive('int')).sha256).toBe('3f2b87a9fe7cc9b13835598c3981cd45e3e355309e5090aa0933d7becb6fba45');
  });

  it('agrees with a direct BigInt transcription of the spec algorithm on arbitrary bytes', () => {
    let seed = 42;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) & 0xff;
    for (const length of [0, 1, 7, 100, 4099]) {
      const data = Uint8Array.from({ length }, random);
      expect(rabinFingerprint(data)).toBe(specRabin(data));
    }
  });
});

/** The spec's reference algorithm ("Schema Fingerprints"), 64-bit arithmetic via BigInt. */
function specRabin(data: Uint8Array): string {
  const empty = 0xc15d213aa4d7a795n;
  const table = Array.from({ length: 256 }, (_, i) => {
    let fp = BigInt(i);
    for (let j = 0; j < 8; j++) fp = (fp >> 1n) ^ (empty & -(fp & 1n));
    return BigInt.asUintN(64, fp);
  });
  let fp = empty;
  for (const byte of data) fp = (fp >> 8n) ^ table[Number((fp ^ BigInt(byte)) & 0xffn)]!;
  return fp.toString(16).padStart(16, '0');
}
