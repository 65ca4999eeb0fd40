import { describe, expect, it } from 'vitest';
import { diffSchemas, summarizeChanges } from '../../../src/avro/diff/index.js';
import { parseSchema } from '../../../src/avro/parse.js';
import { brief, diffJson, oneField, tick } from './support.js';

const paths = (before: unknown, after: unknown) => diffJson(before, after).map((change) => `${change.rule} ${change.path}`);

describe('diffSchemas: no changes', () => {
  const schema = tick([
    { name: 'symbol', type: 'string', doc: 'Ticker.' },
    { name: 'side', type: { type: 'enum', name: 'Side', symbols: ['BID', 'ASK'], default: 'BID' } },
    { name: 'next', type: ['null', 'Tick'], default: null },
  ]);

  it('reports nothing for identical documents, or for one parsed schema against itself', () => {
    expect(diffJson(schema, structuredClone(schema))).toEqual([]);
    const root = parseSchema(schema).root;
    expect(diffSchemas(root, root)).toEqual([]);
  });

  it('ignores key order in defaults and the spelling of equal documents', () => {
    const withDefault = (value: unknown) => oneField({ type: 'map', values: 'int' }, { default: value });
    expect(diffJson(withDefault({ a: 1, b: 2 }), withDefault({ b: 2, a: 1 }))).toEqual([]);
    expect(diffJson(oneField('int'), oneField({ type: 'int' }))).toEqual([]);
  });
});

describe('diffSchemas: namespaces', () => {
  it('reports a namespace-only change once when nested types name their own namespace', () => {
    const nested = { type: 'enum', name: 'Side', namespace: 'shared', symbols: ['BID', 'ASK'] };
    const changes = diffJson(tick([{ name: 'side', type: nested }]), tick([{ name: 'side', type: nested }], { namespace: 'md.asx' }));
    expect(changes).toEqual([
      {
        rule: 'NAMESPACE_CHANGED', severity: 'warning', path: 'Tick',
        message: 'record \'Tick\' namespace changed md -> md.asx: readers that match full names fail',
        reason: expect.stringContaining('unqualified names'),
        before: { pointer: '', file: 'old.avsc' }, after: { pointer: '', file: 'new.avsc' },
        element: { kind: 'type', name: 'md.Tick' },
      },
    ]);
  });

  it('reports each nested type that inherits the moved namespace', () => {
    const nested = { type: 'enum', name: 'Side', symbols: ['BID', 'ASK'] };
    expect(paths(tick([{ name: 'side', type: nested }]), tick([{ name: 'side', type: nested }], { namespace: '' }))).toEqual([
      'NAMESPACE_CHANGED Tick',
      'NAMESPACE_CHANGED Tick.side',
    ]);
    expect(diffJson(tick([]), tick([], { namespace: '' }))[0]?.message).toBe(
      'record \'Tick\' namespace changed md -> (none): readers that match full names fail',
    );
  });
});

describe('diffSchemas: recursive types', () => {
  const list = (valueType: string, extra: unknown[] = []) => ({
    type: 'record', name: 'Node', fields: [{ name: 'value', type: valueType }, { name: 'next', type: ['null', 'Node'], default: null }, ...extra],
  });

  it('compares a recursive record once and terminates', () => {
    expect(diffJson(list('int'), list('long', [{ name: 'label', type: 'string', default: '' }])).map(brief)).toEqual([
      { rule: 'TYPE_PROMOTED', severity: 'warning', path: 'Node.value', message: 'field \'value\' type promoted int -> long: consumers on the old schema cannot read the new values' },
      { rule: 'FIELD_ADDED', severity: 'info', path: 'Node.label', message: 'field \'label\' added with default ""' },
    ]);
  });

  it('handles mutual recursion through arrays and maps', () => {
    const tree = (leaf: string) => ({
      type: 'record', name: 'Tree', fields: [
        { name: 'children', type: { type: 'array', items: 'Tree' } },
        { name: 'meta', type: { type: 'map', values: { type: 'record', name: 'Meta', fields: [{ name: 'owner', type: ['null', 'Tree'] }, { name: 'leaf', type: leaf }] } } },
      ],
    });
    expect(paths(tree('string'), tree('string'))).toEqual([]);
    expect(paths(tree('string'), tree('bytes'))).toEqual(['TYPE_PROMOTED Tree.meta{}.leaf']);
  });

  it('reports a shared named type at the first place the new schema reaches it', () => {
    const level = { type: 'record', name: 'Level', fields: [{ name: 'size', type: 'long' }] };
    const book = (size: string) => tick([
      { name: 'bid', type: { ...level, fields: [{ name: 'size', type: size }] } },
      { name: 'ask', type: 'Level' },
    ]);
    expect(paths(book('long'), book('int'))).toEqual(['TYPE_NARROWED Tick.bid.size']);
  });
});

