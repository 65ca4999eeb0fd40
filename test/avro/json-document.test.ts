import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/avro/errors.js';
import { decodeSchemaBytes, parseJsonDocument, type JsonDocument } from '../../src/avro/json-document.js';

function thrown(run: () => unknown): SchemaError {
  try {
    run();
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error('expected a SchemaError');
}

function bytes(...parts: Array<string | number[]>): Uint8Array {
  const chunks = parts.map((part) => (typeof part === 'string' ? new TextEncoder().encode(part) : Uint8Array.from(part)));
  return Uint8Array.from(chunks.flatMap((chunk) => [...chunk]));
}

/** The UTF-16 offset of a 1-based line/column (columns in code points), computed independently. */
function offsetAt(text: string, line: number, column: number): number {
  const lines = text.split(/(\r\n|\r|\n)/);
  let offset = 0;
  for (let i = 0; i < (line - 1) * 2; i++) offset += (lines[i] ?? '').length;
  const chars = [...(lines[(line - 1) * 2] ?? '')];
  return offset + chars.slice(0, column - 1).join('').length;
}

describe('decodeSchemaBytes', () => {
  it('decodes UTF-8 and drops a leading byte order mark', () => {
    expect(decodeSchemaBytes(bytes('{"doc":"café ✓ 😀"}'))).toBe('{"doc":"café ✓ 😀"}');
    expect(decodeSchemaBytes(bytes([0xef, 0xbb, 0xbf], '"int"'))).toBe('"int"');
    expect(decodeSchemaBytes(new Uint8Array(0))).toBe('');
  });

  it('reports the line and character column of the first invalid byte', () => {
    const error = thrown(() => decodeSchemaBytes(bytes('{\n  "doc": "caf', [0xe9], '"\n}'), 'schemas/a.avsc'));
    expect(error.code).toBe('INVALID_UTF8');
    expect([error.file, error.line, error.column]).toEqual(['schemas/a.avsc', 2, 14]);
    expect(error.problem).toBe('invalid UTF-8: byte 0xE9 at byte offset 15');
    expect(error.message).toBe('schemas/a.avsc:2:14: invalid UTF-8: byte 0xE9 at byte offset 15. Save the file as UTF-8.');
  });

  it('counts multi-byte characters as one column, CRLF as one line break, and not the BOM', () => {
    const error = thrown(() => decodeSchemaBytes(bytes([0xef, 0xbb, 0xbf], '[\r\n"é✓😀', [0xff], '"]')));
    expect([error.line, error.column]).toEqual([2, 5]);
    const lone = thrown(() => decodeSchemaBytes(bytes('a\rb\r\n\nc', [0x80])));
    expect([lone.line, lone.column]).toEqual([4, 2]);
  });

  it.each([
    ['an overlong encoding', [0xc0, 0x80], '"'],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], '"'],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '"'],
    ['a sequence cut by the end of the input', [0xe2, 0x82], ''],
    ['a sequence cut by an ASCII byte', [0xe2, 0x82, 0x41], '"'],
    ['a stray continuation byte', [0xbf], '"'],
    ['a byte that never occurs in UTF-8', [0xf8], '"'],
  ])('rejects %s at its first byte', (_name, bad, after) => {
    const error = thrown(() => decodeSchemaBytes(bytes('"ok ✓', bad, after)));
    expect([error.code, error.line, error.column]).toEqual(['INVALID_UTF8', 1, 6]);
    expect(error.problem).toBe(`invalid UTF-8: byte 0x${bad[0]!.toString(16).toUpperCase()} at byte offset 7`);
  });

  it('recognises UTF-16 in the hint', () => {
    const error = thrown(() => decodeSchemaBytes(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])));
    expect([error.line, error.column]).toEqual([1, 1]);
    expect(error.hint).toBe('The file looks like UTF-16. Save the file as UTF-8.');
  });
});

describe('parseJsonDocument values', () => {
  it('returns the JSON.parse value, with the last of duplicate keys', () => {
    const text = '{"a": [1, 2.5e3, -0, true, null, "x\\u00e9"], "a": {"b": {}}, "__proto__": 1}';
    const doc = parseJsonDocument(text, { file: 'a.avsc' });
    expect(doc.value).toEqual(JSON.parse(text));
    expect(doc.file).toBe('a.avsc');
    expect(doc.text).toBe(text);
  });

  it('drops a leading byte order mark from the text', () => {
    const doc = parseJsonDocument('\uFEFF{"type": "int"}');
    expect(doc.text).toBe('{"type": "int"}');
    expect(doc.positionOf('/type')).toEqual({ line: 1, column: 2 });
  });

  it('rejects a maxDepth that is not a positive integer', () => {
    expect(() => parseJsonDocument('1', { maxDepth: 0 })).toThrow(RangeError);
    expect(() => parseJsonDocument('1', { maxDepth: 1.5 })).toThrow('maxDepth must be a positive integer, got 1.5');
  });
});

