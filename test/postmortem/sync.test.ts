import { describe, expect, it } from 'vitest';
import { parseFollowupsConfig } from '../../src/postmortem/config.js';
import type { TrackedIssue } from '../../src/postmortem/github/tracker.js';
import { actionTextOf } from '../../src/postmortem/parse/action-item.js';
import { parseReport } from '../../src/postmortem/parse/report.js';
import { setCheckbox } from '../../src/postmortem/sync/checkbox.js';
import { itemKey, readActionMarker, renderActionMarker } from '../../src/postmortem/sync/key.js';
import { keyItems, pairItems } from '../../src/postmortem/sync/match.js';
import { planSync } from '../../src/postmortem/sync/plan.js';
import { resolveOwner } from '../../src/postmortem/sync/owners.js';

const REPORT = `# Incident Report: Lag
- Incident ID: INC-9
- Severity: P2
- Date: 2026-03-01
## Timeline
- x
## Root Cause
y
## Resolution
z
## Impact
w
## Follow-Up Actions
- [ ] Add lag alert (Owner: @ann, Due: 2026-03-10)
- [x] Tune fetch size (Owner: @bob, Due: 2026-03-12)
`;
const report = () => parseReport(REPORT, 'postmortems/inc-9.md').report;
const config = parseFollowupsConfig({});
const ctx = { repo: 'acme/platform', branch: 'main', serverUrl: 'https://github.com' };

function issueFor(text: string, overrides: Partial<TrackedIssue> = {}, item = 0): TrackedIssue {
  const marker = renderActionMarker({ key: itemKey('INC-9', text), incident: 'INC-9', src: 'postmortems/inc-9.md', item, due: '2026-03-10' });
  return { number: 1, title: `[INC-9] ${text}`, body: marker, state: 'open', stateReason: null, labels: ['postmortem'], assignees: [], url: 'u', closedAt: null, ...overrides };
}

describe('item keys and markers', () => {
  it('ignore case, markdown, punctuation and spacing, but not the incident or the words', () => {
    expect(itemKey('INC-9', 'Add  **lag** alert.')).toBe(itemKey('inc-9', 'add lag alert'));
    expect(itemKey('INC-9', 'Add lag alert')).not.toBe(itemKey('INC-10', 'Add lag alert'));
    expect(itemKey('INC-9', 'Add lag alert')).not.toBe(itemKey('INC-9', 'Add lag alerts'));
  });

  it('round-trip through the hidden marker, including paths with spaces', () => {
    const m = { key: 'abc', incident: 'INC 9', src: 'post mortems/a b.md', item: 2, due: '2026-01-01' };
    expect(readActionMarker(`text\n${renderActionMarker(m)}\nmore`)).toEqual(m);
    expect(readActionMarker('<!-- something else -->')).toBeUndefined();
  });
});

describe('setCheckbox', () => {
  const key = itemKey('INC-9', 'Add lag alert');
  it('ticks the item at its line and keeps the rest byte-identical', () => {
    const r = setCheckbox(REPORT, 14, key, 'INC-9', true, actionTextOf);
    expect(r).toMatchObject({ ok: true, changed: true });
    expect(r.ok && r.text).toBe(REPORT.replace('- [ ] Add lag alert', '- [x] Add lag alert'));
  });

  it('finds the item by key when the line moved, and reports when it is gone', () => {
    const moved = `intro\n\n${REPORT}`;
    const r = setCheckbox(moved, 14, key, 'INC-9', true, actionTextOf);
    expect(r.ok && r.text.split('\n')[15]).toBe('- [x] Add lag alert (Owner: @ann, Due: 2026-03-10)');
    expect(setCheckbox(REPORT.replace('Add lag alert', 'Other'), 14, key, 'INC-9', true, actionTextOf))
      .toEqual({ ok: false, reason: 'the item is no longer in the file (looked at line 14 and by text)' });
    expect(setCheckbox(REPORT, 15, itemKey('INC-9', 'Tune fetch size'), 'INC-9', true, actionTextOf)).toEqual({ ok: true, text: REPORT, changed: false });
  });
});

