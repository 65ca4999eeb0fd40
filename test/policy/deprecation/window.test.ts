import { describe, expect, it } from 'vitest';
import { describeVerdict, deprecationVerdict, type MarkedVersion } from '../../../src/policy/deprecation/window.js';
import { markedElements, markerOf } from '../../../src/policy/deprecation/markers.js';
import { orders } from './schemas.js';

const NOTE = { kind: 'field', record: 'com.acme.Order', name: 'note' } as const;
const HOLD = { kind: 'symbol', record: 'com.acme.Side', name: 'HOLD' } as const;

function version(day: string, schema = orders({ note: { deprecated: true } })): MarkedVersion {
  return { commit: `c-${day}`, landedAt: `${day}T12:00:00Z`, schema };
}

describe('markers', () => {
  it.each([
    ['"deprecated": true', { deprecated: true }, undefined],
    ['a reason string', { deprecated: 'use memo' }, undefined],
    ['a doc starting @deprecated', {}, '@deprecated use memo'],
  ])('reads %s on a field', (_label, note, doc) => {
    expect(markerOf(orders({ note, ...(doc !== undefined && { noteDoc: doc }) }), NOTE)?.deprecated).toBe(true);
  });

  it('reads enum symbols listed in deprecatedSymbols, and a marker on the owning type covers its fields', () => {
    expect(markerOf(orders({ deprecatedSymbols: ['HOLD'] }), HOLD)?.deprecated).toBe(true);
    expect(markerOf(orders({ note: {}, recordAttributes: { deprecated: true } }), NOTE)?.deprecated).toBe(true);
    expect(markerOf(orders({ note: {} }), NOTE)?.deprecated).toBe(false);
    expect(markerOf(orders(), NOTE)).toBeUndefined();
  });

  it('lists every marked element', () => {
    expect(markedElements(orders({ note: { deprecated: true }, deprecatedSymbols: ['HOLD'] }))).toEqual([
      { kind: 'field', record: 'com.acme.Order', name: 'note' },
      { kind: 'symbol', record: 'com.acme.Side', name: 'HOLD' },
    ]);
  });
});

describe('deprecationVerdict', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('is mature once the marker has been on the base branch for the whole window', () => {
    const verdict = deprecationVerdict([version('2026-10-27')], NOTE, now, 30);
    expect(verdict).toEqual(expect.objectContaining({ status: 'mature', since: '2026-10-27T12:00:00.000Z', removableOn: '2026-11-26T12:00:00.000Z', daysLeft: 0 }));
  });

  it('counts down while inside the window', () => {
    const verdict = deprecationVerdict([version('2026-11-20')], NOTE, now, 30);
    expect(verdict.status).toBe('pending');
    expect(describeVerdict(verdict)).toBe('Order.note: deprecated since 2026-11-20, removable on 2026-12-20 (24 day(s) left)');
  });

  it('compares 30 × 24 h in UTC: one second short is still pending', () => {
    const verdict = deprecationVerdict([version('2026-10-27')], NOTE, new Date('2026-11-26T11:59:59Z'), 30);
    expect(verdict.status).toBe('pending');
    expect(verdict.daysLeft).toBe(1);
  });

  it('the clock starts at the oldest version of the unbroken run, not at later edits', () => {
    const verdict = deprecationVerdict([version('2026-09-01'), version('2026-11-20')], NOTE, now, 30);
    expect(verdict.since).toBe('2026-09-01T12:00:00.000Z');
    expect(verdict.commit).toBe('c-2026-09-01');
  });

  it('restarts when the marker was removed and re-added', () => {
    const versions = [version('2026-08-01'), version('2026-09-01', orders({ note: {} })), version('2026-11-20')];
    const verdict = deprecationVerdict(versions, NOTE, now, 30);
    expect(verdict.status).toBe('pending');
    expect(verdict.since).toBe('2026-11-20T12:00:00.000Z');
  });

  it('is unmarked when the latest base version has no marker', () => {
    const versions = [version('2026-08-01'), version('2026-09-01', orders({ note: {} }))];
    expect(deprecationVerdict(versions, NOTE, now, 30).status).toBe('unmarked');
  });
});

describe('gaps end a marker run', () => {
  it('restarts the clock after a deletion or an unparsable version (afterGap)', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const versions = [version('2026-01-01'), { ...version('2026-11-20'), afterGap: true }];
    const verdict = deprecationVerdict(versions, NOTE, now, 30);
    expect(verdict).toEqual(expect.objectContaining({ status: 'pending', commit: 'c-2026-11-20' }));
    expect(deprecationVerdict([version('2026-01-01'), version('2026-11-20')], NOTE, now, 30).status).toBe('mature');
  });
});
