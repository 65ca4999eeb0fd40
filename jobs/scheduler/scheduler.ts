/** Runs configured jobs on node-cron, one replica per (job, slot) through the claim store, with graceful stop. */
import cron, { type ScheduledTask } from 'node-cron';
import type { ClaimStore } from './claims.js';
import type { ScheduleConfig } from './config.js';
import type { JobTable } from './jobs.js';
import { cronLogger, type Logger } from './logging.js';
import { SchedulerMetrics } from './metrics.js';

export interface SchedulerOptions {
  readonly config: ScheduleConfig;
  readonly jobs: JobTable;
  readonly claims: ClaimStore;
  readonly logger: Logger;
  readonly now?: () => Date;
}

export class Scheduler {
  readonly metrics: SchedulerMetrics;
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Map<string, { promise: Promise<void>; abort: AbortController }>();
  private stopping = false;

  constructor(private readonly opts: SchedulerOptions) {
    this.metrics = new SchedulerMetrics(this.enabledJobs().map(([name]) => name));
  }

  /** Enabled jobs from config; throws naming a job that has no function in the job table. */
  enabledJobs(): Array<[string, ScheduleConfig['jobs'][string]]> {
    const entries = Object.entries(this.opts.config.jobs).filter(([, j]) => j.enabled);
    const unknown = entries.filter(([name]) => !this.opts.jobs[name]);
    if (unknown.length > 0) {
      throw new Error(`schedule.jobs.${unknown[0]![0]}: no such job; known jobs: ${Object.keys(this.opts.jobs).sort().join(', ')}`);
    }
    return entries;
  }

  start(): void {
    for (const [name, job] of this.enabledJobs()) {
      const timezone = job.timezone ?? this.opts.config.timezone;
      const task = cron.schedule(job.cron, (ctx) => this.runSlot(name, ctx.date), {
        name, timezone, noOverlap: true, logger: cronLogger(this.opts.logger.child({ job: name })),
      });
      this.tasks.push(task);
      this.opts.logger.log('info', 'job scheduled', { job: name, cron: job.cron, timezone, next: task.getNextRun()?.toISOString() });
    }
  }

  get state(): 'running' | 'stopping' {
    return this.stopping ? 'stopping' : 'running';
  }

  /** Claims and runs one slot of `job`; the slot is the cron match time, identical on every replica. */
  async runSlot(job: string, at: Date): Promise<void> {
    if (this.stopping) return;
    const slot = new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
    const log = this.opts.logger.child({ job, slot });
    if (this.running.has(job)) {
      this.metrics.skipped(job, 'overlap');
      log.log('warn', 'previous run still going on this replica; slot skipped');
      return;
    }
    const abort = new AbortController();
    const promise = this.claimAndRun(job, slot, abort.signal, log);
    this.running.set(job, { promise, abort });
    try {
      await promise;
    } finally {
      this.running.delete(job);
    }
  }

  private async claimAndRun(job: string, slot: string, signal: AbortSignal, log: Logger): Promise<void> {
    let result;
    try {
      result = await this.opts.claims.claim(job, slot);
    } catch (e) {
      log.log('error', 'cannot claim the slot; not running (fail closed)', { error: e });
      return;
    }
    if (!result.won) {
      this.metrics.skipped(job, result.reason);
      log.log('info', result.reason === 'overlap' ? 'an earlier run is still going on another replica; slot skipped' : 'slot claimed by another replica');
      return;
    }
    const now = this.opts.now ?? (() => new Date());
    const started = now();
    this.metrics.started(job);
    log.log('info', 'job started');
    let ok = false;
    let detail: string | undefined;
    try {
      const code = await this.opts.jobs[job]!({ slot, args: this.opts.config.jobs[job]?.args ?? [], signal, log });
      ok = code === undefined || code === 0;
      if (!ok) detail = `exit code ${code}`;
    } catch (e) {
      detail = e instanceof Error ? e.message : String(e);
    }
    const ended = now();
    const seconds = (ended.getTime() - started.getTime()) / 1000;
    this.metrics.finished(job, ok, seconds, ended);
    log.log(ok ? 'info' : 'error', ok ? 'job succeeded' : 'job failed', { durationSeconds: seconds, ...(detail ? { detail } : {}) });
    await result.claim.finish(signal.aborted ? 'interrupted' : ok ? 'succeeded' : 'failed', detail).catch((e: unknown) =>
      log.log('error', 'could not record the outcome of the claim', { error: e }));
  }

  /** Stops firing, waits for running jobs up to `timeoutMs`, then aborts the rest. Returns the abandoned jobs. */
  async stop(timeoutMs: number): Promise<string[]> {
    this.stopping = true;
    for (const task of this.tasks) await task.destroy();
    const pending = [...this.running.entries()];
    if (pending.length === 0) return [];
    this.opts.logger.log('info', 'waiting for running jobs', { jobs: pending.map(([n]) => n), timeoutSeconds: timeoutMs / 1000 });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
    const outcome = await Promise.race([Promise.all(pending.map(([, r]) => r.promise)).then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'done') return [];
    const abandoned = [...this.running.keys()];
    for (const name of abandoned) this.running.get(name)?.abort.abort();
    this.opts.logger.log('warn', 'shutdown timeout: jobs abandoned', { jobs: abandoned });
    return abandoned;
  }
}