describe('pairItems', () => {
  it('re-finds an edited item by its position, else by similar text; leaves the rest as orphans', () => {
    const items = keyItems([report()]);
    const byPosition = pairItems(items, [{ ...issueFor('Add consumer-lag alert on quotes', {}, 0), number: 4 }]);
    expect(byPosition.pairs.map((p) => [p.issue?.number, p.rekeyed])).toEqual([[4, true], [undefined, false]]);
    const bySimilarity = pairItems(items, [{ ...issueFor('Tune the fetch size', {}, 7), number: 5 }]);
    expect(bySimilarity.pairs.map((p) => p.issue?.number)).toEqual([undefined, 5]);
    const orphan = pairItems(items, [{ ...issueFor('Rewrite everything in Rust', {}, 9), number: 6 }]);
    expect(orphan.orphans.map((i) => i.number)).toEqual([6]);
  });
});

describe('planSync', () => {
  const facts = (issues: TrackedIssue[]) => ({
    reports: [report()], issues, assignable: new Map([['ann', true], ['bob', true]]), lastReminders: new Map<number, string>(),
    now: new Date('2026-03-05T00:00:00Z'),
  });

  it('creates only unticked items without an issue, with labels and assignees', () => {
    const plan = planSync(facts([]), config, ctx);
    expect(plan.operations.map((o) => o.kind)).toEqual(['create']);
    expect(plan.operations[0]).toMatchObject({ issue: { title: '[INC-9] Add lag alert', labels: ['postmortem', 'severity:P2', 'incident:INC-9'], assignees: ['ann'] } });
  });

  it('ticks for a closed issue, unticks for a reopened one, closes an open issue whose box was ticked', () => {
    const sync = (a: Partial<TrackedIssue>, b: Partial<TrackedIssue>) => {
      const first = planSync(facts([]), config, ctx).operations[0]!;
      const body = first.kind === 'create' ? first.issue.body : '';
      const issues = [
        { ...issueFor('Add lag alert', { body, title: '[INC-9] Add lag alert', labels: ['postmortem', 'severity:P2', 'incident:INC-9'], assignees: ['ann'] }), ...a },
        { ...issueFor('Tune fetch size', {}, 1), number: 2, ...b },
      ];
      return planSync(facts(issues), config, ctx).operations.filter((o) => o.kind !== 'update');
    };
    expect(sync({ state: 'closed', stateReason: 'completed' }, { state: 'closed' })).toMatchObject([{ kind: 'tick', done: true, issue: 1, line: 14 }]);
    expect(sync({}, { state: 'open', stateReason: 'reopened' })).toMatchObject([{ kind: 'tick', done: false, issue: 2, line: 15 }]);
    expect(sync({}, { state: 'open', stateReason: null })).toMatchObject([{ kind: 'close', issue: 2, reason: 'ticked in the report' }]);
  });
});

describe('resolveOwner', () => {
  const owners = parseFollowupsConfig({ owners: { 'SRE team': { users: ['sre1', 'sre2'], team: 'acme/sre' }, Data: { team: 'acme/data' } } }).owners;
  it('maps names case-insensitively, keeps assignable users, and explains needs-owner', () => {
    expect(resolveOwner('sre TEAM', owners, new Map([['sre1', false], ['sre2', true]]))).toEqual({ assignees: ['sre2'], needsOwner: false, team: 'acme/sre' });
    expect(resolveOwner('Data', owners, new Map()).reason).toBe('owner "Data" maps to team @acme/data only, and teams cannot be assigned; add users to followups.owners');
    expect(resolveOwner('Finance', owners, new Map()).reason).toBe('owner "Finance" is not mapped to GitHub users; add it under followups.owners in guardrails.yaml');
  });
});
