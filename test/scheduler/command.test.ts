/** `guardrails schedule` in-process over a test job table: serve, stop, --run and --list, through the command layer. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommands } from '../../src/cli/dispatch.js';
import { run } from '../../src/cli/main.js';
import { createScheduleCommand } from '../../src/cli/commands/schedule.js';
import type { ScheduleJobs } from '../../src/cli/commands/schedule-jobs.js';
import type { JobFn } from '../../src/scheduler/index.js';

type Log = { msg: string; replica?: string; job?: string; port?: number; args?: string[]; runs?: unknown[] } & Record<string, unknown>;

function folder(schedule: string): string {
  const d = mkdtempSync(join(tmpdir(), 'schedule-'));
  writeFileSync(join(d, 'guardrails.yaml'), `schedule:\n${schedule}`);
  return d;
}

/** Runs `guardrails schedule <argv>`; `until` resolves when a log line matches. */
function start(cwd: string, table: Record<string, JobFn>, argv: readonly string[]) {
  const jobs: ScheduleJobs = { names: Object.keys(table), table: () => table };
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  const waiters: { test: (l: Log) => boolean; resolve: (l: Log) => void }[] = [];
  const logs = () => stdout.split('\n').filter((l) => l.startsWith('{"level"')).map((l) => JSON.parse(l) as Log);
  const check = () => {
    for (const w of [...waiters]) {
      const hit = logs().find(w.test);
      if (!hit) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(hit);
    }
  };
  const done = runCommands([createScheduleCommand(jobs)], ['schedule', ...argv], {
    cwd, env: {}, signal: controller.signal,
    stdout: { write: (t: string) => ((stdout += t), check()) },
    stderr: { write: (t: string) => void (stderr += t) },
  });
  return {
    done, logs, stop: (reason = 'SIGTERM') => controller.abort(new Error(`stopped by ${reason}`)),
    out: () => stdout, err: () => stderr,
    until: (test: (l: Log) => boolean) => new Promise<Log>((resolve) => (waiters.push({ test, resolve }), check())),
  };
}

