/**
 * Runs configured jobs on node-cron, one replica per (job, slot) through the claim store. A stop aborts every
 * running job at once (they start no new write and undo temporary state), waits a bounded time for them to
 * settle, and records each claim as `interrupted`.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Claim, ClaimStore } from './claims.js';
import type { ScheduleConfig } from './config.js';
import { withDeadline } from './deadline.js';
import type { JobTable } from './jobs.js';
import { cronLogger, type Logger } from './logging.js';
import { SchedulerMetrics } from './metrics.js';

export interface SchedulerOptions {
  readonly config: ScheduleConfig;
  readonly jobs: JobTable;
  readonly claims: ClaimStore;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** How long recording one claim may take during a stop. */
  readonly claimDeadlineMs?: number;
}

/** What became of one slot on this replica. */
export interface RunOutcome {
  readonly job: string;
  readonly slot: string;
  readonly result: 'succeeded' | 'failed' | 'interrupted' | 'claimed-elsewhere' | 'overlap' | 'not-claimed';
  /** The job's exit code, when it returned one. */
  readonly exitCode?: number;
  readonly detail?: string;
  readonly durationSeconds?: number;
}

/** A run that was going when the stop began, and what the stop did with it. */
export interface StoppedRun {
  readonly job: string;
  readonly slot: string;
  /** `settled`: the job returned after its signal was aborted; `abandoned`: it had not within the wait. */
  readonly ending: 'settled' | 'abandoned';
  readonly outcome?: RunOutcome;
}

interface ActiveRun {
  readonly job: string;
  readonly slot: string;
  readonly abort: AbortController;
  done: Promise<RunOutcome>;
  /** Set once the slot is won: a stop records it even if the job never settles. */
  claim?: Claim;
}

export class Scheduler {
  readonly metrics: SchedulerMetrics;
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Map<string, ActiveRun>();
  private stopping = false;

  constructor(private readonly opts: SchedulerOptions) {
    const enabled = this.enabledJobs();
    const missing = enabled.filter(([name]) => !opts.jobs[name]).map(([name]) => name);
    // The config was validated against the job table; a gap here is a bug in the caller.
    if (missing.length > 0) throw new Error(`the job table has no function for ${missing.join(', ')}`);
    this.metrics = new SchedulerMetrics(enabled.map(([name]) => name));
  }

  private enabledJobs(): Array<[string, ScheduleConfig['jobs'][string]]> {
    return Object.entries(this.opts.config.jobs).filter(([, j]) => j.enabled);
  }

