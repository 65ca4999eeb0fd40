import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../../src/avro/diff/index.js';
import type { Schema } from '../../../src/avro/model.js';
import { loadSchemaText } from '../../../src/avro/load.js';
import { commitsToProve, gateSubject, type GateInput } from '../../../src/policy/deprecation/gate.js';
import type { LandingFact } from '../../../src/policy/deprecation/landing-proof.js';
import type { MarkedVersion } from '../../../src/policy/deprecation/window.js';
import { orders } from './schemas.js';

const now = new Date('2026-11-26T12:00:00Z');
const landed = (commit: string, at: string): LandingFact => ({ commit, source: 'activity', at, detail: 'brought onto main by the push by @alice' });
const landings = new Map([
  ['old', landed('old', '2026-09-01T00:00:00Z')],
  ['recent', landed('recent', '2026-11-20T00:00:00Z')],
]);
const old = (schema: Schema): MarkedVersion[] => [{ commit: 'old', schema }];
const recent = (schema: Schema): MarkedVersion[] => [{ commit: 'recent', schema }];

function input(versions: MarkedVersion[], candidate: Schema | undefined, incompatible = false): GateInput {
  const latest = versions[versions.length - 1]?.schema as Schema;
  const changes = candidate === undefined ? [] : diffSchemas(latest, candidate);
  return { level: 'BACKWARD', changes, incompatible, deleted: candidate === undefined, versions, landings, now, windowDays: 30 };
}

function gate(versions: MarkedVersion[], candidate: Schema | undefined, incompatible = false) {
  return gateSubject(input(versions, candidate, incompatible));
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
    const result = gateSubject({ level: 'BACKWARD', changes: [], incompatible: false, deleted: true, versions: old(union), landings, now, windowDays: 30 });
    expect(result).toEqual(expect.objectContaining({ breaking: true, allowed: false }));
    expect(result.unattributed).toEqual(['the subject is deleted and its root is not a named type, so it cannot carry a deprecation']);
  });

  it('blocks deleting a subject with no base history', () => {
    const result = gateSubject({ level: 'BACKWARD', changes: [], incompatible: false, deleted: true, versions: [], landings, now, windowDays: 30 });
    expect(result).toEqual(expect.objectContaining({ breaking: true, allowed: false }));
    expect(result.unattributed).toHaveLength(1);
  });
});

describe('unproven landing dates', () => {
  it('blocks a removal whose marker run starts at an unproven landing, with the reason', () => {
    const unproven: LandingFact = { commit: 'old', source: 'unproven', detail: 'main was force-pushed by @mallory at 2026-11-01T00:00:00Z' };
    const result = gateSubject({ ...input(old(orders({ note: { deprecated: true } })), orders()), landings: new Map([['old', unproven]]) });
    expect(result).toEqual(expect.objectContaining({ breaking: true, allowed: false }));
    expect(result.elements.map((e) => [e.label, e.status, e.problem])).toEqual([['Order.note', 'unproven', unproven.detail]]);
  });
});

describe('commitsToProve', () => {
  it('names the start of each marker run the gate looks at, once', () => {
    const marked = orders({ note: { deprecated: true }, deprecatedSymbols: ['HOLD'] });
    const versions: MarkedVersion[] = [{ commit: 'c1', schema: orders() }, { commit: 'c2', schema: marked }, { commit: 'c3', schema: marked }];
    expect(commitsToProve(input(versions, orders({ deprecatedSymbols: ['HOLD'] })))).toEqual(['c2']);
  });

  it('needs nothing for an element that is not marked on the latest version', () => {
    const versions: MarkedVersion[] = [{ commit: 'c1', schema: orders({ note: { deprecated: true } }) }, { commit: 'c2', schema: orders({ note: {} }) }];
    expect(commitsToProve(input(versions, orders()))).toEqual([]);
  });

  it('dates a removed field by its own run under a marked type, which may start later than the type\'s', () => {
    const typeMarked = { recordAttributes: { deprecated: true } };
    const versions: MarkedVersion[] = [{ commit: 'c1', schema: orders(typeMarked) }, { commit: 'c2', schema: orders({ ...typeMarked, note: {} }) }];
    // note arrived at c2 under the already deprecated type: its run starts there, the type's at c1.
    expect(commitsToProve(input(versions, orders(typeMarked))).sort()).toEqual(['c1', 'c2']);
  });
});