describe('guardrails schedule', () => {
  it('serves /healthz and /metrics, and on a stop exits 1 (stopped by a signal) with nothing running', async () => {
    const cwd = folder('  jobs:\n    backup: { cron: "0 2 1 1 *" }\n');
    const s = start(cwd, { backup: async () => {} }, ['--memory-claims', '--port', '0', '--replica-id', 'r1']);
    const { port } = await s.until((l) => l.msg === 'scheduler started');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'running', jobs: { backup: { running: false, lastSuccess: null, lastFailure: null, lastDurationSeconds: null } } });
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('# TYPE guardrails_job_running gauge\nguardrails_job_running{job="guardrails_backup"} 0');
    s.stop();
    expect(await s.done).toBe(1);
    expect(s.err()).toBe('');
    expect(s.logs().map((m) => m.msg)).toEqual(['job scheduled', 'scheduler started', 'stopping', 'scheduler stopped']);
    expect(s.logs().at(-1)).toMatchObject({ reason: 'SIGTERM', runs: [] });
    expect(new Set(s.logs().map((m) => m.replica))).toEqual(new Set(['r1']));
  });

  it('on a stop aborts the running job at once, waits for it to settle and says what it was doing', async () => {
    const cwd = folder('  shutdownTimeoutSeconds: 5\n  jobs:\n    backup: { cron: "* * * * * *", args: ["--out", "b"] }\n');
    const backup: JobFn = ({ signal, log }) => new Promise((resolve) => {
      log.log('info', 'uploading', { stream: 'stdout' });
      signal.addEventListener('abort', () => setImmediate(() => (log.log('info', 'upload undone', { stream: 'stdout' }), resolve(1))));
    });
    const s = start(cwd, { backup }, ['--memory-claims', '--port', '0']);
    expect(await s.until((l) => l.msg === 'job started')).toMatchObject({ job: 'backup', args: ['--out', 'b'] });
    s.stop('SIGINT');
    expect(await s.done).toBe(1);
    const msgs = s.logs().map((m) => m.msg);
    expect(msgs.slice(msgs.indexOf('stopping'))).toEqual([
      'stopping', 'stopping: running jobs aborted; waiting for them to settle', 'upload undone', 'job interrupted', 'scheduler stopped',
    ]);
    expect(s.logs().at(-1)).toMatchObject({ reason: 'SIGINT', runs: [{ job: 'backup', ending: 'settled', result: 'interrupted', detail: 'exit code 1' }] });
  });

  it('refuses a status port already in use, before touching the claims', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const { port } = taken.address() as AddressInfo;
    const cwd = folder('  jobs:\n    backup: { cron: "0 2 1 1 *" }\n');
    const s = start(cwd, { backup: async () => {} }, ['--memory-claims', '--port', String(port)]);
    expect(await s.done).toBe(2);
    expect(s.err()).toBe(`error: --port ${port} is already in use; choose another with --port (0 picks a free one) (see guardrails schedule --help)\n`);
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  });

  it('--run runs one job now with its configured args plus those after --, and exits with its outcome', async () => {
    const cwd = folder('  jobs:\n    expire-snapshots: { cron: "30 3 * * *", args: ["--dry-run"] }\n');
    const got: string[][] = [];
    const table: Record<string, JobFn> = {
      'expire-snapshots': async ({ args }) => void got.push([...args]),
      unavailable: async () => 4,
      broken: async () => { throw new Error('job bug'); },
    };
    const ok = start(cwd, table, ['--memory-claims', '--run', 'expire-snapshots', '--', '--shard', '2/4']);
    expect(await ok.done).toBe(0);
    expect(got).toEqual([['--dry-run', '--shard', '2/4']]);
    expect(ok.logs().map((l) => l.msg)).toEqual(['job started', 'job succeeded']);
    expect(await start(cwd, table, ['--memory-claims', '--run', 'unavailable']).done).toBe(4);
    expect(await start(cwd, table, ['--memory-claims', '--run', 'broken']).done).toBe(1);
    const unknown = start(cwd, table, ['--memory-claims', '--run', 'nope']);
    expect(await unknown.done).toBe(2);
    expect(unknown.err()).toBe('error: --run "nope" is not a job; known jobs: broken, expire-snapshots, unavailable (see guardrails schedule --help)\n');
  });

  it('--run --format json prints one versioned document on stdout and the logs on stderr', async () => {
    const cwd = folder('  jobs:\n    backup: { cron: "0 2 * * *" }\n');
    const s = start(cwd, { backup: async ({ log }) => void log.log('info', 'saved 3 subjects', { stream: 'stdout' }) }, ['--memory-claims', '--replica-id', 'r2', '--run', 'backup', '--format', 'json']);
    expect(await s.done).toBe(0);
    const report = JSON.parse(s.out()) as Record<string, unknown>;
    expect(report).toEqual({
      reportVersion: 1, command: 'schedule', exitCode: 0, mode: 'run', replica: 'r2',
      run: { job: 'backup', slot: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/), result: 'succeeded', exitCode: 0, durationSeconds: expect.any(Number) },
    });
    expect(s.err().trim().split('\n').map((l) => (JSON.parse(l) as Log).msg)).toEqual(['job started', 'saved 3 subjects', 'job succeeded']);
  });

  it('--list --format json gives each job its next three runs in its time zone', async () => {
    const cwd = folder('  timezone: Australia/Sydney\n  jobs:\n    backup: { cron: "0 2 * * *" }\n    followups: { cron: "0 7 * * 1-5", enabled: false, timezone: UTC }\n');
    const s = start(cwd, { backup: async () => {}, followups: async () => {} }, ['--list', '--format', 'json']);
    expect(await s.done).toBe(0);
    const report = JSON.parse(s.out()) as { jobs: { name: string; timezone: string; enabled: boolean; next: string[] }[] };
    expect(report).toMatchObject({ reportVersion: 1, command: 'schedule', exitCode: 0, mode: 'list' });
    expect(report.jobs.map((j) => [j.name, j.timezone, j.enabled, j.next.length])).toEqual([['backup', 'Australia/Sydney', true, 3], ['followups', 'UTC', false, 3]]);
    // 02:00 in Sydney is 15:00 or 16:00 UTC, depending on daylight saving.
    for (const at of report.jobs[0]!.next) expect(at).toMatch(/T(15|16):00:00\.000Z$/);
    const text = start(cwd, { backup: async () => {}, followups: async () => {} }, ['--list']);
    expect(await text.done).toBe(0);
    expect(text.out()).toMatch(/^backup: "0 2 \* \* \*" Australia\/Sydney → \d{4}-\d\d-\d\dT(15|16):00:00\.000Z, /m);
    expect(text.out()).toMatch(/^followups \(disabled\): "0 7 \* \* 1-5" UTC → /m);
  });
});

