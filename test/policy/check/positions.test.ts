import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from '../../../src/avro/json-document.js';
import { excerptOf, lineOfText, positionOfNode } from '../../../src/policy/check/positions.js';

describe('lineOfText', () => {
  it('finds lines across LF, CRLF and CR breaks', () => {
    const text = 'one\ntwo\r\nthree\rfour';
    expect([1, 2, 3, 4, 5].map((line) => lineOfText(text, line))).toEqual(['one', 'two', 'three', 'four', '']);
  });
});

describe('excerptOf', () => {
  it('keeps a short line and its column, tabs as one space', () => {
    expect(excerptOf('\t{"a": 1}', 2)).toEqual({ text: ' {"a": 1}', column: 2 });
  });

  it('cuts a long line around the column and moves the caret with it', () => {
    const line = `${'x'.repeat(1000)}HERE${'y'.repeat(1000)}`;
    const excerpt = excerptOf(line, 1001);
    expect(excerpt.text.length).toBeLessThanOrEqual(162);
    expect(excerpt.text.startsWith('…') && excerpt.text.endsWith('…')).toBe(true);
    expect(excerpt.text.slice(excerpt.column - 1, excerpt.column + 3)).toBe('HERE');
  });
});

describe('positionOfNode', () => {
  const text = '{\n  "type": "record",\n  "name": "A",\n  "fields": [\n    {"name": "x", "type": "int"}\n  ]\n}';
  const documents = { file: 'a.avsc', documents: new Map([['a.avsc', parseJsonDocument(text, { file: 'a.avsc' })]]) };

  it('maps a candidate node to its line, column and excerpt', () => {
    expect(positionOfNode(documents, { file: 'a.avsc', pointer: '/fields/0/type' })).toEqual({
      file: 'a.avsc',
      line: 5,
      column: 19,
      excerpt: { text: '    {"name": "x", "type": "int"}', column: 19 },
    });
  });

  it('falls back to the candidate top level for a node of another document', () => {
    expect(positionOfNode(documents, { file: 'old.avsc', pointer: '/fields/0' })).toMatchObject({ file: 'a.avsc', line: 1, column: 1 });
    expect(positionOfNode({ ...documents, commit: 'abc' }, undefined)).toMatchObject({ file: 'a.avsc', line: 1, commit: 'abc' });
  });
});