describe('diffSchemas: nested records', () => {
  const level = (size: string) => ({ type: 'record', name: 'Level', fields: [{ name: 'size', type: size }] });

  it('names array items and map values in the path', () => {
    expect(paths(oneField({ type: 'array', items: level('long') }), oneField({ type: 'array', items: level('int') })))
      .toEqual(['TYPE_NARROWED Tick.f[].size']);
    expect(paths(oneField({ type: 'map', values: level('long') }), oneField({ type: 'map', values: level('int') })))
      .toEqual(['TYPE_NARROWED Tick.f{}.size']);
    expect(diffJson(oneField({ type: 'array', items: 'int' }), oneField({ type: 'array', items: 'string' }))[0]?.message)
      .toBe('items of field \'f\' type changed int -> string: existing data cannot be read');
  });

  it('keeps the field path for a nullable record and names the branch when there are several', () => {
    expect(paths(oneField(['null', level('long')]), oneField(['null', level('int')]))).toEqual(['TYPE_NARROWED Tick.f.size']);
    const quote = (bid: string) => ({ type: 'record', name: 'Quote', fields: [{ name: 'bid', type: bid }] });
    expect(paths(oneField([level('long'), quote('double')]), oneField([level('long'), quote('float')])))
      .toEqual(['TYPE_NARROWED Tick.f<Quote>.bid']);
  });

  it('starts the path at each named branch of a root union', () => {
    const trade = (price: string) => ({ type: 'record', name: 'Trade', fields: [{ name: 'price', type: price }] });
    expect(paths(['null', trade('double'), level('long')], ['null', trade('float'), level('long')]))
      .toEqual(['TYPE_NARROWED Trade.price']);
  });

  it('describes a root that changes kind', () => {
    expect(diffJson(tick([]), { type: 'enum', name: 'Tick', namespace: 'md', symbols: ['A'] })[0]?.message)
      .toBe('the root type changed record Tick -> enum Tick: existing data cannot be read');
  });
});

describe('diffSchemas: source references and elements', () => {
  it('points removed fields at the old schema and added symbols at the new one', () => {
    const before = tick([{ name: 'a', type: { type: 'enum', name: 'E', symbols: ['X'] } }, { name: 'gone', type: 'int' }]);
    const after = tick([{ name: 'a', type: { type: 'enum', name: 'E', symbols: ['X', 'Y'] } }]);
    expect(diffJson(before, after)).toEqual([
      {
        rule: 'ENUM_SYMBOL_ADDED', severity: 'warning', path: 'Tick.a',
        message: 'enum \'E\' gained symbol \'Y\': consumers on the old schema fail on it', reason: expect.any(String),
        before: { pointer: '/fields/0/type', file: 'old.avsc' }, after: { pointer: '/fields/0/type/symbols/1', file: 'new.avsc' },
        element: { kind: 'symbol', record: 'md.E', name: 'Y' },
      },
      {
        rule: 'FIELD_REMOVED', severity: 'breaking', path: 'Tick.gone',
        message: 'field \'gone\' removed, and it had no default: consumers on the old schema cannot read new data',
        before: { pointer: '/fields/1', file: 'old.avsc' },
        element: { kind: 'field', record: 'md.Tick', name: 'gone' },
      },
    ]);
  });

  it('leaves out the file when the schema has none', () => {
    const changes = diffSchemas(parseSchema(oneField('int')).root, parseSchema(oneField('long')).root);
    expect(changes[0]?.before).toEqual({ pointer: '/fields/0/type' });
  });
});

