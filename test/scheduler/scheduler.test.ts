import { describe, expect, it } from 'vitest';
import { jsonLogger, MemoryClaimStore, parseScheduleConfig, Scheduler, type Claim, type ClaimStore, type JobContext } from '../../src/scheduler/index.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** In-memory claims that remember how each claim finished. */
class RecordingClaims implements ClaimStore {
  readonly finished = new Map<string, { status: string; detail: string | undefined }>();
  private readonly inner = new MemoryClaimStore();
  async migrate(): Promise<void> {}
  async claim(job: string, slot: string) {
    const result = await this.inner.claim(job, slot);
    if (!result.won) return result;
    const claim: Claim = { key: result.claim.key, finish: async (status, detail) => void this.finished.set(result.claim.key, { status, detail }) };
    return { won: true as const, claim };
  }
  async close(): Promise<void> {}
}

function setup(jobs: Record<string, (ctx: JobContext) => Promise<number | void>>) {
  const lines: string[] = [];
  const config = parseScheduleConfig({ jobs: Object.fromEntries(Object.keys(jobs).map((n) => [n, { cron: '0 3 1 1 *' }])) });
  let clock = Date.parse('2026-01-01T03:00:00Z');
  const now = () => new Date((clock += 2500));
  const claims = new RecordingClaims();
  const scheduler = new Scheduler({ config, jobs, claims, logger: jsonLogger((l) => lines.push(l), { replica: 't' }, () => new Date(0)), now });
  return { scheduler, claims, logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('Scheduler', () => {
  it('runs a slot once per replica, records success, duration and Prometheus metrics', async () => {
    const seen: string[] = [];
    const { scheduler, logs, claims } = setup({ backup: async ({ slot }) => void seen.push(slot) });
    expect(await scheduler.runSlot('backup', new Date('2026-01-01T03:00:00.420Z'))).toEqual({
      job: 'backup', slot: '2026-01-01T03:00:00.000Z', result: 'succeeded', exitCode: 0, durationSeconds: 2.5,
    });
    expect(await scheduler.runSlot('backup', new Date('2026-01-01T03:00:00.900Z'))).toMatchObject({ result: 'claimed-elsewhere' });
    expect(seen).toEqual(['2026-01-01T03:00:00.000Z']);
    expect(claims.finished.get('backup:2026-01-01T03:00:00.000Z')).toEqual({ status: 'succeeded', detail: undefined });
    const text = scheduler.metrics.prometheus();
    expect(text).toContain('guardrails_job_last_success_timestamp_seconds{job="backup"} 1767236405');
    expect(text).toContain('guardrails_job_last_duration_seconds{job="backup"} 2.5');
    expect(text).toContain('guardrails_job_runs_total{job="backup",result="succeeded"} 1');
    expect(text).toContain('guardrails_job_runs_total{job="backup",result="claimed-elsewhere"} 1');
    expect(logs().map((l) => l.msg)).toEqual(['job started', 'job succeeded', 'slot claimed by another replica']);
    expect(logs()[1]).toMatchObject({ level: 'info', replica: 't', job: 'backup', slot: '2026-01-01T03:00:00.000Z', durationSeconds: 2.5 });
  });

  it('counts a non-zero exit code or a throw as failure, and keeps the exit code', async () => {
    const { scheduler, logs, claims } = setup({ a: async () => 4, b: async () => { throw new Error('registry unreachable'); } });
    expect(await scheduler.runSlot('a', new Date('2026-01-01T03:00:00Z'))).toMatchObject({ result: 'failed', exitCode: 4, detail: 'exit code 4' });
    expect(await scheduler.runSlot('b', new Date('2026-01-01T03:00:00Z'))).toMatchObject({ result: 'failed', detail: 'registry unreachable' });
    expect(logs().filter((l) => l.msg === 'job failed').map((l) => l.detail)).toEqual(['exit code 4', 'registry unreachable']);
    expect([...claims.finished.values()].map((f) => f.status)).toEqual(['failed', 'failed']);
    expect(scheduler.metrics.prometheus()).toContain('guardrails_job_runs_total{job="b",result="failed"} 1');
  });

  it('skips a slot while the previous run of the same job is still going on this replica', async () => {
    const gate = deferred();
    let runs = 0;
    const { scheduler } = setup({ slow: async () => { runs++; await gate.promise; } });
    const first = scheduler.runSlot('slow', new Date('2026-01-01T03:00:00Z'));
    expect(await scheduler.runSlot('slow', new Date('2026-01-01T03:01:00Z'))).toMatchObject({ result: 'overlap' });
    gate.resolve();
    await first;
    expect(runs).toBe(1);
    expect(scheduler.metrics.prometheus()).toContain('guardrails_job_runs_total{job="slow",result="overlap"} 1');
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

  it('refuses a configured job that has no function: the caller validates names first', () => {
    const config = parseScheduleConfig({ jobs: { restore: { cron: '0 0 * * *' } } });
    expect(() => new Scheduler({ config, jobs: { backup: async () => {} }, claims: new MemoryClaimStore(), logger: jsonLogger(() => {}) }))
      .toThrow('the job table has no function for restore');
  });
});