  start(): void {
    for (const [name, job] of this.enabledJobs()) {
      const timezone = job.timezone ?? this.opts.config.timezone;
      const task = cron.schedule(job.cron, async (ctx) => void (await this.runSlot(name, ctx.date)), {
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
  async runSlot(job: string, at: Date, extraArgs: readonly string[] = []): Promise<RunOutcome | undefined> {
    if (this.stopping) return undefined;
    const slot = new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
    const log = this.opts.logger.child({ job, slot });
    if (this.running.has(job)) {
      this.metrics.skipped(job, 'overlap');
      log.log('warn', 'previous run still going on this replica; slot skipped');
      return { job, slot, result: 'overlap' };
    }
    const run: ActiveRun = { job, slot, abort: new AbortController(), done: Promise.resolve({ job, slot, result: 'not-claimed' }) };
    run.done = this.claimAndRun(run, [...(this.opts.config.jobs[job]?.args ?? []), ...extraArgs], log);
    this.running.set(job, run);
    try {
      return await run.done;
    } finally {
      this.running.delete(job);
    }
  }

  private async claimAndRun(run: ActiveRun, args: string[], log: Logger): Promise<RunOutcome> {
    const { job, slot } = run;
    const signal = run.abort.signal;
    let result;
    try {
      result = await this.opts.claims.claim(job, slot);
    } catch (e) {
      log.log('error', 'cannot claim the slot; not running (fail closed)', { error: e });
      return { job, slot, result: 'not-claimed', detail: e instanceof Error ? e.message || e.name : String(e) };
    }
    if (!result.won) {
      this.metrics.skipped(job, result.reason);
      log.log('info', result.reason === 'overlap' ? 'an earlier run is still going on another replica; slot skipped' : 'slot claimed by another replica');
      return { job, slot, result: result.reason };
    }
    run.claim = result.claim;
    if (signal.aborted) {
      // Claimed while the stop began: the job never starts.
      const detail = 'not started: the scheduler was stopping';
      await this.record(result.claim, 'interrupted', detail, log);
      log.log('warn', 'job interrupted', { detail });
      return { job, slot, result: 'interrupted', detail };
    }
    const now = this.opts.now ?? (() => new Date());
    const started = now();
    this.metrics.started(job);
    log.log('info', 'job started', { args });
    let exitCode: number | undefined;
    let detail: string | undefined;
    try {
      const code = await this.opts.jobs[job]!({ slot, args, signal, log });
      exitCode = code ?? 0;
      if (exitCode !== 0) detail = `exit code ${exitCode}`;
    } catch (e) {
      detail = e instanceof Error ? e.message : String(e);
    }
    const ended = now();
    const durationSeconds = (ended.getTime() - started.getTime()) / 1000;
    const ok = exitCode === 0 && !signal.aborted;
    this.metrics.finished(job, ok, durationSeconds, ended);
    const outcome: RunOutcome = {
      job, slot, result: signal.aborted ? 'interrupted' : ok ? 'succeeded' : 'failed', durationSeconds,
      ...(exitCode !== undefined ? { exitCode } : {}), ...(detail !== undefined ? { detail } : {}),
    };
    log.log(ok ? 'info' : signal.aborted ? 'warn' : 'error', `job ${outcome.result}`, { durationSeconds, ...(exitCode !== undefined ? { exitCode } : {}), ...(detail ? { detail } : {}) });
    await this.record(result.claim, outcome.result === 'interrupted' ? 'interrupted' : ok ? 'succeeded' : 'failed', detail, log);
    return outcome;
  }

  private async record(claim: Claim, status: 'succeeded' | 'failed' | 'interrupted', detail: string | undefined, log: Logger): Promise<void> {
    const deadline = this.stopping ? (this.opts.claimDeadlineMs ?? 1000) : undefined;
    const write = claim.finish(status, detail);
    await (deadline === undefined ? write : withDeadline(write, deadline, 'recording the claim')).catch((e: unknown) =>
      log.log('error', 'could not record the outcome of the claim', { error: e, status }));
  }

  /**
   * Stops firing and aborts every running job at once; waits up to `waitMs` for them to settle, then records the
   * claims of those that did not as interrupted. Resolves with what was running and what became of it.
   */
  async stop(waitMs: number, reason = 'stop'): Promise<StoppedRun[]> {
    this.stopping = true;
    for (const task of this.tasks) await task.destroy();
    const pending = [...this.running.values()];
    if (pending.length === 0) return [];
    for (const run of pending) run.abort.abort(new Error(`stopped by ${reason}`));
    this.opts.logger.log('warn', 'stopping: running jobs aborted; waiting for them to settle', {
      jobs: pending.map((r) => ({ job: r.job, slot: r.slot })), waitSeconds: waitMs / 1000,
    });
    const settled = new Map<ActiveRun, RunOutcome>();
    await withDeadline(Promise.all(pending.map((r) => r.done.then((o) => settled.set(r, o)))), waitMs, 'waiting for jobs').catch(() => {});
    const stopped: StoppedRun[] = [];
    for (const run of pending) {
      const outcome = settled.get(run);
      if (outcome) {
        stopped.push({ job: run.job, slot: run.slot, ending: 'settled', outcome });
        continue;
      }
      const detail = `did not settle within ${waitMs / 1000} s of the ${reason}; abandoned`;
      const log = this.opts.logger.child({ job: run.job, slot: run.slot });
      if (run.claim) await this.record(run.claim, 'interrupted', detail, log);
      log.log('error', 'job abandoned', { detail });
      stopped.push({ job: run.job, slot: run.slot, ending: 'abandoned' });
    }
    return stopped;
  }
}
