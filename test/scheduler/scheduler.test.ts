import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryClaimStore } from '../../jobs/scheduler/claims.js';
import { parseScheduleConfig } from '../../jobs/scheduler/config.js';
import { runScheduleCommand } from '../../jobs/scheduler/command.js';
import { jsonLogger } from '../../jobs/scheduler/logging.js';
import { Scheduler } from '../../jobs/scheduler/scheduler.js';
import type { JobContext } from '../../jobs/scheduler/jobs.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function setup(jobs: Record<string, (ctx: JobContext) => Promise<number | void>>, timeoutSeconds = 300) {
  const lines: string[] = [];
  const config = parseScheduleConfig({ shutdownTimeoutSeconds: timeoutSeconds, jobs: Object.fromEntries(Object.keys(jobs).map((n) => [n, { cron: '0 3 1 1 *' }])) });
  let clock = Date.parse('2026-01-01T03:00:00Z');
  const now = () => new Date((clock += 2500));
  const scheduler = new Scheduler({ config, jobs, claims: new MemoryClaimStore(), logger: jsonLogger((l) => lines.push(l), { replica: 't' }, () => new Date(0)), now });
  return { scheduler, logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('Scheduler', () => {
  it('runs a slot once per replica, records success, duration and Prometheus metrics', async () => {
    const seen: string[] = [];
    const { scheduler, logs } = setup({ backup: async ({ slot }) => void seen.push(slot) });
    await scheduler.runSlot('backup', new Date('2026-01-01T03:00:00.420Z'));
    await scheduler.runSlot('backup', new Date('2026-01-01T03:00:00.900Z'));
    expect(seen).toEqual(['2026-01-01T03:00:00.000Z']);
    const text = scheduler.metrics.prometheus();
    expect(text).toContain('guardrails_job_last_success_timestamp_seconds{job="backup"} 1767236405');
    expect(text).toContain('guardrails_job_last_duration_seconds{job="backup"} 2.5');
    expect(text).toContain('guardrails_job_runs_total{job="backup",result="succeeded"} 1');
    expect(text).toContain('guardrails_job_runs_total{job="backup",result="claimed-elsewhere"} 1');
    expect(logs().map((l) => l.msg)).toEqual(['job started', 'job succeeded', 'slot claimed by another replica']);
    expect(logs()[1]).toMatchObject({ level: 'info', replica: 't', job: 'backup', slot: '2026-01-01T03:00:00.000Z', durationSeconds: 2.5 });
  });

  it('counts a non-zero exit code or a throw as failure', async () => {
    const { scheduler, logs } = setup({ a: async () => 3, b: async () => { throw new Error('registry unreachable'); } });
    await scheduler.runSlot('a', new Date('2026-01-01T03:00:00Z'));
    await scheduler.runSlot('b', new Date('2026-01-01T03:00:00Z'));
    expect(logs().filter((l) => l.msg === 'job failed').map((l) => l.detail)).toEqual(['exit code 3', 'registry unreachable']);
    expect(scheduler.metrics.prometheus()).toContain('guardrails_job_runs_total{job="b",result="failed"} 1');
  });

  it('skips a slot while the previous run of the same job is still going on this replica', async () => {
    const gate = deferred();
    let runs = 0;
    const { scheduler } = setup({ slow: async () => { runs++; await gate.promise; } });
    const first = scheduler.runSlot('slow', new Date('2026-01-01T03:00:00Z'));
    await scheduler.runSlot('slow', new Date('2026-01-01T03:01:00Z'));
    gate.resolve();
    await first;
    expect(runs).toBe(1);
    expect(scheduler.metrics.prometheus()).toContain('guardrails_job_runs_total{job="slow",result="overlap"} 1');
  });

  it('on stop, lets a running job finish and starts nothing new', async () => {
    const gate = deferred();
    const { scheduler } = setup({ slow: async () => gate.promise });
    const run = scheduler.runSlot('slow', new Date('2026-01-01T03:00:00Z'));
    const stopped = scheduler.stop(60_000);
    expect(scheduler.state).toBe('stopping');
    gate.resolve();
    expect(await stopped).toEqual([]);
    await run;
    await scheduler.runSlot('slow', new Date('2026-01-01T03:05:00Z'));
    expect(scheduler.metrics.prometheus()).toContain('guardrails_job_runs_total{job="slow",result="succeeded"} 1');
  });

  it('on stop, abandons and aborts a job that outlives the shutdown timeout', async () => {
    let aborted = false;
    const { scheduler } = setup({ stuck: ({ signal }) => new Promise<void>(() => signal.addEventListener('abort', () => (aborted = true))) });
    void scheduler.runSlot('stuck', new Date('2026-01-01T03:00:00Z'));
    expect(await scheduler.stop(10)).toEqual(['stuck']);
    expect(aborted).toBe(true);
  });

  it('refuses a configured job that has no function', () => {
    const config = parseScheduleConfig({ jobs: { restore: { cron: '0 0 * * *' } } });
    expect(() => new Scheduler({ config, jobs: { backup: async () => {} }, claims: new MemoryClaimStore(), logger: jsonLogger(() => {}) }))
      .toThrow('schedule.jobs.restore: no such job; known jobs: backup');
  });
});

describe('guardrails schedule', () => {
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'schedule-'));
    writeFileSync(join(d, 'guardrails.yaml'), 'schedule:\n  timezone: Australia/Sydney\n  jobs:\n    backup: { cron: "0 2 * * *" }\n    followups: { cron: "0 7 * * 1-5", enabled: false }\n');
    return d;
  };
  const io = (cwd: string, env: NodeJS.ProcessEnv = {}) => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { cwd, env, stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
  };

  it('--list prints the next runs in the configured time zone', async () => {
    const { out, io: cio } = io(dir());
    expect(await runScheduleCommand(['--list'], cio)).toBe(0);
    expect(out.stdout).toMatch(/^backup: "0 2 \* \* \*" Australia\/Sydney → \d{4}-\d\d-\d\dT(15|16):00:00\.000Z, /m);
    expect(out.stdout).toMatch(/^followups \(disabled\): "0 7 \* \* 1-5"/m);
  });

  it('requires PostgreSQL unless --memory-claims, and rejects unknown flags', async () => {
    const a = io(dir());
    expect(await runScheduleCommand([], a.io)).toBe(2);
    expect(a.out.stderr).toBe('guardrails schedule: no PostgreSQL for claims: set DATABASE_URL or --database-url (or --memory-claims for a single replica)\n');
    const b = io(dir());
    expect(await runScheduleCommand(['--every', '5'], b.io)).toBe(2);
    expect(b.out.stderr).toMatch(/^guardrails schedule: Unknown option '--every'/);
  });

  it('serves /healthz and /metrics, and stops on SIGTERM with exit 0', async () => {
    const handlers = new Map<string, () => void>();
    const { out, io: cio } = io(dir());
    let port = 0;
    const ready = deferred();
    const done = runScheduleCommand(['--memory-claims', '--port', '0', '--replica-id', 'r1'], cio, {
      jobs: { backup: async () => {} },
      signals: { once: (s, h) => handlers.set(s, h) },
      onReady: (info) => { port = info.port; ready.resolve(); },
    });
    await ready.promise;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'running', jobs: { backup: { running: false, lastSuccess: null, lastFailure: null, lastDurationSeconds: null } } });
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('# TYPE guardrails_job_last_success_timestamp_seconds gauge\nguardrails_job_last_success_timestamp_seconds{job="backup"} 0');
    handlers.get('SIGTERM')!();
    expect(await done).toBe(0);
    const msgs = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; replica: string });
    expect(msgs.map((m) => m.msg)).toEqual(['job scheduled', 'scheduler started', 'shutting down', 'scheduler stopped']);
    expect(new Set(msgs.map((m) => m.replica))).toEqual(new Set(['r1']));
  });
});

describe('guardrails schedule --run', () => {
  it('runs one job now with its configured args plus those after --, and exits with its outcome', async () => {
    const d = mkdtempSync(join(tmpdir(), 'schedule-'));
    writeFileSync(join(d, 'guardrails.yaml'), 'schedule:\n  jobs:\n    expire-snapshots: { cron: "30 3 * * *", args: ["--dry-run"] }\n');
    const got: string[][] = [];
    let stdout = '';
    const io = { cwd: d, env: {}, stdout: (s: string) => void (stdout += s), stderr: () => {} };
    const jobs = { 'expire-snapshots': async ({ args }: JobContext) => void got.push([...args]), failing: async () => 1 };
    expect(await runScheduleCommand(['--memory-claims', '--run', 'expire-snapshots', '--', '--shard', '2/4'], io, { jobs })).toBe(0);
    expect(got).toEqual([['--dry-run', '--shard', '2/4']]);
    expect(await runScheduleCommand(['--memory-claims', '--run', 'failing'], io, { jobs })).toBe(1);
    expect(await runScheduleCommand(['--memory-claims', '--run', 'nope'], io, { jobs })).toBe(2);
    expect(stdout).toContain('"msg":"cannot run the job","replica"');
  });
});