describe('parseJsonDocument positions', () => {
  const text = [
    '{',
    '  "type": "record",',
    '  "fields": [',
    '    {"name": "a/b", "type": ["null", {"type": "array", "items": "long"}]},',
    '    {"a/b": 1, "m~n": 2, "~1": 3, "": 4, "esc\\u002fd": 5, "q\\"": 6}',
    '  ],',
    '  "dup": 1, "dup": [7, 8]',
    '}',
  ].join('\n');
  const doc = parseJsonDocument(text);

  it.each([
    ['', 1, 1],
    ['/', 1, 1],
    ['/type', 2, 3],
    ['/fields', 3, 3],
    ['/fields/0', 4, 5],
    ['/fields/0/name', 4, 6],
    ['/fields/0/type/1', 4, 38],
    ['/fields/0/type/1/items', 4, 56],
    ['/fields/1/a~1b', 5, 6],
    ['/fields/1/m~0n', 5, 16],
    ['/fields/1/~01', 5, 26],
    ['/fields/1/', 5, 35],
    ['/fields/1/esc~1d', 5, 42],
    ['/fields/1/q"', 5, 59],
    ['/dup', 7, 13],
    ['/dup/1', 7, 24],
  ])('positionOf(%j) is %i:%i', (pointer, line, column) => {
    expect(doc.positionOf(pointer)).toEqual({ line, column });
  });

  it.each(['/missing', '/fields/2', '/fields/-', '/fields/01', '/fields/x', '/type/0', '/fields/0/name/x', 'type', '/~2', '/a~'])(
    'positionOf(%j) is undefined',
    (pointer) => {
      expect(doc.positionOf(pointer)).toBeUndefined();
    },
  );

  // Without a backslash in the text, keys compare in place and a match ends the search when its name
  // does not occur again later in the text; here it does (nested, as a value, and as the duplicate that wins).
  const plain = '{"fields": [{"name": "a", "fields": 1}], "x": {"fields": 2, "type": "fields"}, "fields": [{"name": "b"}, {"name": "c"}]}';
  it.each([
    ['/fields', 1, 80],
    ['/fields/1', 1, 106],
    ['/fields/0/name', 1, 92],
    ['/x/fields', 1, 48],
    ['/x/type', 1, 61],
  ])('in a text without escapes, positionOf(%j) is %i:%i, scanned or indexed', (pointer, line, column) => {
    expect(parseJsonDocument(plain).positionOf(pointer)).toEqual({ line, column });
    const reused = parseJsonDocument(plain);
    for (let i = 0; i < 5; i++) reused.positionOf('/x'); // past the lookups answered by scanning: now indexed
    expect(reused.positionOf(pointer)).toEqual({ line, column });
  });

  it('gives line texts without line breaks', () => {
    expect(doc.lineText(2)).toBe('  "type": "record",');
    expect(doc.lineText(8)).toBe('}');
    expect(doc.lineText(0)).toBe('');
    expect(doc.lineText(9)).toBe('');
  });

  it('handles CRLF and lone CR line breaks and counts characters outside the BMP as one column', () => {
    const crlf = parseJsonDocument('{\r\n  "😀": {\r  "b": [\r\n\r\n 1, "é😀", 3]}}');
    expect(crlf.positionOf('/😀')).toEqual({ line: 2, column: 3 });
    expect(crlf.positionOf('/😀/b')).toEqual({ line: 3, column: 3 });
    expect(crlf.positionOf('/😀/b/2')).toEqual({ line: 5, column: 11 });
    expect(crlf.lineText(1)).toBe('{');
    expect(crlf.lineText(2)).toBe('  "😀": {');
    expect(crlf.lineText(4)).toBe('');
  });

  it('finds members in empty and whitespace-heavy containers', () => {
    const spaced = parseJsonDocument(' \t[ {} , [ ] ,{ "k" \n :\t"v" } ]  ');
    expect(spaced.positionOf('')).toEqual({ line: 1, column: 3 });
    expect(spaced.positionOf('/0/k')).toBeUndefined();
    expect(spaced.positionOf('/1/0')).toBeUndefined();
    expect(spaced.positionOf('/2/k')).toEqual({ line: 1, column: 17 });
    expect(spaced.positionOf('/3')).toBeUndefined();
  });

  it('points every member at its key and every element at its value', () => {
    const source = JSON.stringify(
      { a: [{ 'x/y': 'v', 'p~q': [1, { z: null }], '"': '}]' }], b: { c: [[], {}, 'é😀', -1.5e-3] }, '\\': false },
      null,
      '\t',
    );
    expectConsistentPositions(parseJsonDocument(source));
  });

  // The lookups step over strings, scalars and containers with regular expressions: values that look
  // like the syntax around them (brackets, quotes, colons and commas in strings, escapes, exponents)
  // must not move them, in compact text, indented text, or text with whitespace everywhere.
  it.each([
    ['compact', (value: unknown) => JSON.stringify(value)],
    ['indented', (value: unknown) => JSON.stringify(value, null, 2)],
    ['spaced', (value: unknown) => JSON.stringify(value, null, 1).replace(/([[\]{},:])(?=(?:[^"\\]|\\.|"(?:[^"\\]|\\.)*")*$)/g, ' \r\n\t$1 ')],
  ])('maps every pointer of generated values written %s', (_form, write) => {
    const next = seeded(16);
    for (let i = 0; i < 40; i++) {
      const source = write(generatedValue(next, 0));
      expect(JSON.parse(source)).toBeDefined();
      expectConsistentPositions(parseJsonDocument(source));
    }
  });

  // Past the bounds of the expressions' repetitions (100 escapes in a string, 1,000 strings in a run
  // without a bracket), the lookups go on by scanning.
  it('maps every pointer across strings with many escapes and runs of many strings', () => {
    const escaped = 'a"\\'.repeat(120);
    const value = { [escaped]: [escaped, { [escaped]: escaped, k: 1 }], run: Array.from({ length: 1_200 }, (_, i) => `s${i}`), x: escaped, z: 2 };
    expectConsistentPositions(parseJsonDocument(JSON.stringify(value)));
    expectConsistentPositions(parseJsonDocument(JSON.stringify(value, null, 2)));
  });

  it('steps over millions of strings in one array without overflowing the expression engine', () => {
    const text = `{"symbols": [${'"a",'.repeat(4_000_000)}"b"], "after": 1}`;
    expect(parseJsonDocument(text).positionOf('/after')).toEqual({ line: 1, column: text.length - 10 });
  });

  it('never takes a pointer token with a quote for the key it starts like', () => {
    const plainText = parseJsonDocument('{"a":"b","c":1}');
    expect(plainText.positionOf('/a":"b')).toBeUndefined();
    expect(plainText.positionOf('/a"')).toBeUndefined();
    expect(plainText.positionOf('/c')).toEqual({ line: 1, column: 10 });
  });
});

/** A small deterministic generator (mulberry32), so a failing value can be found again. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY_STRINGS = ['', '}', ']', '{"a": [1]}', '"', '\\', '\\"', 'a,b', 'k: v', 'é😀', '\n\t', 'fields', 'type'];

function generatedValue(next: () => number, depth: number): unknown {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const roll = next();
  if (depth < 4 && roll < 0.3) {
    const members: Record<string, unknown> = {};
    for (let n = Math.floor(next() * 5); n > 0; n--) members[pick(TRICKY_STRINGS) + pick(['', 'x', '/', '~'])] = generatedValue(next, depth + 1);
    return members;
  }
  if (depth < 4 && roll < 0.5) return Array.from({ length: Math.floor(next() * 5) }, () => generatedValue(next, depth + 1));
  return pick<unknown>([pick(TRICKY_STRINGS), 0, -1.5e-300, 1.2345678901234567e19, true, false, null]);
}

/** Every pointer of the value maps to the key (members) or the value (elements) it names. */
function expectConsistentPositions(doc: JsonDocument): void {
  const work: Array<[unknown, string, string | number | undefined]> = [[doc.value, '', undefined]];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    const [value, pointer, last] = item;
    const position = doc.positionOf(pointer);
    expect(position, pointer).toBeDefined();
    const at = doc.text.slice(offsetAt(doc.text, position!.line, position!.column));
    if (typeof last === 'string') expect(JSON.parse(/^"(?:[^"\\]|\\.)*"/.exec(at)![0]), pointer).toBe(last);
    else expect(at.charAt(0), pointer).toBe(JSON.stringify(value).charAt(0));
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const token = key.replace(/~/g, '~0').replace(/\//g, '~1');
        work.push([child, `${pointer}/${token}`, Array.isArray(value) ? Number(key) : key]);
      }
    }
  }
}

describe('parseJsonDocument errors', () => {
  it.each([
    ['', 'the document is empty; expected a JSON value', 1, 1],
    [' \n  ', 'the document is empty; expected a JSON value', 2, 3],
    ['{"a": 1,}', "trailing comma before '}'", 1, 8],
    ['[1, 2 ,\n]', "trailing comma before ']'", 1, 7],
    ['{"a": 1 "b": 2}', "expected ',' or '}' after an object member", 1, 9],
    ['[1 2]', "expected ',' or ']' after an array element", 1, 4],
    ['{"a": [1, 2}', "expected ',' or ']' after an array element", 1, 12],
    ['{"a": 1', "unexpected end of input; expected ',' or '}' after an object member", 1, 8],
    ['{"a" 1}', "expected ':' after an object key", 1, 6],
    ['{a: 1}', `expected a '"'-quoted object key, found 'a'`, 1, 2],
    ["{'a': 1}", `expected a '"'-quoted object key, found '''`, 1, 2],
    ['{"a": "abc', 'unterminated string', 1, 7],
    ['{"a": "ab\nc"}', 'unterminated string', 1, 7],
    ['{"a": "a\tb"}', 'unescaped control character U+0009 in a string', 1, 9],
    ['{"a": "\\x"}', "invalid escape sequence '\\x' in a string", 1, 8],
    ['{"a": "\\u12G4"}', 'invalid \\u escape in a string: expected 4 hexadecimal digits', 1, 8],
    ['{"a": 01}', 'numbers cannot have leading zeros', 1, 7],
    ['{"a": -}', "expected a digit after '-'", 1, 8],
    ['{"a": 1.}', 'expected a digit after the decimal point', 1, 9],
    ['{"a": 1e+}', 'expected a digit in the exponent', 1, 10],
    ['{"a": +1}', "unexpected character '+'; expected a value", 1, 7],
    ['{"a": tru}', "unexpected word 'tru'; expected a value", 1, 7],
    ['{"a": NaN}', "unexpected word 'NaN'; expected a value", 1, 7],
    ["['a']", 'strings must use double quotes', 1, 2],
    ['{"a": }', "expected a value, found '}'", 1, 7],
    ['[,1]', "expected a value, found ','", 1, 2],
    ['[1, // two\n 2]', 'comments are not allowed in JSON', 1, 5],
    ['{"a": 1} x', "unexpected 'x' after the end of the JSON value", 1, 10],
    ['{}\u00a0', 'unexpected U+00A0 after the end of the JSON value', 1, 3],
    ['{"😀": x}', "unexpected word 'x'; expected a value", 1, 7],
    ['{\r\n  "type": "record",\r\n  "name" "X"\r\n}', "expected ':' after an object key", 3, 10],
    ['[\r\r1,]', "trailing comma before ']'", 3, 2],
  ])('%j: %s at %i:%i', (text, problem, line, column) => {
    const error = thrown(() => parseJsonDocument(text));
    expect(error.code).toBe('INVALID_JSON');
    expect(error.problem).toBe(problem);
    expect([error.line, error.column]).toEqual([line, column]);
  });

  it('writes one line with file, position, problem and hint', () => {
    const error = thrown(() => parseJsonDocument('{"a": 1,}', { file: 'a.avsc' }));
    expect(error.message).toBe("a.avsc:1:8: trailing comma before '}'. Remove the last ','.");
    expect(thrown(() => parseJsonDocument('{"a": NaN}')).hint).toBe('JSON has no NaN or Infinity.');
  });
});

describe('parseJsonDocument nesting', () => {
  const nested = (depth: number, inner = '0'): string => '['.repeat(depth) + inner + ']'.repeat(depth);

  it('accepts exactly maxDepth levels', () => {
    expect(parseJsonDocument(nested(1000)).positionOf(`${'/0'.repeat(1000)}`)).toEqual({ line: 1, column: 1001 });
    expect(parseJsonDocument(nested(3), { maxDepth: 3 }).value).toEqual([[[0]]]);
  });

  it('rejects one level more at the bracket that crosses the limit', () => {
    const error = thrown(() => parseJsonDocument(`\n ${nested(1001)}`, { file: 'deep.avsc' }));
    expect([error.code, error.line, error.column]).toEqual(['TOO_DEEP', 2, 1002]);
    expect(error.message).toBe('deep.avsc:2:1002: the JSON nesting exceeds the limit of 1000 levels. Reduce the nesting of the schema.');
    const objects = thrown(() => parseJsonDocument('{"a": {"b": {"c": {}}}}', { maxDepth: 3 }));
    expect([objects.code, objects.column]).toEqual(['TOO_DEEP', 19]);
  });

  it('reports whichever of a syntax error and a too deep nesting comes first', () => {
    expect(thrown(() => parseJsonDocument('[[[[[ x', { maxDepth: 3 })).code).toBe('TOO_DEEP');
    expect(thrown(() => parseJsonDocument('[x, [[[[', { maxDepth: 3 })).code).toBe('INVALID_JSON');
  });

  it('handles 10,000 levels without recursion', () => {
    const text = nested(10_000, '"bottom"');
    expect(thrown(() => parseJsonDocument(text)).column).toBe(1001);
    const doc = parseJsonDocument(text, { maxDepth: 10_000 });
    expect(doc.positionOf('/0'.repeat(10_000))).toEqual({ line: 1, column: 10_001 });
    const objects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    expect(parseJsonDocument(objects, { maxDepth: 10_000 }).positionOf('/a'.repeat(10_000))).toEqual({ line: 1, column: 49_997 });
    const unclosed = thrown(() => parseJsonDocument(nested(10_000).slice(0, -1), { maxDepth: 20_000 }));
    expect([unclosed.code, unclosed.column]).toEqual(['INVALID_JSON', 20_001]);
  });
});

describe('parseJsonDocument on a 20 MB schema', () => {
  // One field per line, so the expected line of each field is known without the code under test.
  const fieldCount = 120_000;
  const field = (i: number): string =>
    JSON.stringify({
      name: `f${i}`,
      doc: `field ${i} é ✓ 😀 with some text`,
      type: ['null', { type: 'record', name: `R${i}`, fields: [{ name: 'a/b~c', type: { type: 'map', values: 'long' } }] }],
    });
  const lines = ['{"type": "record", "name": "Big", "fields": ['];
  for (let i = 0; i < fieldCount; i++) lines.push(`  ${field(i)}${i + 1 < fieldCount ? ',' : ''}`);
  lines.push(']}');
  const text = lines.join('\r\n');

  it('parses it and maps pointers anywhere in it', () => {
    expect(text.length).toBeGreaterThan(20_000_000);
    const doc = parseJsonDocument(text, { file: 'big.avsc' });
    expect((doc.value as { fields: unknown[] }).fields).toHaveLength(fieldCount);
    for (const i of [0, 1, 77_777, fieldCount - 1]) {
      expect(doc.positionOf(`/fields/${i}`)).toEqual({ line: i + 2, column: 3 });
      const inner = doc.positionOf(`/fields/${i}/type/1/fields/0/a~1b~0c`);
      expect(inner).toBeUndefined();
      const key = doc.positionOf(`/fields/${i}/type/1/fields/0/name`)!;
      expect([...doc.lineText(key.line)].slice(key.column - 1).join('')).toMatch(/^"name":"a\/b~c"/);
    }
  });

  it('reports an error near its end at the exact place', () => {
    const broken = text.replace(/,\r\n {2}\{"name":"f119999"/, '\r\n  {"name":"f119999"');
    const error = thrown(() => parseJsonDocument(broken));
    expect([error.code, error.line, error.column]).toEqual(['INVALID_JSON', fieldCount + 1, 3]);
  });
});

describe('the depth limit at its tightest', () => {
  // The shortest text of a given depth: each array level costs 2 characters, each object level 5
  // (`{"":` and `}`), the innermost 2. The length bound must still send these to the full scan.
  const chain = (arrays: number, objects: number): string =>
    '{"":'.repeat(objects) + '['.repeat(arrays) + '[]' + ']'.repeat(arrays) + '}'.repeat(objects);

  it.each([
    [0, 1000],
    [1000, 0],
    [500, 500],
    [1, 999],
    [999, 1],
  ])('refuses %i array and %i object levels around one more, and accepts them one level shallower', (arrays, objects) => {
    expect(thrown(() => parseJsonDocument(chain(arrays, objects))).code).toBe('TOO_DEEP');
    const fewer = arrays > 0 ? chain(arrays - 1, objects) : chain(arrays, objects - 1);
    expect(() => parseJsonDocument(fewer)).not.toThrow();
  });
});

describe('the depth limit after the bracket count', () => {
  it('finds nesting past the limit, and ignores brackets inside strings, whatever the text length', () => {
    expect(() => parseJsonDocument('[[[1]]]', { maxDepth: 2 })).toThrow(expect.objectContaining({ code: 'TOO_DEEP', line: 1, column: 3 }));
    expect(() => parseJsonDocument('{"a": "[[[[[[{{{{"}', { maxDepth: 2 })).not.toThrow();
    expect(() => parseJsonDocument(`${' '.repeat(50)}[[1]]`, { maxDepth: 2 })).not.toThrow();
    expect(() => parseJsonDocument('[[1],[2],[3]]', { maxDepth: 2 })).not.toThrow();
  });
});
