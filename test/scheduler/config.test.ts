import { describe, expect, it } from 'vitest';
import { cronProblem, parseScheduleConfig } from '../../jobs/scheduler/config.js';

describe('schedule config', () => {
  it('applies defaults and accepts 5- and 6-field expressions', () => {
    const c = parseScheduleConfig({ timezone: 'Australia/Sydney', jobs: { backup: { cron: '0 2 * * *' }, followups: { cron: '*/30 * * * * *', args: ['--dry-run'] } } });
    expect(c).toMatchObject({ timezone: 'Australia/Sydney', shutdownTimeoutSeconds: 300, port: 9464, claimRetentionDays: 90 });
    expect(c.jobs.backup).toEqual({ cron: '0 2 * * *', enabled: true, args: [], domAndDow: false });
    expect(c.jobs.followups!.args).toEqual(['--dry-run']);
  });

  it('refuses day-of-month together with day-of-week unless AND is declared, explaining the difference', () => {
    expect(cronProblem('0 0 1 * 1')).toBe('"0 0 1 * 1" restricts both day-of-month and day-of-week; node-cron requires BOTH to match (POSIX and GitHub Actions need either). Split it into two jobs, or set domAndDow: true if AND is what you mean');
    expect(cronProblem('0 0 1 * 1', true)).toBeUndefined();
    expect(cronProblem('0 0 1 * *')).toBeUndefined();
    expect(cronProblem('0 9 * * 1-5')).toBeUndefined();
  });

  it.each([
    ['61 * * * *', /^"61 \* \* \* \*" is not a valid cron expression/],
    ['* * *', /^"\* \* \*" has 3 fields; write 5/],
    ['0 0 * * * * *', /has 7 fields/],
  ])('refuses %s', (expr, message) => expect(cronProblem(expr)).toMatch(message));

  it('names the key and value in errors', () => {
    expect(() => parseScheduleConfig({ jobs: { backup: { cron: '0 0 31 * 0' } } })).toThrow(/^guardrails.yaml: schedule.jobs.backup.cron: "0 0 31 \* 0" restricts both/);
    expect(() => parseScheduleConfig({ timezone: 'Mars/Olympus' })).toThrow('guardrails.yaml: schedule.timezone: "Mars/Olympus" is not an IANA time zone like "Australia/Sydney" or "UTC"');
    expect(() => parseScheduleConfig({ jobs: { Backup: { cron: '* * * * *' } } })).toThrow('guardrails.yaml: schedule.jobs.Backup: is not a job name; use lower-case letters, digits and dashes, like "expire-snapshots"');
    expect(() => parseScheduleConfig({ jobs: { backup: { cron: '* * * * *', retries: 3 } } })).toThrow(/schedule.jobs.backup: Unrecognized key: "retries"/);
  });
});
