import { describe, expect, it } from 'vitest';
import type { LandingFact } from '../../../src/policy/deprecation/landing-proof.js';
import { describeVerdict, deprecationVerdict as verdictOf, type MarkedVersion } from '../../../src/policy/deprecation/window.js';
import { markedElements, markerOf } from '../../../src/policy/deprecation/markers.js';
import { orders } from './schemas.js';

const NOTE = { kind: 'field', record: 'com.acme.Order', name: 'note' } as const;
const HOLD = { kind: 'symbol', record: 'com.acme.Side', name: 'HOLD' } as const;

function version(day: string, schema = orders({ note: { deprecated: true } })): MarkedVersion {
  return { commit: `c-${day}`, schema };
}

/** Each version's commit landed at noon UTC of the day in its name, by the repository activity. */
function activityDate(commit: string): LandingFact {
  return { commit, source: 'activity', at: `${commit.slice(2)}T12:00:00Z`, detail: 'brought onto main by the push by @alice' };
}

function deprecationVerdict(versions: MarkedVersion[], element: typeof NOTE, now: Date, windowDays: number, landings = new Map(versions.map((v) => [v.commit, activityDate(v.commit)]))) {
  return verdictOf(versions, element, { landings, now, windowDays });
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
    expect(describeVerdict(verdict)).toBe('Order.note: deprecated since 2026-11-20 (repository activity), removable on 2026-12-20 (24 day(s) left)');
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

describe('landing facts', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const note = orders({ note: { deprecated: true } });

  it('reports where the start date comes from', () => {
    const landing: LandingFact = { commit: 'm1', source: 'pr-merged-at', at: '2026-10-01T08:00:00Z', detail: 'merge commit of pull request #12, merged into main at 2026-10-01T08:00:00Z' };
    const verdict = verdictOf([{ commit: 'm1', schema: note }], NOTE, { landings: new Map([['m1', landing]]), now, windowDays: 30 });
    expect(verdict).toEqual(expect.objectContaining({ status: 'mature', since: '2026-10-01T08:00:00.000Z', landing }));
    expect(describeVerdict(verdict)).toBe('Order.note: deprecated since 2026-10-01 (pull request merge time), removable on 2026-10-31 (removable now)');
  });

  it('an unproven start is not mature however old the marker is, and says why', () => {
    const landing: LandingFact = { commit: 'c1', source: 'unproven', detail: 'no record proves when commit c1 reached main' };
    const verdict = verdictOf([{ commit: 'c1', schema: note }], NOTE, { landings: new Map([['c1', landing]]), now, windowDays: 30 });
    expect(verdict).toEqual({ element: NOTE, label: 'Order.note', status: 'unproven', commit: 'c1', landing, problem: landing.detail });
    expect(describeVerdict(verdict)).toBe('Order.note: deprecation date unproven: no record proves when commit c1 reached main');
  });

  it('a landing date that does not parse is unproven, not a crash', () => {
    const landing: LandingFact = { commit: 'c1', source: 'committer-date', at: 'yesterday', detail: 'committer date' };
    const verdict = verdictOf([{ commit: 'c1', schema: note }], NOTE, { landings: new Map([['c1', landing]]), now, windowDays: 30 });
    expect([verdict.status, verdict.problem]).toEqual(['unproven', 'the landing date "yesterday" of commit c1 is not a date; this is a bug, please report it']);
  });

  it('only the start of the run needs a date; a start without one is unproven, never mature', () => {
    const versions = [{ commit: 'c1', schema: note }, { commit: 'c2', schema: note }];
    const verdict = verdictOf(versions, NOTE, { landings: new Map([['c2', activityDate('c-2026-01-01')]]), now, windowDays: 30 });
    expect(verdict.status).toBe('unproven');
    expect(verdict.problem).toContain('no landing record was gathered for commit c1');
  });
});

describe('the file defining the element (issue 18)', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const clock = (versions: MarkedVersion[]) => ({ landings: new Map(versions.map((v) => [v.commit, activityDate(v.commit)])), now, windowDays: 30 });
  const at = (day: string, path: string): MarkedVersion => ({ ...version(day), typeFiles: new Map([['com.acme.Order', path]]) });
  const definers = new Map([['com.acme.Order', 'schemas/shared/orders.avsc']]);

  it('names the defining file on the base, and where it was when marked if it has moved since', () => {
    const versions = [at('2026-10-01', 'schemas/common/orders.avsc'), at('2026-11-01', 'schemas/shared/orders.avsc')];
    expect(verdictOf(versions, NOTE, clock(versions), definers)).toEqual(expect.objectContaining({ status: 'mature', commit: 'c-2026-10-01', definedIn: 'schemas/shared/orders.avsc', markedIn: 'schemas/common/orders.avsc' }));
  });

  it('says nothing of where it was marked when that is where it is', () => {
    const versions = [at('2026-10-01', 'schemas/shared/orders.avsc')];
    const verdict = verdictOf(versions, NOTE, clock(versions), definers);
    expect(verdict.definedIn).toBe('schemas/shared/orders.avsc');
    expect(verdict).not.toHaveProperty('markedIn');
  });

  it('names the file of an unmarked element too, and none without definers', () => {
    const versions = [{ ...at('2026-10-01', 'x'), schema: orders({ note: {} }) }];
    expect(verdictOf(versions, NOTE, clock(versions), definers)).toEqual(expect.objectContaining({ status: 'unmarked', definedIn: 'schemas/shared/orders.avsc' }));
    expect(verdictOf(versions, NOTE, clock(versions))).not.toHaveProperty('definedIn');
  });
});
