import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/avro/errors.js';
import { orderByDependencies, scanNamedTypes, type DependencyItem } from '../../src/avro/references.js';

function thrown(run: () => unknown): SchemaError {
  try {
    run();
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error('expected a SchemaError');
}

describe('scanNamedTypes', () => {
  it('finds definitions with namespace inheritance, in document order', () => {
    const schema = {
      type: 'record',
      name: 'Trade',
      namespace: 'com.market',
      fields: [
        { name: 'side', type: { type: 'enum', name: 'Side', symbols: ['BUY'] } },
        { name: 'venue', type: { type: 'record', name: 'ref.Venue', namespace: 'ignored', fields: [
          { name: 'mic', type: { type: 'fixed', name: 'Mic', size: 4 } },
          { name: 'plain', type: { type: 'fixed', name: 'Plain', namespace: '', size: 1 } },
        ] } },
        { name: 'legs', type: { type: 'array', items: { type: 'record', name: 'Leg', namespace: 'com.leg', fields: [] } } },
        { name: 'tags', type: { type: 'map', values: ['null', { type: 'error', name: 'Oops', fields: [] }] } },
      ],
    };
    expect(scanNamedTypes(schema)).toEqual({
      defines: ['com.market.Trade', 'com.market.Side', 'ref.Venue', 'ref.Mic', 'Plain', 'com.leg.Leg', 'com.market.Oops'],
      references: [],
    });
  });

  it('reports references it does not define, once, with the candidates Avro tries', () => {
    const schema = {
      type: 'record',
      name: 'Quote',
      namespace: 'com.market',
      fields: [
        { name: 'a', type: 'Price' },
        { name: 'b', type: ['null', 'com.fx.Rate', 'long'] },
        { name: 'c', type: { type: 'array', items: 'Price' } },
        { name: 'd', type: { type: 'map', values: { type: 'Currency' } } },
        { name: 'e', type: { type: 'record', name: 'Inner', namespace: '', fields: [{ name: 'x', type: 'Loose' }] } },
        { name: 'f', type: 'Quote' },
        { name: 'g', type: 'Later' },
        { name: 'h', type: { type: 'enum', name: 'Later', symbols: [] } },
      ],
    };
    expect(scanNamedTypes(schema).references).toEqual([
      { candidates: ['com.market.Price', 'Price'], pointer: '/fields/0/type' },
      { candidates: ['com.fx.Rate'], pointer: '/fields/1/type/1' },
      { candidates: ['com.market.Currency', 'Currency'], pointer: '/fields/3/type/values/type' },
      { candidates: ['Loose'], pointer: '/fields/4/type/fields/0/type' },
    ]);
  });

  it('keeps a reference whose namespaced reading is not defined here, even if the plain name is', () => {
    const schema = {
      type: 'record',
      name: 'Outer',
      namespace: 'a',
      fields: [
        { name: 'x', type: { type: 'fixed', name: 'X', namespace: '', size: 1 } },
        { name: 'y', type: 'X' },
      ],
    };
    expect(scanNamedTypes(schema)).toEqual({ defines: ['a.Outer', 'X'], references: [{ candidates: ['a.X', 'X'], pointer: '/fields/1/type' }] });
  });

  it('scans a top-level union or name, and skips shapes that are not Avro', () => {
    expect(scanNamedTypes(['null', 'com.A', { type: 'record', name: 'B' }])).toEqual({
      defines: ['B'],
      references: [{ candidates: ['com.A'], pointer: '/1' }],
    });
    expect(scanNamedTypes('string')).toEqual({ defines: [], references: [] });
    for (const odd of [null, 42, true, {}, { type: 'record', fields: [] }, { type: 'record', name: 'R', fields: 'x' }, { type: 7 }]) {
      expect(() => scanNamedTypes(odd)).not.toThrow();
    }
  });

  it('handles 10,000 levels of nesting without recursion', () => {
    let schema: unknown = 'com.Deep';
    for (let i = 0; i < 10_000; i++) schema = { type: 'array', items: schema };
    const { references } = scanNamedTypes(schema);
    expect(references).toHaveLength(1);
    expect(references[0]!.pointer).toBe('/items'.repeat(10_000));
  });
});

describe('orderByDependencies', () => {
  const item = (id: string, defines: string[], references: DependencyItem['references'] = []): DependencyItem => ({ id, defines, references });

  it('puts definitions first and breaks ties by id', () => {
    const result = orderByDependencies([
      item('trade.avsc', ['com.Trade'], ['com.Money', 'com.Side']),
      item('side.avsc', ['com.Side']),
      item('money.avsc', ['com.Money'], ['com.Currency']),
      item('currency.avsc', ['com.Currency']),
      item('alone.avsc', []),
    ]);
    expect(result.order).toEqual(['alone.avsc', 'currency.avsc', 'money.avsc', 'side.avsc', 'trade.avsc']);
    expect(result.items.map((i) => i.id)).toEqual(result.order);
    expect(result.dependsOn.get('trade.avsc')).toEqual(['money.avsc', 'side.avsc']);
    expect(result.dependsOn.get('currency.avsc')).toEqual([]);
  });

  it('resolves scanned references to their first defined candidate and ignores self references', () => {
    const result = orderByDependencies([
      item('z.avsc', ['a.Z'], [{ candidates: ['a.X', 'X'], pointer: '/fields/0/type' }, 'a.Z']),
      item('plain.avsc', ['X']),
      item('namespaced.avsc', ['a.X']),
    ]);
    expect(result.dependsOn.get('z.avsc')).toEqual(['namespaced.avsc']);
    const fallback = orderByDependencies([item('z.avsc', ['a.Z'], [{ candidates: ['a.X', 'X'], pointer: '' }]), item('plain.avsc', ['X'])]);
    expect(fallback.order).toEqual(['plain.avsc', 'z.avsc']);
  });

  it('names a missing type, the file that needs it and where', () => {
    const error = thrown(() =>
      orderByDependencies([item('b.avsc', ['com.B'], [{ candidates: ['com.B.X', 'X'], pointer: '/fields/2/type' }]), item('a.avsc', ['com.A'])]),
    );
    expect([error.code, error.file, error.pointer]).toEqual(['MISSING_REFERENCE', 'b.avsc', '/fields/2/type']);
    expect(error.message).toBe(
      "b.avsc: named type 'com.B.X' (or 'X') is used but no schema defines it (at /fields/2/type). " +
        'Check its spelling and namespace, or add the schema file that defines it.',
    );
    expect(thrown(() => orderByDependencies([item('c.avsc', [], ['com.Gone'])])).problem).toBe("named type 'com.Gone' is used but no schema defines it");
  });

  it('rejects a type defined by two files', () => {
    const error = thrown(() => orderByDependencies([item('y.avsc', ['com.T']), item('x.avsc', ['com.T'])]));
    expect([error.code, error.file]).toEqual(['DUPLICATE_NAME', 'y.avsc']);
    expect(error.problem).toBe("named type 'com.T' is defined in both 'x.avsc' and 'y.avsc'");
    expect(orderByDependencies([item('x.avsc', ['com.T', 'com.T'])]).order).toEqual(['x.avsc']);
  });

  it('names the files and types of a cycle', () => {
    const error = thrown(() =>
      orderByDependencies([
        item('root.avsc', ['R'], ['A']),
        item('a.avsc', ['A'], ['B']),
        item('b.avsc', ['B'], ['C']),
        item('c.avsc', ['C'], ['A', 'Free']),
        item('free.avsc', ['Free']),
      ]),
    );
    expect([error.code, error.file]).toEqual(['REFERENCE_CYCLE', 'a.avsc']);
    expect(error.message).toBe(
      "a.avsc: schema files reference each other in a cycle: 'a.avsc' uses 'B' from 'b.avsc', which uses 'C' from 'c.avsc', " +
        "which uses 'A' from 'a.avsc'. Move the types they share into one file, or break the cycle.",
    );
  });

  it('refuses two items with one id', () => {
    expect(() => orderByDependencies([item('a.avsc', []), item('b.avsc', []), item('a.avsc', ['X'])])).toThrow(
      "orderByDependencies needs distinct ids, got 'a.avsc' twice",
    );
  });

  it('orders files straight from a scan', () => {
    const files = {
      'quote.avsc': { type: 'record', name: 'Quote', namespace: 'm', fields: [{ name: 'p', type: 'Price' }] },
      'price.avsc': { type: 'record', name: 'Price', namespace: 'm', fields: [{ name: 'c', type: 'm.ccy.Ccy' }] },
      'ccy.avsc': { type: 'enum', name: 'Ccy', namespace: 'm.ccy', symbols: ['EUR'] },
    };
    const items = Object.entries(files).map(([id, json]) => ({ id, ...scanNamedTypes(json) }));
    expect(orderByDependencies(items).order).toEqual(['ccy.avsc', 'price.avsc', 'quote.avsc']);
  });
});