describe('diffSchemas: a market tick evolution', () => {
  const decimal = (scale: number) => ({ type: 'bytes', logicalType: 'decimal', precision: 18, scale });
  const optionalDecimal = { type: ['null', decimal(4)], default: null };
  const conditions = ['REGULAR', 'OPENING_AUCTION', 'CLOSING_AUCTION', 'OFF_MARKET', 'UNKNOWN'];
  const v1 = tick([
    { name: 'symbol', type: 'string', doc: 'ASX ticker code.' },
    { name: 'exchange', type: { type: 'enum', name: 'Exchange', symbols: ['ASX', 'CXA'], default: 'ASX' } },
    { name: 'price', type: decimal(4) },
    { name: 'size', type: 'long' },
    { name: 'bid', ...optionalDecimal, doc: 'Best bid.' },
    { name: 'ask', ...optionalDecimal },
    { name: 'eventTime', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'sequence', type: 'int' },
    { name: 'condition', type: { type: 'enum', name: 'TradeCondition', symbols: conditions, default: 'UNKNOWN' } },
    { name: 'venue', type: 'string', default: 'XASX' },
  ], { doc: 'One tick.' });
  const quote = {
    type: 'record', name: 'Quote', fields: [{ name: 'bid', type: decimal(4) }, { name: 'ask', type: decimal(4) }],
  };
  const v2 = tick([
    { name: 'symbol', type: 'string', doc: 'ASX ticker code.' },
    { name: 'exchange', type: { type: 'enum', name: 'Exchange', symbols: ['ASX', 'CXA', 'CHIX'], default: 'ASX' } },
    { name: 'price', type: decimal(6) },
    { name: 'size', type: 'long' },
    { name: 'bid', ...optionalDecimal, doc: '@deprecated use quote.bid' },
    { name: 'eventTime', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'sequence', type: 'long' },
    { name: 'condition', type: { type: 'enum', name: 'TradeCondition', symbols: conditions.filter((c) => c !== 'OFF_MARKET'), default: 'UNKNOWN' } },
    { name: 'mic', type: 'string', default: 'XASX', aliases: ['venue'] },
    { name: 'quote', type: ['null', quote], default: null },
    { name: 'tradeId', type: 'string' },
  ], { doc: 'One top-of-book tick.' });

  it('lists every change in the new schema\'s order, then removals', () => {
    expect(diffJson(v1, v2).map(brief)).toEqual([
      { rule: 'DOC_CHANGED', severity: 'info', path: 'Tick', message: 'record \'Tick\' doc changed "One tick." -> "One top-of-book tick."' },
      { rule: 'ENUM_SYMBOL_ADDED', severity: 'warning', path: 'Tick.exchange', message: 'enum \'Exchange\' gained symbol \'CHIX\': consumers on the old schema read it as \'ASX\'' },
      { rule: 'DECIMAL_SCALE_CHANGED', severity: 'warning', path: 'Tick.price', message: 'field \'price\' changed logical type decimal(18,4) -> decimal(18,6): existing bytes will be read with the wrong scale, 100 times too small' },
      { rule: 'FIELD_DOC_CHANGED', severity: 'info', path: 'Tick.bid', message: 'field \'bid\' doc changed "Best bid." -> "@deprecated use quote.bid"' },
      { rule: 'DEPRECATION_ADDED', severity: 'info', path: 'Tick.bid', message: 'field \'bid\' marked deprecated: use quote.bid' },
      { rule: 'TIMESTAMP_UNIT_CHANGED', severity: 'warning', path: 'Tick.eventTime', message: 'field \'eventTime\' changed logical type timestamp-millis -> timestamp-micros: existing values will be read 1000 times too small' },
      { rule: 'TYPE_PROMOTED', severity: 'warning', path: 'Tick.sequence', message: 'field \'sequence\' type promoted int -> long: consumers on the old schema cannot read the new values' },
      { rule: 'ENUM_SYMBOL_REMOVED_WITH_DEFAULT', severity: 'warning', path: 'Tick.condition', message: 'enum \'TradeCondition\' lost symbol \'OFF_MARKET\': existing data holding it will be read as \'UNKNOWN\'' },
      { rule: 'FIELD_RENAMED', severity: 'warning', path: 'Tick.mic', message: 'field \'venue\' renamed to \'mic\' through an alias: consumers on the old schema will read its default "XASX" instead' },
      { rule: 'FIELD_ADDED', severity: 'info', path: 'Tick.quote', message: 'field \'quote\' added with default null' },
      { rule: 'FIELD_ADDED_WITHOUT_DEFAULT', severity: 'breaking', path: 'Tick.tradeId', message: 'field \'tradeId\' added without a default: consumers on the new schema cannot read existing data, which lacks it' },
      { rule: 'FIELD_REMOVED_WITH_DEFAULT', severity: 'warning', path: 'Tick.ask', message: 'field \'ask\' removed: consumers on the old schema will read its default null instead' },
    ]);
  });

  it('is deterministic and counts by severity', () => {
    const changes = diffJson(v1, v2);
    expect(diffJson(v1, v2)).toEqual(changes);
    expect(summarizeChanges(changes)).toEqual({ total: 12, breaking: 1, warning: 7, info: 4 });
  });
});

describe('diffSchemas: deep schemas', () => {
  it('walks the parser\'s deepest nesting without overflowing the stack', () => {
    let before: unknown = 'int';
    let after: unknown = 'long';
    for (let depth = 0; depth < 900; depth += 1) {
      before = { type: 'array', items: before };
      after = { type: 'array', items: after };
    }
    const [change] = diffJson(oneField(before), oneField(after));
    expect(change?.path).toBe(`Tick.f${'[]'.repeat(900)}`);
  });

  it('walks deeply nested records', () => {
    const nest = (leaf: string) => {
      let type: unknown = leaf;
      for (let depth = 300; depth > 0; depth -= 1) type = { type: 'record', name: `R${depth}`, fields: [{ name: 'x', type }] };
      return type;
    };
    const changes = diffJson(nest('int'), nest('long'));
    expect(changes.map((change) => change.rule)).toEqual(['TYPE_PROMOTED']);
    expect(changes[0]?.path).toBe(`R1${'.x'.repeat(300)}`);
  });
});
