/**
 * The bad-input corpus of `guardrails schedule`: every case is refused with exit 2 and one line naming the input
 * and the fix, before the claims database is touched (the URLs point at a closed port: a connection attempt
 * would be exit 4, not 2) and with the folder unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBadInputCase, startStrictFake, type BadInputCase, type StrictFake } from './harness.js';

const DB = 'postgres://guardrails@127.0.0.1:1/claims';
const ENV_PASSWORD = 'envDbPassword-4c1e';
const FLAG_PASSWORD = 'flagDbPassword-9b07';
const config = (schedule: string) => ({ 'guardrails.yaml': `version: 1\nschedule:\n${schedule}` });

const CASES: BadInputCase[] = [
  { name: 'an explicit --config that does not exist', argv: ['--list', '--config', 'missing.yaml'], want: { exit: 2, stderr: /--config "missing\.yaml" does not exist/ } },
  { name: 'an explicit --config that is a directory', argv: ['--list', '--config', 'conf'], files: { 'conf/x': '' }, want: { exit: 2, stderr: /--config "conf" is a directory, not a file/ } },
  { name: 'a YAML syntax error, at file:line:col', argv: ['--list'], files: { 'guardrails.yaml': 'schedule:\n  jobs: { backup: { cron: "0 2 * * *" }\n' }, want: { exit: 2, stderr: /^error: guardrails\.yaml:\d+:\d+: invalid YAML: / } },
  { name: 'a config that is not a mapping', argv: ['--list'], files: { 'guardrails.yaml': '- schedule\n' }, want: { exit: 2, stderr: /^error: guardrails\.yaml:1:1: expected a mapping of sections/ } },
  {
    name: 'an unknown job in the config, naming the known ones',
    argv: ['--list'],
    files: config('  jobs:\n    restore: { cron: "0 2 * * *" }\n'),
    want: { exit: 2, stderr: /^error: guardrails\.yaml:4:5: schedule\.jobs\.restore: no such job; known jobs: backup, drift, expire-snapshots, followups, remove-orphans$/ },
  },
  {
    name: 'an invalid cron expression',
    argv: ['--list'],
    files: config('  jobs:\n    backup: { cron: "61 * * * *" }\n'),
    want: { exit: 2, stderr: /^error: guardrails\.yaml:4:21: schedule\.jobs\.backup\.cron: "61 \* \* \* \*" is not a valid cron expression/ },
  },
  {
    name: 'a cron expression restricting both day fields',
    argv: ['--list'],
    files: config('  jobs:\n    backup: { cron: "0 0 1 * 1" }\n'),
    want: { exit: 2, stderr: /schedule\.jobs\.backup\.cron: "0 0 1 \* 1" restricts both day-of-month and day-of-week; .* set domAndDow: true/ },
  },
  {
    name: 'a time zone that does not exist',
    argv: ['--list'],
    files: config('  timezone: Mars/Olympus\n'),
    want: { exit: 2, stderr: /^error: guardrails\.yaml:3:13: schedule\.timezone: "Mars\/Olympus" is not an IANA time zone; use a name like "Australia\/Sydney"/ },
  },
  {
    name: 'an unknown key in a job, with the allowed keys',
    argv: ['--list'],
    files: config('  jobs:\n    backup:\n      cron: "0 2 * * *"\n      retries: 3\n'),
    want: { exit: 2, stderr: /^error: guardrails\.yaml:6:7: schedule\.jobs\.backup\.retries: unknown key "retries"; expected one of: cron, enabled, args, timezone, domAndDow, timeout, catchUp, overlap$/ },
  },
  {
    name: 'a shutdown timeout beyond the 10 s stop',
    argv: ['--list'],
    files: config('  shutdownTimeoutSeconds: 600\n'),
    want: { exit: 2, stderr: /schedule\.shutdownTimeoutSeconds: got 600; expected at most 7 seconds, so that a stop ends within 10 s/ },
  },
  {
    name: 'a job name that is not one',
    argv: ['--list'],
    files: config('  jobs:\n    Backup: { cron: "0 2 * * *" }\n'),
    want: { exit: 2, stderr: /schedule\.jobs\.Backup: is not a job name; use lower-case letters/ },
  },
  {
    name: 'args that are not a list of strings',
    argv: ['--list'],
    files: config('  jobs:\n    backup: { cron: "0 2 * * *", args: "--dry-run" }\n'),
    want: { exit: 2, stderr: /schedule\.jobs\.backup\.args: got "--dry-run"; expected a list of strings/ },
  },
  { name: '--run of an unknown job', argv: ['--memory-claims', '--run', 'nope'], want: { exit: 2, stderr: /--run "nope" is not a job; known jobs: backup, drift, expire-snapshots, followups, remove-orphans/ } },
  { name: '--port out of range', argv: ['--memory-claims', '--port', '70000'], want: { exit: 2, stderr: /--port "70000" is not a whole number from 0 to 65535/ } },
  {
    name: 'a password in --database-url, never echoed',
    argv: ['--database-url', `postgres://guardrails:${FLAG_PASSWORD}@127.0.0.1:1/claims`],
    want: { exit: 2, stderr: /--database-url "postgres:\/\/guardrails@127\.0\.0\.1:1\/claims" holds a password; put it in DATABASE_URL or PGPASSWORD/ },
  },
  { name: 'a --database-url that is not PostgreSQL', argv: ['--database-url', 'mysql://db:3306/claims'], want: { exit: 2, stderr: /--database-url "mysql:\/\/db:3306\/claims" is not a postgres:\/\/ URI/ } },
  { name: 'a $DATABASE_URL that is not PostgreSQL', argv: [], env: { DATABASE_URL: 'https://db.example/claims' }, want: { exit: 2, stderr: /\$DATABASE_URL "https:\/\/db\.example\/claims" is not a postgres:\/\/ URI/ } },
  { name: 'no database and no --memory-claims', argv: [], want: { exit: 2, stderr: /no PostgreSQL for the claims: give --database-url or set DATABASE_URL \(or --memory-claims/ } },
  { name: '--database-url together with --memory-claims', argv: ['--memory-claims', '--database-url', DB], want: { exit: 2, stderr: /give --database-url or --memory-claims, not both/ } },
  { name: 'a positional argument without --run', argv: ['--memory-claims', 'backup'], want: { exit: 2, stderr: /unexpected argument "backup"; arguments for the job go after --/ } },
  { name: 'job arguments without --run', argv: ['--memory-claims', '--', '--dry-run'], want: { exit: 2, stderr: /arguments after -- are for a job: give --run JOB before them/ } },
  { name: 'an unknown option, with the nearest one', argv: ['--memory-claim'], want: { exit: 2, stderr: /Unknown option '--memory-claim'; did you mean --memory-claims\?/ } },
  { name: '--list together with --run', argv: ['--list', '--run', 'backup'], want: { exit: 2, stderr: /--list and --run exclude each other/ } },
  { name: '--format json for the long-running scheduler', argv: ['--memory-claims', '--format', 'json'], want: { exit: 2, stderr: /--format json applies to --list and --run/ } },
  { name: 'an unknown format', argv: ['--list', '--format', 'yaml'], want: { exit: 2, stderr: /--format "yaml" is not one of text, json/ } },
  { name: 'a replica id with a space', argv: ['--memory-claims', '--replica-id', 'pod 1'], want: { exit: 2, stderr: /--replica-id "pod 1" is not a name of up to 63 letters, digits/ } },
  {
    name: 'bad config while $DATABASE_URL holds a password: refused before connecting, password not echoed',
    argv: [],
    env: { DATABASE_URL: `postgres://guardrails:${ENV_PASSWORD}@127.0.0.1:1/claims` },
    files: config('  jobs:\n    backups: { cron: "0 2 * * *" }\n'),
    want: { exit: 2, stderr: /schedule\.jobs\.backups: no such job/ },
  },
];

let fake: StrictFake;
beforeAll(async () => (fake = await startStrictFake()));
afterAll(() => fake.close());

describe('guardrails schedule: bad input', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { stdout, stderr } = await runBadInputCase('schedule', c, fake);
    expect(stdout).toBe('');
    for (const password of [ENV_PASSWORD, FLAG_PASSWORD]) expect(stderr).not.toContain(password);
  });
});
