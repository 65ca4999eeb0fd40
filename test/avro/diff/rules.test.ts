import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES, type RuleId, type Severity } from '../../../src/avro/diff/index.js';
import { brief, diffJson, oneField, tick } from './support.js';

interface RuleCase {
  readonly rule: RuleId;
  readonly before: unknown;
  readonly after: unknown;
  readonly severity: Severity;
  readonly path: string;
  readonly message: string;
}

const symbol = { name: 'symbol', type: 'string' };
const side = (symbols: string[], extra: Record<string, unknown> = {}) => ({ type: 'enum', name: 'Side', symbols, ...extra });
const decimal = (precision: number, scale: number) => ({ type: 'bytes', logicalType: 'decimal', precision, scale });
const long = (logicalType: string) => ({ type: 'long', logicalType });

/** One old/new fixture pair per rule, each producing exactly that one change. */
const CASES: RuleCase[] = [
  {
    rule: 'FIELD_ADDED', before: tick([symbol]), after: tick([symbol, { name: 'venue', type: 'string', default: 'XASX' }]),
    severity: 'info', path: 'Tick.venue', message: 'field \'venue\' added with default "XASX"',
  },
  {
    rule: 'FIELD_ADDED_WITHOUT_DEFAULT', before: tick([symbol]), after: tick([symbol, { name: 'venue', type: 'string' }]),
    severity: 'breaking', path: 'Tick.venue',
    message: 'field \'venue\' added without a default: consumers on the new schema cannot read existing data, which lacks it',
  },
  {
    rule: 'FIELD_REMOVED', before: tick([symbol, { name: 'venue', type: 'string' }]), after: tick([symbol]),
    severity: 'breaking', path: 'Tick.venue',
    message: 'field \'venue\' removed, and it had no default: consumers on the old schema cannot read new data',
  },
  {
    rule: 'FIELD_REMOVED_WITH_DEFAULT', before: tick([symbol, { name: 'venue', type: 'string', default: 'XASX' }]), after: tick([symbol]),
    severity: 'warning', path: 'Tick.venue',
    message: 'field \'venue\' removed: consumers on the old schema will read its default "XASX" instead',
  },
  {
    rule: 'FIELD_RENAMED', before: tick([{ name: 'px', type: 'double' }]), after: tick([{ name: 'price', type: 'double', aliases: ['px'] }]),
    severity: 'warning', path: 'Tick.price',
    message: 'field \'px\' renamed to \'price\' through an alias: consumers on the old schema cannot read new data, which lacks \'px\'',
  },
  {
    rule: 'FIELD_DEFAULT_ADDED', before: oneField('int'), after: oneField('int', { default: 0 }),
    severity: 'info', path: 'Tick.f', message: 'field \'f\' gained default 0',
  },
  {
    rule: 'FIELD_DEFAULT_REMOVED', before: oneField('int', { default: 0 }), after: oneField('int'),
    severity: 'warning', path: 'Tick.f', message: 'field \'f\' lost its default 0: data without the field can no longer be read',
  },
  {
    rule: 'FIELD_DEFAULT_CHANGED', before: oneField('int', { default: 0 }), after: oneField('int', { default: -1 }),
    severity: 'warning', path: 'Tick.f', message: 'field \'f\' default changed 0 -> -1: records written without the field now read -1',
  },
  {
    rule: 'FIELD_ORDER_CHANGED', before: oneField('int'), after: oneField('int', { order: 'descending' }),
    severity: 'info', path: 'Tick.f', message: 'field \'f\' sort order changed ascending -> descending',
  },
  {
    rule: 'FIELD_DOC_CHANGED', before: oneField('int', { doc: 'Last price.' }), after: oneField('int', { doc: 'Last traded price.' }),
    severity: 'info', path: 'Tick.f', message: 'field \'f\' doc changed "Last price." -> "Last traded price."',
  },
  {
    rule: 'ALIAS_ADDED', before: oneField('int'), after: oneField('int', { aliases: ['g'] }),
    severity: 'info', path: 'Tick.f', message: 'field \'f\' gained alias \'g\'',
  },
  {
    rule: 'ALIAS_REMOVED', before: oneField('int', { aliases: ['g'] }), after: oneField('int'),
    severity: 'warning', path: 'Tick.f', message: 'field \'f\' lost alias \'g\': data written as \'g\' can no longer be read',
  },
  {
    rule: 'NAME_CHANGED', before: tick([symbol]),
    after: { type: 'record', name: 'Quote', namespace: 'md', aliases: ['Tick'], fields: [symbol] },
    severity: 'warning', path: 'Quote',
    message: 'record \'md.Tick\' renamed to \'md.Quote\' through an alias: consumers on the old schema fail with a name mismatch',
  },
  {
    rule: 'NAMESPACE_CHANGED', before: tick([symbol]), after: tick([symbol], { namespace: 'md.asx' }),
    severity: 'warning', path: 'Tick', message: 'record \'Tick\' namespace changed md -> md.asx: readers that match full names fail',
  },
  {
    rule: 'DOC_CHANGED', before: tick([symbol]), after: tick([symbol], { doc: 'Top of book.' }),
    severity: 'info', path: 'Tick', message: 'record \'Tick\' doc changed (none) -> "Top of book."',
  },
  {
    rule: 'DEPRECATION_ADDED', before: oneField('int'), after: oneField('int', { deprecated: 'use mid' }),
    severity: 'info', path: 'Tick.f', message: 'field \'f\' marked deprecated: use mid',
  },
  {
    rule: 'DEPRECATION_REMOVED', before: tick([symbol], { deprecated: true }), after: tick([symbol]),
    severity: 'info', path: 'Tick', message: 'record \'Tick\' no longer marked deprecated',
  },
  {
    rule: 'ENUM_SYMBOL_ADDED', before: oneField(side(['BID', 'ASK'])), after: oneField(side(['BID', 'ASK', 'CROSS'])),
    severity: 'warning', path: 'Tick.f', message: 'enum \'Side\' gained symbol \'CROSS\': consumers on the old schema fail on it',
  },
  {
    rule: 'ENUM_SYMBOL_REMOVED', before: oneField(side(['BID', 'ASK', 'CROSS'])), after: oneField(side(['BID', 'ASK'])),
    severity: 'breaking', path: 'Tick.f',
    message: 'enum \'Side\' lost symbol \'CROSS\' and has no default: existing data holding it cannot be read',
  },
  {
    rule: 'ENUM_SYMBOL_REMOVED_WITH_DEFAULT',
    before: oneField(side(['BID', 'ASK', 'CROSS'], { default: 'BID' })), after: oneField(side(['BID', 'ASK'], { default: 'BID' })),
    severity: 'warning', path: 'Tick.f', message: 'enum \'Side\' lost symbol \'CROSS\': existing data holding it will be read as \'BID\'',
  },
  {
    rule: 'ENUM_DEFAULT_ADDED', before: oneField(side(['BID', 'ASK'])), after: oneField(side(['BID', 'ASK'], { default: 'BID' })),
    severity: 'info', path: 'Tick.f', message: 'enum \'Side\' gained default \'BID\'',
  },
  {
    rule: 'ENUM_DEFAULT_REMOVED', before: oneField(side(['BID', 'ASK'], { default: 'BID' })), after: oneField(side(['BID', 'ASK'])),
    severity: 'warning', path: 'Tick.f',
    message: 'enum \'Side\' lost its default \'BID\': symbols it does not know will fail instead of reading as \'BID\'',
  },
  {
    rule: 'ENUM_DEFAULT_CHANGED',
    before: oneField(side(['BID', 'ASK'], { default: 'BID' })), after: oneField(side(['BID', 'ASK'], { default: 'ASK' })),
    severity: 'warning', path: 'Tick.f', message: 'enum \'Side\' default changed \'BID\' -> \'ASK\': symbols it does not know now read as \'ASK\'',
  },
  {
    rule: 'FIXED_SIZE_CHANGED',
    before: oneField({ type: 'fixed', name: 'Hash', size: 16 }), after: oneField({ type: 'fixed', name: 'Hash', size: 20 }),
    severity: 'breaking', path: 'Tick.f', message: 'fixed \'Hash\' size changed 16 -> 20: existing data cannot be read',
  },
  {
    rule: 'TYPE_CHANGED', before: oneField('string'), after: oneField('int'),
    severity: 'breaking', path: 'Tick.f', message: 'field \'f\' type changed string -> int: existing data cannot be read',
  },
  {
    rule: 'TYPE_PROMOTED', before: oneField('int'), after: oneField('long'),
    severity: 'warning', path: 'Tick.f', message: 'field \'f\' type promoted int -> long: consumers on the old schema cannot read the new values',
  },
  {
    rule: 'TYPE_PROMOTED_LOSSY', before: oneField('long'), after: oneField('double'),
    severity: 'warning', path: 'Tick.f', message: 'field \'f\' type promoted long -> double: long values beyond 2^53 lose precision',
  },
  {
    rule: 'TYPE_NARROWED', before: oneField('long'), after: oneField('int'),
    severity: 'breaking', path: 'Tick.f', message: 'field \'f\' type narrowed long -> int: existing long values cannot be read',
  },
  {
    rule: 'UNION_BRANCH_ADDED', before: oneField('string'), after: oneField(['null', 'string']),
    severity: 'warning', path: 'Tick.f', message: 'field \'f\' gained union branch null: consumers on the old schema cannot read values in it',
  },
  {
    rule: 'UNION_BRANCH_REMOVED', before: oneField(['null', 'string']), after: oneField('string'),
    severity: 'breaking', path: 'Tick.f', message: 'field \'f\' lost union branch null: existing null values cannot be read',
  },
  {
    rule: 'LOGICAL_TYPE_ADDED', before: oneField('int'), after: oneField({ type: 'int', logicalType: 'date' }),
    severity: 'warning', path: 'Tick.f', message: 'field \'f\' gained logical type date: existing int values are now read as days since 1970-01-01',
  },
  {
    rule: 'LOGICAL_TYPE_REMOVED', before: oneField(long('timestamp-millis')), after: oneField('long'),
    severity: 'warning', path: 'Tick.f',
    message: 'field \'f\' lost logical type timestamp-millis: consumers now get the raw long instead of milliseconds since the epoch, UTC',
  },
  {
    rule: 'LOGICAL_TYPE_CHANGED',
    before: oneField({ type: 'int', logicalType: 'date' }), after: oneField({ type: 'int', logicalType: 'time-millis' }),
    severity: 'warning', path: 'Tick.f',
    message: 'field \'f\' changed logical type date -> time-millis: existing days since 1970-01-01 are now read as milliseconds since midnight',
  },
  {
    rule: 'DECIMAL_PRECISION_CHANGED', before: oneField(decimal(18, 4)), after: oneField(decimal(10, 4)),
    severity: 'warning', path: 'Tick.f',
    message: 'field \'f\' changed logical type decimal(18,4) -> decimal(10,4): values with more than 10 digits do not fit',
  },
  {
    rule: 'DECIMAL_SCALE_CHANGED',
    before: tick([{ name: 'price', type: decimal(18, 4) }]), after: tick([{ name: 'price', type: decimal(18, 2) }]),
    severity: 'warning', path: 'Tick.price',
    message: 'field \'price\' changed logical type decimal(18,4) -> decimal(18,2): existing bytes will be read with the wrong scale, 100 times too large',
  },
  {
    rule: 'TIMESTAMP_UNIT_CHANGED', before: oneField(long('timestamp-millis')), after: oneField(long('timestamp-micros')),
    severity: 'warning', path: 'Tick.f',
    message: 'field \'f\' changed logical type timestamp-millis -> timestamp-micros: existing values will be read 1000 times too small',
  },
  {
    rule: 'TIMESTAMP_TIMEZONE_CHANGED', before: oneField(long('timestamp-micros')), after: oneField(long('local-timestamp-micros')),
    severity: 'warning', path: 'Tick.f',
    message: 'field \'f\' changed logical type timestamp-micros -> local-timestamp-micros: UTC instants will be read as local date-times',
  },
];

describe('rule fixtures', () => {
  it('cover every rule in the table', () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(CASES)('$rule', ({ rule, before, after, severity, path, message }) => {
    const changes = diffJson(before, after);
    expect(changes.map(brief)).toEqual([{ rule, severity, path, message }]);
  });

  it.each(CASES)('$rule has the table\'s severity, and a reason exactly when it is a warning', ({ rule, before, after }) => {
    const [change] = diffJson(before, after);
    expect(change?.severity).toBe(RULES[rule].severity);
    expect(change?.reason !== undefined).toBe(RULES[rule].severity === 'warning');
  });
});

describe('rule table', () => {
  it('gives every warning a reason and every rule a purpose', () => {
    for (const id of RULE_IDS) {
      const spec: { severity: Severity; purpose: string; reason?: string } = RULES[id];
      expect(spec.purpose, id).not.toBe('');
      expect(spec.reason !== undefined, id).toBe(spec.severity === 'warning');
    }
  });
});
