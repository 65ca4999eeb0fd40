import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/policy/config/errors.js';
import { cronProblem, loadScheduleConfig, parseScheduleConfig } from '../../src/scheduler/index.js';

const JOBS = ['backup', 'expire-snapshots', 'followups', 'drift'];

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'} ${i.path}: ${i.problem}`);
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('schedule config', () => {
  it('applies defaults and accepts 5- and 6-field expressions', () => {
    const c = parseScheduleConfig({ timezone: 'Australia/Sydney', jobs: { backup: { cron: '0 2 * * *' }, followups: { cron: '*/30 * * * * *', args: ['--dry-run'] } } });
    expect(c).toMatchObject({ timezone: 'Australia/Sydney', shutdownTimeoutSeconds: 5, port: 9464, lease: 60, claimRetentionDays: 90 });
    expect(c.jobs.backup).toEqual({ cron: '0 2 * * *', enabled: true, args: [], domAndDow: false, timeout: 3600, catchUp: 'skip', overlap: 'skip' });
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

  it('lists every problem with its key path, and the known jobs for an unknown one', () => {
    expect(problems(() => parseScheduleConfig({
      timezone: 'Mars/Olympus',
      shutdownTimeoutSeconds: 300,
      jobs: { backup: { cron: '0 0 31 * 0' }, restore: { cron: '* * * * *' } },
    }, { knownJobs: JOBS }))).toEqual([
      '-:- schedule.shutdownTimeoutSeconds: got 300; expected at most 7 seconds, so that a stop ends within 10 s (docs/scheduler.md#shutdown)',
    ]);
    expect(problems(() => parseScheduleConfig({ timezone: 'Mars/Olympus', jobs: { backup: { cron: '0 0 31 * 0' }, restore: { cron: '* * * * *' } } }, { knownJobs: JOBS }))).toEqual([
      '-:- schedule.timezone: "Mars/Olympus" is not an IANA time zone; use a name like "Australia/Sydney" or "UTC"',
      '-:- schedule.jobs.backup.cron: "0 0 31 * 0" restricts both day-of-month and day-of-week; node-cron requires BOTH to match (POSIX and GitHub Actions need either). Split it into two jobs, or set domAndDow: true if AND is what you mean',
      '-:- schedule.jobs.restore: no such job; known jobs: backup, drift, expire-snapshots, followups',
    ]);
    expect(problems(() => parseScheduleConfig({ jobs: { Backup: { cron: '* * * * *' } } }))).toEqual([
      '-:- schedule.jobs.Backup: is not a job name; use lower-case letters, digits and dashes, like "expire-snapshots"',
    ]);
    expect(problems(() => parseScheduleConfig({ jobs: { backup: { cron: '* * * * *', retries: 3 } } }))).toEqual([
      '-:- schedule.jobs.backup.retries: unknown key "retries"; expected one of: cron, enabled, args, timezone, domAndDow, timeout, catchUp, overlap',
    ]);
  });

  it('reads the lease and the timeouts as seconds or with a unit, within their bounds', () => {
    const c = parseScheduleConfig({ lease: '90s', jobs: { backup: { cron: '0 2 * * *', timeout: '2h' }, drift: { cron: '0 3 * * *', timeout: 45 }, followups: { cron: '0 8 * * *', timeout: '1.5m' } } });
    expect([c.lease, c.jobs.backup!.timeout, c.jobs.drift!.timeout, c.jobs.followups!.timeout]).toEqual([90, 7200, 45, 90]);
    expect(problems(() => parseScheduleConfig({ lease: 1, jobs: { backup: { cron: '0 2 * * *', timeout: '3 days' }, drift: { cron: '0 3 * * *', timeout: 0 } } }))).toEqual([
      '-:- schedule.lease: got 1; expected a duration from 2 s to 1 h: seconds, or a number with s, m or h, like "90s"',
      '-:- schedule.jobs.backup.timeout: got "3 days"; expected a duration from 1 s to 168 h: seconds, or a number with s, m or h, like "2h"',
      '-:- schedule.jobs.drift.timeout: got 0; expected a duration from 1 s to 168 h: seconds, or a number with s, m or h, like "2h"',
    ]);
    expect(problems(() => parseScheduleConfig({ lease: true, jobs: { backup: { cron: '0 2 * * *', catchUp: 'every', overlap: 'queue' } } }))).toEqual([
      '-:- schedule.lease: got true; expected a duration from 2 s to 1 h: seconds, or a number with s, m or h, like "90s"',
      '-:- schedule.jobs.backup.catchUp: got "every"; expected one of skip, latest, all',
      '-:- schedule.jobs.backup.overlap: got "queue"; expected one of skip, queue-one',
    ]);
  });

  it('points at file:line:column in the file, and accepts an absent default file but not an absent explicit one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedule-config-'));
    const path = join(dir, 'guardrails.yaml');
    writeFileSync(path, 'version: 1\nschedule:\n  jobs:\n    backup:\n      cron: "0 2 * * *"\n      args: [--out, 3]\n');
    await expect(loadScheduleConfig({ path, label: 'guardrails.yaml', explicit: false }, JOBS)).rejects.toThrow(
      'guardrails.yaml:6:21: schedule.jobs.backup.args.1: got 3; expected a string',
    );
    const missing = { path: join(dir, 'other.yaml'), label: 'other.yaml' };
    expect((await loadScheduleConfig({ ...missing, explicit: false }, JOBS)).config.jobs).toEqual({});
    await expect(loadScheduleConfig({ ...missing, explicit: true }, JOBS)).rejects.toThrow('other.yaml: config file not found; check the --config path');
    writeFileSync(path, 'schedule:\n  jobs:\n    backup: { cron: "0 2 * * *"\n');
    await expect(loadScheduleConfig({ path, label: 'guardrails.yaml', explicit: false }, JOBS)).rejects.toThrow(/^guardrails\.yaml:\d+:\d+: invalid YAML: /);
  });
});
