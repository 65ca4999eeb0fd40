import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../../src/avro/diff/index.js';
import type { Schema } from '../../../src/avro/model.js';
import { loadSchemaText } from '../../../src/avro/load.js';
import { gateSubject } from '../../../src/policy/deprecation/gate.js';
import type { MarkedVersion } from '../../../src/policy/deprecation/window.js';
import { orders } from './schemas.js';

const now = new Date('2026-11-26T12:00:00Z');
const old = (schema: Schema): MarkedVersion[] => [{ commit: 'c1', landedAt: '2026-09-01T00:00:00Z', schema }];
const recent = (schema: Schema): MarkedVersion[] => [{ commit: 'c1', landedAt: '2026-11-20T00:00:00Z', schema }];

function gate(versions: MarkedVersion[], candidate: Schema | undefined, incompatible = false) {
  const latest = versions[versions.length - 1]?.schema as Schema;
  const changes = candidate === undefined ? [] : diffSchemas(latest, candidate);
  return gateSubject({ level: 'BACKWARD', changes, incompatible, deleted: candidate === undefined, versions, now, windowDays: 30 });
}

describe('gateSubject', () => {
  it('allows removing a field deprecated longer than the window', () => {
    const result = gate(old(orders({ note: { deprecated: true } })), orders());
    expect(result).toEqual(expect.objectContaining({ breaking: true, allowed: true }));
    expect(result.elements.map((e) => `${e.label}: ${e.status}`)).toEqual(['Order.note: mature']);
  });

  it('blocks removing a field deprecated less than the window ago', () => {
    const result = gate(recent(orders({ note: { deprecated: true } })), orders());
    expect(result).toEqual(expect.objectContaining({ breaking: true, allowed: false }));
  });

  it('blocks removing a field that was never deprecated, even when the level check passes', () => {
    const result = gate(old(orders({ note: {} })), orders());
    expect(result.breaking).toBe(true);
    expect(result.elements[0]?.status).toBe('unmarked');
    expect(result.allowed).toBe(false);
  });

  it('gates a removed enum symbol, allowed when listed in deprecatedSymbols long enough', () => {
    const removed = orders({ sideSymbols: ['BUY', 'SELL'] });
    expect(gate(old(orders()), removed, true).allowed).toBe(false);
    const allowed = gate(old(orders({ deprecatedSymbols: ['HOLD'] })), removed, true);
    expect(allowed.allowed).toBe(true);
    expect(allowed.registryNeeds).toContain('compatibilityGroup');
  });

  it('never allows a break that no element of the old schema explains (a field added without default)', () => {
    const base = orders();
    const candidate = orders({ note: {} });
    const result = gate(old(base), candidate, true);
    expect(result.allowed).toBe(false);
    expect(result.unattributed).toHaveLength(1);
  });

  it('a deleted subject needs a marker on its top-level type', () => {
    expect(gate(old(orders()), undefined).allowed).toBe(false);
    const marked = gate(old(orders({ recordAttributes: { deprecated: 'replaced by Order2' } })), undefined);
    expect(marked).toEqual(expect.objectContaining({ breaking: true, allowed: true }));
  });

  it('adding a field with a default is not breaking', () => {
    const result = gate(old(orders()), orders({ note: { default: '' } }));
    expect(result.breaking).toBe(false);
  });

  it('lists every marker with its countdown', () => {
    const result = gate(recent(orders({ note: { deprecated: true } })), orders({ note: { deprecated: true } }));
    expect(result.breaking).toBe(false);
    expect(result.markers.map((m) => `${m.label} ${m.status} ${m.daysLeft}`)).toEqual(['Order.note pending 24']);
  });

  it('blocks deleting a subject whose root is not a named type', () => {
    const union = loadSchemaText('["null", "string"]').schema;
    const result = gateSubject({ level: 'BACKWARD', changes: [], incompatible: false, deleted: true, versions: old(union), now, windowDays: 30 });
    expect(result).toEqual(expect.objectContaining({ breaking: true, allowed: false }));
    expect(result.unattributed).toEqual(['the subject is deleted and its root is not a named type, so it cannot carry a deprecation']);
  });

  it('blocks deleting a subject with no base history', () => {
    const result = gateSubject({ level: 'BACKWARD', changes: [], incompatible: false, deleted: true, versions: [], now, windowDays: 30 });
    expect(result).toEqual(expect.objectContaining({ breaking: true, allowed: false }));
    expect(result.unattributed).toHaveLength(1);
  });
});