describe('guardrails schedule over the guardrails jobs', () => {
  async function cli(cwd: string, argv: readonly string[], env: Record<string, string> = {}) {
    let stdout = '';
    let stderr = '';
    const code = await run(['schedule', ...argv], { cwd, env, stdout: { write: (t: string) => void (stdout += t) }, stderr: { write: (t: string) => void (stderr += t) } });
    return { code, stdout, stderr };
  }

  it("refuses a job's arguments as its command would, before claiming anything", async () => {
    const cwd = folder('  jobs:\n    backup: { cron: "0 2 * * *", args: ["--out", "b", "--keep", "0"] }\n');
    const configured = await cli(cwd, ['--memory-claims'], { GUARDRAILS_REGISTRY_URL: 'http://127.0.0.1:1' });
    expect(configured).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^error: guardrails\.yaml:3:\d+: schedule\.jobs\.backup\.args: --keep "0" is not a whole number from 1 to 100000 \(see guardrails backup --help\)\n$/) });
    const given = await cli(folder(''), ['--memory-claims', '--run', 'backup', '--', '--out'], { GUARDRAILS_REGISTRY_URL: 'http://127.0.0.1:1' });
    expect(given).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^error: --run backup --: Option '--out <value>' argument missing/) });
  });

  it("checks a remove-orphans job's args as its command line: --older-than under 1 day needs --force, --mark needs the SQL catalog", async () => {
    const young = folder('  jobs:\n    remove-orphans: { cron: "0 3 * * *", args: ["--catalog-name", "prod", "--older-than", "12h"] }\n');
    expect(await cli(young, ['--memory-claims'])).toEqual({
      code: 2, stdout: '',
      stderr: expect.stringMatching(/^error: guardrails\.yaml:3:\d+: schedule\.jobs\.remove-orphans\.args: --older-than 12h is less than 1 day: .* \(see guardrails remove-orphans --help\)\n$/),
    });
    const rest = await cli(folder(''), ['--memory-claims', '--run', 'remove-orphans', '--', '--catalog-name', 'prod', '--catalog-type', 'rest', '--catalog-uri', 'http://127.0.0.1:1', '--mark']);
    expect(rest).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^error: --run remove-orphans --: --mark keeps its marks in the SQL catalog database, which --catalog-type rest does not have/) });
    // Metrics and log options pass the check as on the command line; the refusal is --prefix-mismatch's.
    const metrics = folder('  jobs:\n    remove-orphans: { cron: "0 3 * * *", args: ["--catalog-name", "prod", "--metrics-file", "m/orphans.prom", "--log-format", "json", "--prefix-mismatch", "none"] }\n');
    expect(await cli(metrics, ['--memory-claims'])).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/schedule\.jobs\.remove-orphans\.args: --prefix-mismatch "none" is not one of error, ignore, delete/) });
  });

  it('accepts the metrics and log options in a job\'s args, as the job\'s own command line does', async () => {
    const cwd = folder('  jobs:\n    backup: { cron: "0 2 * * *", args: ["--out", "b", "--metrics-file", "m/backup.prom", "--log-format", "json", "--keep", "0"] }\n');
    // Still refused, but for --keep: --metrics-file and --log-format passed the check the job's command applies.
    const result = await cli(cwd, ['--memory-claims'], { GUARDRAILS_REGISTRY_URL: 'http://127.0.0.1:1' });
    expect(result).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/schedule\.jobs\.backup\.args: --keep "0" is not a whole number/) });
  });

  it("--run runs the job's preflight before claiming: a backup that exists already is refused with 2", async () => {
    const cwd = folder('  jobs:\n    backup: { cron: "0 2 * * *", args: ["--out", "b", "--name", "nightly"] }\n');
    mkdirSync(join(cwd, 'b', 'nightly'), { recursive: true });
    // The claims database is a closed port: reaching it would be exit 4.
    const result = await cli(cwd, ['--run', 'backup'], { DATABASE_URL: 'postgres://guardrails@127.0.0.1:1/claims', GUARDRAILS_REGISTRY_URL: 'http://127.0.0.1:1' });
    expect(result).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^error: guardrails\.yaml:3:\d+: schedule\.jobs\.backup\.args: \S+nightly already exists; choose another --name/) });
  });

  it('exits 4 naming the claims database (without its password) when it cannot be reached', async () => {
    const cwd = folder('  jobs:\n    backup: { cron: "0 2 * * *", args: ["--out", "b"] }\n');
    const result = await cli(cwd, ['--run', 'backup'], { DATABASE_URL: 'postgres://guardrails:s3cret-pw@localhost:1/claims', GUARDRAILS_REGISTRY_URL: 'http://127.0.0.1:1' });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: the claims database cannot be used: .*ECONNREFUSED.* \(postgres:\/\/guardrails@localhost:1\/claims\)\n$/);
    expect(`${result.stdout}${result.stderr}`).not.toContain('s3cret-pw');
    const json = await cli(cwd, ['--run', 'backup', '--format', 'json', '--replica-id', 'r3'], { DATABASE_URL: 'postgres://guardrails@127.0.0.1:1/claims', GUARDRAILS_REGISTRY_URL: 'http://127.0.0.1:1' });
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stdout)).toEqual({
      reportVersion: 1, command: 'schedule', exitCode: 4, mode: 'run', replica: 'r3',
      error: { message: expect.stringMatching(/^the claims database cannot be used: connect ECONNREFUSED 127\.0\.0\.1:1 \(postgres:\/\/guardrails@127\.0\.0\.1:1\/claims\)$/) },
    });
  });
});
