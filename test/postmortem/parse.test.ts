import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/postmortem/model.js';
import { parseDate } from '../../src/postmortem/parse/dates.js';
import { parseReport } from '../../src/postmortem/parse/report.js';
import { EXAMPLE, EXAMPLE_SOURCE } from './harness.js';

const corpus = (name: string) => parseReport(readFileSync(new URL(`./corpus/${name}`, import.meta.url), 'utf8'), `postmortems/${name}`);
const brief = (r: ReturnType<typeof corpus>) => r.report.actions.map((a) => [a.line, a.done, a.text, a.owner, a.due]);

describe('parseReport', () => {
  it('reads the runbook example report: summary, sections and three follow-ups', () => {
    const { report, problems } = parseReport(readFileSync(EXAMPLE_SOURCE, 'utf8'), EXAMPLE);
    expect(problems).toEqual([]);
    expect(report).toMatchObject({
      incidentId: 'INC-2026-0106', date: '2026-01-06', severity: 'P1', duration: '2h 40m (09:12–11:52 AEDT)', completed: true,
      title: 'Schema Registry outage stopped ASX tick ingestion',
      impactedSystems: ['Schema Registry', 'Kafka producers (market.ticks.asx, market.trades.asx)', 'Iceberg ingestion'],
    });
    expect(brief({ report, problems })).toEqual([
      [33, false, 'Replace failed disk on schema-registry-2 and broker 3 host', 'SRE team', '2026-01-10'],
      [34, false, 'Alert on under-replicated partitions of the `_schemas` topic', 'Platform team', '2026-01-20'],
      [35, false, 'Run a registry restore drill from the nightly backup and record the time to recover', '@priya-raman', '2026-01-31'],
    ]);
    expect(report.actions[2]!.extra).toEqual({ type: 'process' });
  });

  it('tolerates spacing, Owner/Assigned to, other separators, named dates, extra attributes and tables in the summary', () => {
    const r = corpus('spacing-and-owner-variants.md');
    expect(r.problems).toEqual([]);
    expect(r.report).toMatchObject({ incidentId: 'INC-2026-0211', date: '2026-02-11', severity: 'P2', completed: true,
      title: 'Consumer lag on market.quotes.asx', impactedSystems: ['quotes consumer', 'Iceberg quotes table'] });
    expect(brief(r)).toEqual([
      [25, false, "Pin the consumer group's session timeout", 'Data team', '2026-02-20'],
      [26, true, 'Add a canary stage to the consumer deploy', '@ops-bot', '2026-02-25'],
      [27, false, 'Document the rebalance runbook', 'Platform team', '2026-03-01'],
      [28, false, 'Review consumer configs fleet-wide', 'SRE team', '2026-03-01'],
    ]);
    expect(r.report.actions[2]!.extra).toEqual({ type: 'process', priority: 'high' });
  });

  it('reads follow-ups written as a table, with status and extra columns', () => {
    const r = corpus('table-actions.md');
    expect(brief(r)).toEqual([
      [24, true, 'Back up soft-deleted versions', 'SRE team', '2026-03-09'],
      [25, false, 'Alert when the backup count drops', 'Platform team', '2026-03-16'],
    ]);
    expect(r.report.actions[0]!).toMatchObject({ form: 'table', extra: { type: 'mitigate' } });
    expect(r.problems.map(formatProblem)).toEqual([
      'postmortems/table-actions.md:26: follow-up "Restore test in CI" has no owner. Write it as "- [ ] <action> (Assigned: <owner>, Due: 2026-01-10)"',
    ]);
  });

  it('reports every unreadable item with file and line, and keeps the readable ones', () => {
    const r = corpus('malformed.md');
    expect(r.problems.map(formatProblem)).toEqual([
      'postmortems/malformed.md:6: severity "critical" is not P1–P4. Write P1, P2, P3 or P4',
      'postmortems/malformed.md:18: follow-up "Refuse to delete when live files cannot be listed" has no due date. Write it as "- [ ] <action> (Assigned: <owner>, Due: 2026-01-10)"',
      'postmortems/malformed.md:19: follow-up "Add a dry-run gate to the expiry job" has no owner. Write it as "- [ ] <action> (Assigned: <owner>, Due: 2026-01-10)"',
      'postmortems/malformed.md:20: follow-up "Review retention settings" has a bad due date: "04/05/2026" is ambiguous (day/month or month/day); write 2026-01-10 or 10 Jan 2026',
      'postmortems/malformed.md:21: follow-up "Make the cleanup idempotent" has no owner. Write it as "- [ ] <action> (Assigned: <owner>, Due: 2026-01-10)"',
      'postmortems/malformed.md:21: follow-up "Make the cleanup idempotent" has a bad due date: "2026-04-31" is not a real calendar date',
      'postmortems/malformed.md:22: follow-up "- Write a blog post about it" is not a checklist item. Start it with "- [ ] "',
      'postmortems/malformed.md:23: follow-up item has no action text. Write it as "- [ ] <action> (Assigned: <owner>, Due: 2026-01-10)"',
    ]);
    expect(brief(r)).toEqual([[24, false, 'Add a canary table', 'Data team', '2026-05-01']]);
    expect(r.report.actions[0]!.ordinal).toBe(5);
    expect(r.report.completed).toBe(false);
  });

  it('reports a missing follow-up section and falls back to the file name for the incident id', () => {
    const r = corpus('no-followups.md');
    expect(r.report).toMatchObject({ incidentId: 'no-followups', severity: 'P2', date: '2026-05-05', completed: false, actions: [] });
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['NO_FOLLOWUPS_SECTION', 1]]);
  });

  it('reports a repeated item instead of letting two items share one issue', () => {
    const text = readFileSync(EXAMPLE_SOURCE, 'utf8').replace('(Assigned: @priya-raman', '(Assigned: @priya-raman, Due: 2026-01-31)\n- [ ] replace FAILED disk on schema-registry-2 and broker-3 host (Owner: SRE team');
    const r = parseReport(text, EXAMPLE);
    expect(r.problems.map(formatProblem)).toEqual([`${EXAMPLE}:36: follow-up "replace FAILED disk on schema-registry-2 and broker-3 host" repeats line 33. Merge the two items or make their text differ`]);
    expect(r.report.actions).toHaveLength(3);
  });

  it('handles CRLF line endings', () => {
    const text = readFileSync(EXAMPLE_SOURCE, 'utf8').replace(/\n/g, '\r\n');
    expect(parseReport(text, EXAMPLE).report.actions.map((a) => a.due)).toEqual(['2026-01-10', '2026-01-20', '2026-01-31']);
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-01-10', '2026-01-10'], ['2026/1/9', '2026-01-09'], ['10 Jan 2026', '2026-01-10'], ['10 January 2026', '2026-01-10'],
    ['Jan 10, 2026', '2026-01-10'], ['Sept 3 2026', '2026-09-03'], ['1st Mar 2026', '2026-03-01'], ['2026-01-10T12:00:00Z', '2026-01-10'],
  ])('%s → %s', (input, want) => expect(parseDate(input)).toEqual({ ok: true, date: want }));

  it.each([['2026-02-30', 'not a real calendar date'], ['10/01/2026', 'ambiguous'], ['next week', 'is not a date'], ['10 Foo 2026', 'unknown month']])(
    'refuses %s', (input, why) => {
      const r = parseDate(input);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.reason).toContain(why);
    });
});
