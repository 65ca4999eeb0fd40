import { describe, expect, it } from 'vitest';
import { brief, diffJson, oneField, tick } from './support.js';

const rules = (before: unknown, after: unknown) => diffJson(before, after).map((change) => change.rule);
const paths = (before: unknown, after: unknown) => diffJson(before, after).map((change) => `${change.rule} ${change.path}`);

describe('diffSchemas: renames through aliases', () => {
  it('follows a renamed field into its type and reports it under the old name', () => {
    const changes = diffJson(tick([{ name: 'px', type: 'float', default: 0 }]), tick([{ name: 'price', type: 'double', default: 0, aliases: ['px'] }]));
    expect(changes.map(brief)).toEqual([
      {
        rule: 'FIELD_RENAMED', severity: 'warning', path: 'Tick.price',
        message: 'field \'px\' renamed to \'price\' through an alias: consumers on the old schema will read its default 0 instead',
      },
      {
        rule: 'TYPE_PROMOTED', severity: 'warning', path: 'Tick.price',
        message: 'field \'price\' type promoted float -> double: consumers on the old schema cannot read the new values',
      },
    ]);
    expect(changes[1]?.element).toEqual({ kind: 'field', record: 'md.Tick', name: 'px' });
  });

  it('prefers a kept name over an alias', () => {
    const before = tick([{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }]);
    const after = tick([{ name: 'a', type: 'int', aliases: ['b'] }, { name: 'b', type: 'int' }]);
    expect(rules(before, after)).toEqual(['ALIAS_ADDED']);
  });

  it('follows a renamed nested record, and does not match an alias in another namespace', () => {
    const quote = { type: 'record', name: 'Quote', namespace: 'a', fields: [{ name: 'bid', type: 'double' }] };
    const renamed = { type: 'record', name: 'BestQuote', namespace: 'a', aliases: ['Quote'], fields: [{ name: 'bid', type: 'float' }] };
    expect(paths(oneField(quote), oneField(renamed))).toEqual(['NAME_CHANGED Tick.f', 'TYPE_NARROWED Tick.f.bid']);
    const elsewhere = { ...renamed, namespace: 'b' };
    expect(diffJson(oneField(quote), oneField(elsewhere)).map(brief)).toEqual([{
      rule: 'TYPE_CHANGED', severity: 'breaking', path: 'Tick.f',
      message: 'field \'f\' type changed record Quote -> record BestQuote: existing data cannot be read',
    }]);
  });

  it('pairs union branches renamed through an alias', () => {
    const trade = { type: 'record', name: 'Trade', fields: [{ name: 'price', type: 'double' }] };
    const fill = { type: 'record', name: 'Fill', aliases: ['Trade'], fields: [{ name: 'price', type: 'double' }] };
    expect(rules(oneField(['null', trade]), oneField(['null', fill]))).toEqual(['NAME_CHANGED']);
  });
});

