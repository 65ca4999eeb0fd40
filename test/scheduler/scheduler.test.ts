import { Counter, Gauge, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import {
  jsonLogger, MemoryClaimStore, parseScheduleConfig, Scheduler, type Claim, type ClaimResult, type ClaimStore, type ExpiredSlot, type JobContext,
} from '../../src/scheduler/index.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * In-memory claims that remember how each claim finished. `loseLease(key)` plays the database telling the holder
 * that another replica owns the slot now; `expiredSlots` are what a sweep finds, won as take-overs.
 */
class RecordingClaims implements ClaimStore {
  readonly finished = new Map<string, { status: string; detail: string | undefined }>();
  readonly expiredSlots: ExpiredSlot[] = [];
  lastClaimed: Date | undefined;
  private readonly inner = new MemoryClaimStore();
  private readonly leases = new Map<string, AbortController>();
  async migrate(): Promise<void> {}
  async claim(job: string, slot: string): Promise<ClaimResult> {
    const expired = this.expiredSlots.find((e) => e.job === job && e.slot === slot);
    const result = expired ? undefined : await this.inner.claim(job, slot);
    if (result && !result.won) return result;
    const key = `${job}:${slot}`;
    const lost = new AbortController();
    this.leases.set(key, lost);
    const claim: Claim = {
      key, attempt: expired ? expired.attempt + 1 : 1, lost: lost.signal, ...(expired ? { takenOverFrom: expired.owner } : {}),
      finish: async (status, detail) => {
        if (lost.signal.aborted) return 'lease-lost';
        this.finished.set(key, { status, detail });
        return 'recorded';
      },
    };
    if (expired) this.expiredSlots.splice(this.expiredSlots.indexOf(expired), 1);
    return { won: true, claim };
  }
  async expired(jobs: readonly string[]): Promise<ExpiredSlot[]> {
    return this.expiredSlots.filter((e) => jobs.includes(e.job));
  }
  async lastSlot(): Promise<Date | undefined> {
    return this.lastClaimed;
  }
  loseLease(key: string): void {
    this.leases.get(key)?.abort(new Error(`the lease on ${key} was lost: another replica took the slot over`));
  }
  async close(): Promise<void> {}
}

function setup(jobs: Record<string, (ctx: JobContext) => Promise<number | void>>, entry: Record<string, unknown> = {}) {
  const lines: string[] = [];
  const config = parseScheduleConfig({ jobs: Object.fromEntries(Object.keys(jobs).map((n) => [n, { cron: '0 3 1 1 *', ...entry }])) });
  let clock = Date.parse('2026-01-01T03:00:00Z');
  const now = () => new Date((clock += 2500));
  const claims = new RecordingClaims();
  const scheduler = new Scheduler({ config, jobs, claims, logger: jsonLogger((l) => lines.push(l), { replica: 't' }, () => new Date(0)), now });
  const metrics = async () => (await scheduler.metrics.exposition()).text;
  return { scheduler, claims, metrics, logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('Scheduler', () => {
  it('runs a slot once per replica, records success, duration and Prometheus metrics', async () => {
    const seen: string[] = [];
    const { scheduler, logs, claims, metrics } = setup({ backup: async ({ slot }) => void seen.push(slot) });
    expect(await scheduler.runSlot('backup', new Date('2026-01-01T03:00:00.420Z'))).toEqual({
      job: 'backup', slot: '2026-01-01T03:00:00.000Z', result: 'succeeded', exitCode: 0, durationSeconds: 2.5,
    });
    expect(await scheduler.runSlot('backup', new Date('2026-01-01T03:00:00.900Z'))).toMatchObject({ result: 'claimed-elsewhere' });
    expect(seen).toEqual(['2026-01-01T03:00:00.000Z']);
    expect(claims.finished.get('backup:2026-01-01T03:00:00.000Z')).toEqual({ status: 'succeeded', detail: undefined });
    const text = await metrics();
    expect(text).toContain('guardrails_scheduler_runs_total{job="guardrails_backup",result="success"} 1');
    expect(text).toContain('guardrails_scheduler_runs_total{job="guardrails_backup",result="failure"} 0');
    expect(text).toContain('guardrails_scheduler_slots_skipped_total{job="guardrails_backup",reason="claimed_elsewhere"} 1');
    expect(text).toContain('guardrails_job_running{job="guardrails_backup"} 0');
    expect(text).toContain('guardrails_scheduler_slot_start_timestamp_seconds{job="guardrails_backup"} 0');
    expect(text).toContain('guardrails_scheduler_slot_timeout_seconds{job="guardrails_backup"} 3600');
    expect(scheduler.metrics.healthSummary()).toEqual({ backup: { running: false, lastSuccess: '2026-01-01T03:00:05.000Z', lastFailure: null, lastDurationSeconds: 2.5 } });
    expect(logs().map((l) => l.msg)).toEqual(['job started', 'job succeeded', 'slot claimed by another replica']);
    expect(logs()[1]).toMatchObject({ level: 'info', replica: 't', job: 'backup', slot: '2026-01-01T03:00:00.000Z', durationSeconds: 2.5 });
  });

  it('counts a non-zero exit code or a throw as failure, and keeps the exit code', async () => {
    const { scheduler, logs, claims, metrics } = setup({ a: async () => 4, b: async () => { throw new Error('registry unreachable'); } });
    expect(await scheduler.runSlot('a', new Date('2026-01-01T03:00:00Z'))).toMatchObject({ result: 'failed', exitCode: 4, detail: 'exit code 4' });
    expect(await scheduler.runSlot('b', new Date('2026-01-01T03:00:00Z'))).toMatchObject({ result: 'failed', detail: 'registry unreachable' });
    expect(logs().filter((l) => l.msg === 'job failed').map((l) => l.detail)).toEqual(['exit code 4', 'registry unreachable']);
    expect([...claims.finished.values()].map((f) => f.status)).toEqual(['failed', 'failed']);
    expect(await metrics()).toContain('guardrails_scheduler_runs_total{job="guardrails_b",result="failure"} 1');
  });

  it('skips a slot while the previous run of the same job is still going on this replica', async () => {
    const gate = deferred();
    const started = deferred();
    let runs = 0;
    const { scheduler, metrics } = setup({ slow: async () => { runs++; started.resolve(); await gate.promise; } });
    const first = scheduler.runSlot('slow', new Date('2026-01-01T03:00:00Z'));
    await started.promise;
    // While it runs: the slot's start time, 1 running.
    expect(await metrics()).toContain('guardrails_job_running{job="guardrails_slow"} 1');
    expect(await metrics()).toMatch(/guardrails_scheduler_slot_start_timestamp_seconds\{job="guardrails_slow"\} 1767236402\.5\n/);
    expect(await scheduler.runSlot('slow', new Date('2026-01-01T03:01:00Z'))).toMatchObject({ result: 'overlap' });
    gate.resolve();
    await first;
    expect(runs).toBe(1);
    expect(await metrics()).toContain('guardrails_scheduler_slots_skipped_total{job="guardrails_slow",reason="overlap"} 1');
  });

  it('on stop, aborts a running job at once, lets it settle, records the claim as interrupted and starts nothing new', async () => {
    const started = deferred();
    const { scheduler, claims, logs } = setup({
      careful: ({ signal }) => new Promise<number>((resolve) => {
        started.resolve();
        // Like a job that finishes its in-flight write, undoes its temporary state, then returns.
        signal.addEventListener('abort', () => setImmediate(() => resolve(1)));
      }),
    });
    const run = scheduler.runSlot('careful', new Date('2026-01-01T03:00:00Z'));
    await started.promise;
    const stopped = await scheduler.stop(60_000, 'SIGTERM');
    expect(scheduler.state).toBe('stopping');
    expect(stopped).toEqual([{ job: 'careful', slot: '2026-01-01T03:00:00.000Z', ending: 'settled', outcome: expect.objectContaining({ result: 'interrupted', exitCode: 1 }) }]);
    expect(await run).toMatchObject({ result: 'interrupted' });
    expect(claims.finished.get('careful:2026-01-01T03:00:00.000Z')).toEqual({ status: 'interrupted', detail: 'exit code 1' });
    expect(await scheduler.runSlot('careful', new Date('2026-01-01T03:05:00Z'))).toBeUndefined();
    expect(logs().map((l) => l.msg)).toEqual(['job started', 'stopping: running jobs aborted; waiting for them to settle', 'job interrupted']);
  });

  it('on stop, abandons a job that does not settle in time and still records its claim as interrupted', async () => {
    const started = deferred();
    let aborted = false;
    const { scheduler, claims } = setup({
      stuck: ({ signal }) => new Promise<void>(() => {
        started.resolve();
        signal.addEventListener('abort', () => (aborted = true));
      }),
    });
    void scheduler.runSlot('stuck', new Date('2026-01-01T03:00:00Z'));
    await started.promise;
    expect(await scheduler.stop(10, 'SIGINT')).toEqual([{ job: 'stuck', slot: '2026-01-01T03:00:00.000Z', ending: 'abandoned' }]);
    expect(aborted).toBe(true);
    expect(claims.finished.get('stuck:2026-01-01T03:00:00.000Z')).toEqual({ status: 'interrupted', detail: 'did not settle within 0.01 s of the SIGINT; abandoned' });
  });

  it('on stop during the claim, never starts the job and records the claim as interrupted', async () => {
    const gate = deferred();
    const claiming = deferred();
    let ran = false;
    const { scheduler, claims } = setup({ late: async () => void (ran = true) });
    const claim = claims.claim.bind(claims);
    claims.claim = async (job, slot) => (claiming.resolve(), await gate.promise, claim(job, slot));
    const run = scheduler.runSlot('late', new Date('2026-01-01T03:00:00Z'));
    await claiming.promise;
    const stopped = scheduler.stop(60_000, 'SIGTERM');
    gate.resolve();
    expect(await stopped).toEqual([{ job: 'late', slot: '2026-01-01T03:00:00.000Z', ending: 'settled', outcome: { job: 'late', slot: '2026-01-01T03:00:00.000Z', result: 'interrupted', detail: 'not started: the scheduler was stopping' } }]);
    await run;
    expect(ran).toBe(false);
    expect(claims.finished.get('late:2026-01-01T03:00:00.000Z')).toEqual({ status: 'interrupted', detail: 'not started: the scheduler was stopping' });
  });

  it('aborts a run that passes its timeout, records it timed-out and logs it with job, slot and replica', async () => {
    const { scheduler, claims, logs, metrics } = setup({
      // Like a job that notices its signal, undoes what it started and returns.
      hung: ({ signal }) => new Promise<number>((resolve) => signal.addEventListener('abort', () => resolve(1))),
    }, { timeout: 1 });
    expect(await scheduler.runSlot('hung', new Date('2026-01-01T03:00:00Z'))).toMatchObject({ result: 'timed-out', exitCode: 1, detail: 'timed out after 1 s (exit code 1)' });
    expect(claims.finished.get('hung:2026-01-01T03:00:00.000Z')).toEqual({ status: 'timed-out', detail: 'timed out after 1 s (exit code 1)' });
    expect(logs().find((l) => l.msg === 'job timed out; aborting it')).toMatchObject({ level: 'warn', replica: 't', job: 'hung', slot: '2026-01-01T03:00:00.000Z', timeoutSeconds: 1 });
    expect(await metrics()).toContain('guardrails_scheduler_runs_total{job="guardrails_hung",result="timeout"} 1');
    expect(await metrics()).toContain('guardrails_scheduler_slot_timeout_seconds{job="guardrails_hung"} 1');
  });

  it('stops a run whose lease is lost and records nothing for it, so that the new owner completes the slot', async () => {
    const started = deferred();
    let sawAbort = false;
    const { scheduler, claims, logs, metrics } = setup({
      backup: ({ signal }) => new Promise<number>((resolve) => {
        started.resolve();
        signal.addEventListener('abort', () => ((sawAbort = true), resolve(0)));
      }),
    });
    const run = scheduler.runSlot('backup', new Date('2026-01-01T03:00:00Z'));
    await started.promise;
    claims.loseLease('backup:2026-01-01T03:00:00.000Z');
    // Even though the job returned 0 after its signal was aborted, it is no success.
    expect(await run).toMatchObject({ result: 'lease-lost', exitCode: 0, detail: 'the lease on backup:2026-01-01T03:00:00.000Z was lost: another replica took the slot over' });
    expect(sawAbort).toBe(true);
    expect(claims.finished.size).toBe(0);
    expect(logs().map((l) => l.msg)).toEqual(['job started', 'lease lost; aborting the run, which records nothing', 'job lost its lease; outcome not recorded']);
    expect(logs()[1]).toMatchObject({ level: 'warn', replica: 't', job: 'backup', slot: '2026-01-01T03:00:00.000Z' });
    expect(await metrics()).toContain('guardrails_scheduler_runs_total{job="guardrails_backup",result="lease_lost"} 1');
    expect(await metrics()).toContain('guardrails_scheduler_runs_total{job="guardrails_backup",result="success"} 0');
  });

  it('takes over a slot whose lease expired, logging the replica it came from, and counts it', async () => {
    const seen: string[] = [];
    const { scheduler, claims, logs, metrics } = setup({ backup: async ({ slot }) => void seen.push(slot), drift: async () => {} });
    claims.expiredSlots.push({ job: 'backup', slot: '2026-01-01T02:00:00.000Z', owner: 'dead-replica', attempt: 1 });
    await scheduler.takeOverExpired();
    await expect.poll(() => claims.finished.get('backup:2026-01-01T02:00:00.000Z')).toEqual({ status: 'succeeded', detail: undefined });
    expect(seen).toEqual(['2026-01-01T02:00:00.000Z']);
    expect(logs()[0]).toMatchObject({
      level: 'warn', msg: 'slot taken over: the lease of the replica running it expired', replica: 't', job: 'backup', slot: '2026-01-01T02:00:00.000Z', previousOwner: 'dead-replica', attempt: 2,
    });
    expect(logs()[1]).toMatchObject({ msg: 'job started', attempt: 2 });
    expect(await metrics()).toContain('guardrails_scheduler_lease_takeovers_total{job="guardrails_backup"} 1');
    expect(await metrics()).toContain('guardrails_scheduler_lease_takeovers_total{job="guardrails_drift"} 0');
  });

  it("serves the metrics each job's run published: gauges of the last run, counters summed over the runs", async () => {
    const run = (outcome: 'success' | 'failure') => async ({ publishMetrics }: JobContext) => {
      const registry = new Registry();
      const labels = { job: 'guardrails_backup' };
      if (outcome === 'success') new Gauge({ name: 'guardrails_job_last_success_timestamp_seconds', help: 'Last success.', labelNames: ['job'], registers: [registry] }).set(labels, 100);
      new Gauge({ name: 'guardrails_job_duration_seconds', help: 'Duration.', labelNames: ['job'], registers: [registry] }).set(labels, outcome === 'success' ? 3 : 7);
      const runs = new Counter({ name: 'guardrails_job_runs_total', help: 'Runs.', labelNames: ['job', 'outcome'], registers: [registry] });
      runs.inc({ ...labels, outcome: 'success' }, outcome === 'success' ? 1 : 0);
      runs.inc({ ...labels, outcome: 'failure' }, outcome === 'failure' ? 1 : 0);
      publishMetrics?.(registry);
      return outcome === 'success' ? 0 : 1;
    };
    let next: 'success' | 'failure' = 'success';
    const { scheduler, metrics } = setup({ backup: (ctx) => run(next)(ctx) });
    await scheduler.runSlot('backup', new Date('2026-01-01T03:00:00Z'));
    next = 'failure';
    await scheduler.runSlot('backup', new Date('2026-01-01T03:01:00Z'));
    await expect.poll(metrics).toContain('guardrails_job_runs_total{job="guardrails_backup",outcome="failure"} 1');
    const text = await metrics();
    expect(text).toContain('guardrails_job_runs_total{job="guardrails_backup",outcome="success"} 1');
    expect(text).toContain('guardrails_job_duration_seconds{job="guardrails_backup"} 7');
    // The failed run carried no last success: the one before it stays.
    expect(text).toContain('guardrails_job_last_success_timestamp_seconds{job="guardrails_backup"} 100');
    expect(text.match(/^# TYPE guardrails_job_runs_total counter$/gm)).toHaveLength(1);
  });

  it('catches up the slots missed since the last claimed one by the job\'s policy, and none for a job that never ran', async () => {
    const seen: string[] = [];
    // The clock starts at 2026-01-01T03:00:02.5Z; the last claimed slot was three hours before.
    const { scheduler, claims, logs } = setup({ hourly: async ({ slot }) => void seen.push(slot) }, { cron: '0 * * * *', catchUp: 'all' });
    await scheduler.catchUp();
    expect(seen).toEqual([]);
    claims.lastClaimed = new Date('2026-01-01T00:00:00Z');
    await scheduler.catchUp();
    expect(seen).toEqual(['2026-01-01T01:00:00.000Z', '2026-01-01T02:00:00.000Z', '2026-01-01T03:00:00.000Z']);
    expect(logs()[0]).toMatchObject({ msg: 'catching up missed slots', job: 'hourly', policy: 'all', lastSlot: '2026-01-01T00:00:00.000Z' });
  });

  it('with overlap: queue-one, queues one slot behind the running one, runs it when that ends, and skips the rest', async () => {
    const gates = [deferred(), deferred()];
    const started = [deferred(), deferred()];
    const seen: string[] = [];
    const { scheduler, metrics, logs } = setup({
      slow: async ({ slot }) => {
        const n = seen.push(slot) - 1;
        started[n]?.resolve();
        await gates[n]?.promise;
      },
    }, { overlap: 'queue-one' });
    const first = scheduler.runSlot('slow', new Date('2026-01-01T03:00:00Z'));
    await started[0]!.promise;
    expect(await scheduler.runSlot('slow', new Date('2026-01-01T03:01:00Z'))).toMatchObject({ result: 'queued' });
    expect(await scheduler.runSlot('slow', new Date('2026-01-01T03:02:00Z'))).toMatchObject({ result: 'overlap' });
    gates[0]!.resolve();
    await first;
    await started[1]!.promise;
    gates[1]!.resolve();
    await expect.poll(() => logs().filter((l) => l.msg === 'job succeeded').length).toBe(2);
    expect(seen).toEqual(['2026-01-01T03:00:00.000Z', '2026-01-01T03:01:00.000Z']);
    expect(logs().find((l) => l.msg === 'a run of the job is still going; slot queued to run after it')).toMatchObject({ job: 'slow', slot: '2026-01-01T03:01:00.000Z' });
    const text = await metrics();
    expect(text).toContain('guardrails_scheduler_slots_queued_total{job="guardrails_slow"} 1');
    expect(text).toContain('guardrails_scheduler_slots_skipped_total{job="guardrails_slow",reason="overlap"} 1');
    expect(text).toContain('guardrails_scheduler_runs_total{job="guardrails_slow",result="success"} 2');
  });

  it('refuses a configured job that has no function: the caller validates names first', () => {
    const config = parseScheduleConfig({ jobs: { restore: { cron: '0 0 * * *' } } });
    expect(() => new Scheduler({ config, jobs: { backup: async () => {} }, claims: new MemoryClaimStore(), logger: jsonLogger(() => {}) }))
      .toThrow('the job table has no function for restore');
  });
});
