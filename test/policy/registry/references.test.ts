import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/policy/config/load.js';
import { subjectResolver } from '../../../src/policy/config/subjects.js';
import { referenceResolver } from '../../../src/policy/check/references.js';
import type { RegistryFacts } from '../../../src/policy/check/registry-facts.js';
import { nameIndexOf, scanSource, type ScannedSource } from '../../../src/policy/check/sources.js';
import type { Workspace } from '../../../src/policy/check/workspace.js';
import type { RegisteredSchema, SchemaInput } from '../../../src/registry/index.js';

const files: Record<string, object> = {
  'schemas/order.avsc': { type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'line', type: 'shop.Line' }] },
  'schemas/common/line.avsc': { type: 'record', name: 'Line', namespace: 'shop', fields: [{ name: 'price', type: 'shop.Money' }] },
  'schemas/common/money.avsc': { type: 'record', name: 'Money', namespace: 'shop', fields: [{ name: 'cents', type: 'long' }] },
};

function workspace(): Workspace {
  const sources = new Map<string, ScannedSource>(Object.entries(files).map(([file, value]) => [file, scanSource(file, Buffer.from(JSON.stringify(value)))]));
  return { sources, unreadable: new Map(), index: nameIndexOf(sources.values()), reader: async (wanted) => new Map(wanted.map((f) => [f, sources.get(f)])) };
}

const resolver = subjectResolver(parseConfigText('version: 1\ndefaults:\n  strategy: RecordNameStrategy\n', 'g.yaml').settings);

/** Facts answering look-ups from a table of registered (subject → version), recording what was asked. */
function facts(registered: Record<string, number>): { facts: RegistryFacts; lookups: { subject: string; schema: SchemaInput }[] } {
  const lookups: { subject: string; schema: SchemaInput }[] = [];
  const unused = () => Promise.reject(new Error('not used'));
  return {
    lookups,
    facts: {
      level: unused,
      versions: unused,
      latest: unused,
      referenced: unused,
      check: unused,
      lookup: async (subject, schema) => {
        lookups.push({ subject, schema });
        const version = registered[subject];
        return version === undefined ? undefined : ({ subject, version } as RegisteredSchema);
      },
    },
  };
}

describe('referenceResolver', () => {
  it('sends direct references with their registered versions, each looked up with its own references, once', async () => {
    const fake = facts({ 'shop.Line': 4, 'shop.Money': 2 });
    const resolve = referenceResolver(workspace(), resolver, fake.facts);

    expect(await resolve('schemas/order.avsc')).toEqual({ ok: true, references: [{ name: 'shop.Line', subject: 'shop.Line', version: 4 }] });
    expect(await resolve('schemas/common/line.avsc')).toEqual({ ok: true, references: [{ name: 'shop.Money', subject: 'shop.Money', version: 2 }] });
    expect(fake.lookups.map((l) => [l.subject, l.schema.references ?? []])).toEqual([
      ['shop.Money', []],
      ['shop.Line', [{ name: 'shop.Money', subject: 'shop.Money', version: 2 }]],
    ]);
  });

  it('names the file whose content is not registered', async () => {
    const resolve = referenceResolver(workspace(), resolver, facts({ 'shop.Money': 2 }).facts);
    expect(await resolve('schemas/order.avsc')).toEqual({
      ok: false,
      problems: ["the content of schemas/common/line.avsc (type shop.Line) is not registered under subject 'shop.Line'; register it first, or merge its change on its own"],
    });
  });
});
