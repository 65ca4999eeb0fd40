/** Missed slots by policy, through node-cron's own matcher, in the job's time zone. */
import { describe, expect, it } from 'vitest';
import { MAX_CATCH_UP_SLOTS, missedSlots } from '../../src/scheduler/index.js';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('missedSlots', () => {
  // 02:00 in Sydney (UTC+11 in December) is 15:00 UTC the day before.
  const nightly = { cron: '0 2 * * *', timezone: 'Australia/Sydney', after: new Date('2026-12-01T15:00:00Z'), before: new Date('2026-12-04T21:30:00Z') };

  it('skips, runs the latest, or runs all the slots after the last claimed one, oldest first', () => {
    expect(missedSlots({ ...nightly, policy: 'skip' })).toEqual([]);
    expect(iso(missedSlots({ ...nightly, policy: 'latest' }))).toEqual(['2026-12-04T15:00:00.000Z']);
    expect(iso(missedSlots({ ...nightly, policy: 'all' }))).toEqual(['2026-12-02T15:00:00.000Z', '2026-12-03T15:00:00.000Z', '2026-12-04T15:00:00.000Z']);
  });

  it('counts neither the last claimed slot nor a slot at the start, which node-cron fires itself', () => {
    expect(iso(missedSlots({ ...nightly, before: new Date('2026-12-03T15:00:00Z'), policy: 'all' }))).toEqual(['2026-12-02T15:00:00.000Z']);
    expect(missedSlots({ ...nightly, after: new Date('2026-12-04T15:00:00Z'), policy: 'all' })).toEqual([]);
  });

  it(`runs at most the ${MAX_CATCH_UP_SLOTS} most recent, and looks back 7 days (an hour for 6-field expressions)`, () => {
    const hourly = missedSlots({ cron: '0 * * * *', timezone: 'UTC', after: new Date('2026-11-01T00:00:00Z'), before: new Date('2026-12-04T21:30:00Z'), policy: 'all' });
    expect(iso(hourly)).toEqual(Array.from({ length: MAX_CATCH_UP_SLOTS }, (_, i) => new Date(Date.parse('2026-12-04T12:00:00Z') + i * 3_600_000).toISOString()));
    const weekly = missedSlots({ cron: '0 3 * * 0', timezone: 'UTC', after: new Date('2026-10-01T00:00:00Z'), before: new Date('2026-12-04T21:30:00Z'), policy: 'all' });
    // Sundays within the last 7 days only: 2026-11-29.
    expect(iso(weekly)).toEqual(['2026-11-29T03:00:00.000Z']);
    const everyTenSeconds = missedSlots({ cron: '*/10 * * * * *', timezone: 'UTC', after: new Date('2026-12-04T00:00:00Z'), before: new Date('2026-12-04T21:30:00Z'), policy: 'latest' });
    expect(iso(everyTenSeconds)).toEqual(['2026-12-04T21:29:50.000Z']);
    expect(missedSlots({ cron: '0 0 1 1 *', timezone: 'UTC', after: new Date('2020-01-01T00:00:00Z'), before: new Date('2026-12-04T21:30:00Z'), policy: 'all' })).toEqual([]);
  });
});
