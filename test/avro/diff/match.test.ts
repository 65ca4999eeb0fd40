import { describe, expect, it } from 'vitest';
import { matchBranches, matchFields, matchNamed } from '../../../src/avro/diff/match.js';
import type { NamedSchema, RecordSchema, Schema, UnionSchema } from '../../../src/avro/model.js';
import { parseSchema } from '../../../src/avro/parse.js';

const record = (json: unknown) => parseSchema(json).root as RecordSchema;
const named = (json: unknown) => parseSchema(json).root as NamedSchema;
const branches = (json: unknown[]) => (parseSchema(json).root as UnionSchema).branches;
const label = (schema: Schema | undefined) =>
  schema === undefined ? '-' : 'name' in schema ? schema.name : schema.kind === 'primitive' ? schema.type : schema.kind;

describe('matchNamed', () => {
  it('matches unqualified names, or an alias naming the old full name', () => {
    const old = named({ type: 'fixed', name: 'a.Hash', size: 16 });
    expect(matchNamed(old, named({ type: 'fixed', name: 'b.Hash', size: 16 }))).toBe('name');
    expect(matchNamed(old, named({ type: 'fixed', name: 'b.Digest', aliases: ['a.Hash'], size: 16 }))).toBe('alias');
    expect(matchNamed(old, named({ type: 'fixed', name: 'b.Digest', aliases: ['Hash'], size: 16 }))).toBeUndefined();
  });
});

describe('matchFields', () => {
  it('pairs by name, then by alias, in the new order, and lists the rest as removed', () => {
    const before = record({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }, { name: 'c', type: 'int' }] });
    const after = record({
      type: 'record', name: 'R', fields: [{ name: 'x', type: 'int', aliases: ['b'] }, { name: 'a', type: 'int', aliases: ['c'] }, { name: 'n', type: 'int' }],
    });
    const { entries, removed } = matchFields(before, after);
    expect(entries.map((e) => [e.after.name, e.before?.name ?? '-', e.renamed])).toEqual([
      ['x', 'b', true],
      ['a', 'a', false],
      ['n', '-', false],
    ]);
    expect(removed.map((field) => field.name)).toEqual(['c']);
  });

  it('lets an old field be claimed by one alias only', () => {
    const before = record({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }] });
    const after = record({ type: 'record', name: 'R', fields: [{ name: 'x', type: 'int', aliases: ['a'] }, { name: 'y', type: 'int', aliases: ['a'] }] });
    expect(matchFields(before, after).entries.map((e) => e.before?.name ?? '-')).toEqual(['a', '-']);
  });
});

describe('matchBranches', () => {
  const pairs = (before: unknown[], after: unknown[]) => {
    const match = matchBranches(branches(before), branches(after));
    return { pairs: match.entries.map((e) => `${label(e.before)}>${label(e.after)}`), removed: match.removed.map(label) };
  };

  it('pairs the same types first, then promotions either way', () => {
    expect(pairs(['null', 'int', 'string'], ['string', 'long', 'null'])).toEqual({ pairs: ['string>string', 'int>long', 'null>null'], removed: [] });
    expect(pairs(['null', 'double'], ['null', 'float'])).toEqual({ pairs: ['null>null', 'double>float'], removed: [] });
  });

  it('pairs a lone leftover on each side, but not several', () => {
    expect(pairs(['null', 'string'], ['null', 'boolean'])).toEqual({ pairs: ['null>null', 'string>boolean'], removed: [] });
    expect(pairs(['string', 'boolean'], ['int', 'null'])).toEqual({ pairs: ['->int', '->null'], removed: ['string', 'boolean'] });
  });

  it('matches arrays, maps and named types by identity', () => {
    const a = { type: 'record', name: 'A', fields: [] };
    const b = { type: 'record', name: 'B', aliases: ['A'], fields: [] };
    expect(pairs([{ type: 'array', items: 'int' }, a], [b, { type: 'array', items: 'long' }])).toEqual({ pairs: ['A>B', 'array>array'], removed: [] });
  });
});
