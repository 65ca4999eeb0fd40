import { describe, expect, it } from 'vitest';
import { brief, diffJson, oneField } from './support.js';

const rules = (before: unknown, after: unknown) => diffJson(before, after).map((change) => change.rule);
const paths = (before: unknown, after: unknown) => diffJson(before, after).map((change) => `${change.rule} ${change.path}`);

describe('diffSchemas: unions', () => {
  it('pairs promoted and narrowed branches', () => {
    expect(diffJson(oneField(['null', 'int']), oneField(['null', 'long'])).map(brief)).toEqual([{
      rule: 'TYPE_PROMOTED', severity: 'warning', path: 'Tick.f',
      message: 'field \'f\' type promoted int -> long: consumers on the old schema cannot read the new values',
    }]);
    expect(rules(oneField(['null', 'long']), oneField(['null', 'int']))).toEqual(['TYPE_NARROWED']);
  });

  it('reports branches in the new order, then removed ones', () => {
    expect(paths(oneField('int'), oneField(['null', 'long']))).toEqual(['UNION_BRANCH_ADDED Tick.f', 'TYPE_PROMOTED Tick.f']);
    expect(rules(oneField(['null', 'string', 'int']), oneField(['boolean', 'string']))).toEqual([
      'UNION_BRANCH_ADDED', 'UNION_BRANCH_REMOVED', 'UNION_BRANCH_REMOVED',
    ]);
  });

  it('reads a lone remaining pair of branches as a type change', () => {
    expect(diffJson(oneField(['null', 'string']), oneField(['null', 'int']))[0]?.message)
      .toBe('field \'f\' type changed string -> int: existing data cannot be read');
  });

  it('treats a removed branch that promotes to a remaining one as merged', () => {
    expect(diffJson(oneField(['int', 'long']), oneField(['long'])).map(brief)).toEqual([{
      rule: 'TYPE_PROMOTED', severity: 'warning', path: 'Tick.f',
      message: 'field \'f\' merged union branch int into long: existing int values are read as long',
    }]);
    expect(diffJson(oneField(['null', 'long']), oneField(['null', 'int', 'long']))[0]?.message)
      .toBe('field \'f\' gained union branch int: consumers on the old schema read its values as long');
  });

  it('reports a removed named branch against the type', () => {
    const trade = { type: 'record', name: 'Trade', namespace: 'x', fields: [] };
    const [change] = diffJson(oneField(['null', trade]), oneField('null'));
    expect(change).toMatchObject({
      rule: 'UNION_BRANCH_REMOVED', message: 'field \'f\' lost union branch record Trade: existing record Trade values cannot be read',
      before: { pointer: '/fields/0/type/1', file: 'old.avsc' }, after: { pointer: '/fields/0/type', file: 'new.avsc' },
      element: { kind: 'type', name: 'x.Trade' },
    });
  });
});

