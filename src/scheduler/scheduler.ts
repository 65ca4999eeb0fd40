/**
 * Runs configured jobs on node-cron, one replica per (job, slot) through the claim store. Every third of the lease
 * it also looks for slots left `running` by a replica whose lease expired, and takes them over. A run is aborted
 * when its timeout passes or its lease is lost (then nothing is recorded, and another replica completes the slot).
 * A stop aborts every running job at once (they start no new write and undo temporary state), waits a bounded
 * time for them to settle, and records each claim as `interrupted`.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Registry } from 'prom-client';
import { missedSlots } from './catch-up.js';
import type { Claim, ClaimStore, FinalStatus } from './claims.js';
import { DEFAULT_TIMEOUT_SECONDS, type ScheduleConfig } from './config.js';
import { withDeadline } from './deadline.js';
import { describeError, guardedRun } from './guarded-run.js';
import type { JobTable } from './jobs.js';
import { cronLogger, type Logger } from './logging.js';
import { SchedulerMetrics, type Deferral, type RunResult, type SkipReason } from './metrics.js';

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
  readonly result: RunResult | SkipReason | Deferral | 'not-claimed';
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
  private sweeper: NodeJS.Timeout | undefined;
  /** Per job with `overlap: queue-one`, the one slot waiting for the job's running slot to end. */
  private readonly pending = new Map<string, Date>();

  constructor(private readonly opts: SchedulerOptions) {
    const enabled = this.enabledJobs();
    const missing = enabled.filter(([name]) => !opts.jobs[name]).map(([name]) => name);
    // The config was validated against the job table; a gap here is a bug in the caller.
    if (missing.length > 0) throw new Error(`the job table has no function for ${missing.join(', ')}`);
    this.metrics = new SchedulerMetrics(enabled.map(([name, job]) => ({ name, timeoutSeconds: job.timeout })));
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
    // At once too: a replica starting after every replica went down finds their slots.
    void this.takeOverExpired();
    void this.catchUp();
    this.sweeper = setInterval(() => void this.takeOverExpired(), (this.opts.config.lease * 1000) / 3);
    this.sweeper.unref();
  }

  /**
   * Runs the slots each job missed while no replica ran, by its `catchUp` policy, oldest first. Every replica
   * starting computes the same slots; the claims run each once.
   */
  async catchUp(): Promise<void> {
    const before = (this.opts.now ?? (() => new Date()))();
    await Promise.all(this.enabledJobs().filter(([, job]) => job.catchUp !== 'skip').map(async ([name, job]) => {
      const log = this.opts.logger.child({ job: name });
      let after;
      try {
        after = await this.opts.claims.lastSlot(name);
      } catch (e) {
        log.log('warn', 'cannot read the last claimed slot; missed slots are not caught up', { error: e });
        return;
      }
      // A job that never had a slot missed nothing.
      if (after === undefined) return;
      const slots = missedSlots({ cron: job.cron, timezone: job.timezone ?? this.opts.config.timezone, after, before, policy: job.catchUp });
      if (slots.length === 0) return;
      log.log('info', 'catching up missed slots', { policy: job.catchUp, slots: slots.map((s) => s.toISOString()), lastSlot: after.toISOString() });
      for (const slot of slots) if ((await this.runSlot(name, slot)) === undefined) return;
    }));
  }

  /** Runs the slots whose replica's lease expired (it died mid-run), one per job not already running here. */
  async takeOverExpired(): Promise<void> {
    if (this.stopping) return;
    let expired;
    try {
      expired = await this.opts.claims.expired(this.enabledJobs().map(([name]) => name));
    } catch (e) {
      this.opts.logger.log('warn', 'cannot look for expired leases; trying again in a third of the lease', { error: e });
      return;
    }
    for (const job of this.pending.keys()) if (!this.running.has(job)) void this.runPending(job);
    const seen = new Set<string>();
    for (const slot of expired) {
      if (seen.has(slot.job) || this.running.has(slot.job)) continue;
      seen.add(slot.job);
      void this.runSlot(slot.job, new Date(slot.slot), [], true);
    }
  }

  /** Tries to claim the job's queued slot now; it queues itself again while the other run goes on. */
  private async runPending(job: string): Promise<void> {
    const at = this.pending.get(job);
    if (at === undefined || this.stopping) return;
    this.pending.delete(job);
    await this.runSlot(job, at, [], false, true);
  }

  get state(): 'running' | 'stopping' {
    return this.stopping ? 'stopping' : 'running';
  }

  /**
   * Claims and runs one slot of `job`; the slot is the cron match time, identical on every replica. A take-over
   * that does not win is quiet (the sweep tries again), so skips count and log the slot's own firing only.
   */
  async runSlot(job: string, at: Date, extraArgs: readonly string[] = [], takeOver = false, requeued = false): Promise<RunOutcome | undefined> {
    if (this.stopping) return undefined;
    const slot = new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
    const log = this.opts.logger.child({ job, slot });
    if (this.running.has(job)) {
      if (this.enqueue(job, at, log, requeued)) return { job, slot, result: 'queued' };
      this.metrics.skipped(job, 'overlap');
      log.log('warn', 'previous run still going on this replica; slot skipped');
      return { job, slot, result: 'overlap' };
    }
    const run: ActiveRun = { job, slot, abort: new AbortController(), done: Promise.resolve({ job, slot, result: 'not-claimed' }) };
    run.done = this.claimAndRun(run, [...(this.opts.config.jobs[job]?.args ?? []), ...extraArgs], log, takeOver, requeued);
    this.running.set(job, run);
    try {
      return await run.done;
    } finally {
      this.running.delete(job);
      if (this.pending.has(job)) void this.runPending(job);
    }
  }

  /** Queues the slot when the job queues one and none waits yet; a slot coming back from the queue always fits. */
  private enqueue(job: string, at: Date, log: Logger, requeued: boolean): boolean {
    if (this.opts.config.jobs[job]?.overlap !== 'queue-one' || this.pending.has(job)) return false;
    this.pending.set(job, at);
    if (!requeued) {
      this.metrics.queued(job);
      log.log('info', 'a run of the job is still going; slot queued to run after it');
    }
    return true;
  }

  private async claimAndRun(run: ActiveRun, args: string[], log: Logger, takeOver: boolean, requeued: boolean): Promise<RunOutcome> {
    const { job, slot } = run;
    const queues = this.opts.config.jobs[job]?.overlap === 'queue-one';
    let result;
    try {
      result = await this.opts.claims.claim(job, slot, { wait: queues && !takeOver });
    } catch (e) {
      log.log('error', 'cannot claim the slot; not running (fail closed)', { error: e });
      return { job, slot, result: 'not-claimed', detail: describeError(e) };
    }
    if (!result.won) {
      const { reason } = result;
      if (reason === 'busy') {
        if (this.enqueue(job, new Date(slot), log, requeued)) return { job, slot, result: 'queued' };
        this.metrics.skipped(job, 'overlap');
        log.log('info', 'an earlier run is still going and a slot is already queued; slot skipped');
        return { job, slot, result: 'overlap' };
      }
      if (takeOver && reason !== 'attempts-exhausted') {
        log.log('debug', 'expired slot not taken over now', { reason });
        return { job, slot, result: reason };
      }
      this.metrics.skipped(job, reason);
      if (reason === 'attempts-exhausted') log.log('error', 'slot given up: its lease expired on every attempt; it is recorded failed');
      else log.log('info', reason === 'overlap' ? 'an earlier run is still going on another replica; slot skipped' : 'slot claimed by another replica');
      return { job, slot, result: reason };
    }
    const claim = result.claim;
    run.claim = claim;
    if (claim.takenOverFrom !== undefined) {
      this.metrics.tookOver(job);
      log.log('warn', 'slot taken over: the lease of the replica running it expired', { previousOwner: claim.takenOverFrom, attempt: claim.attempt });
    }
    if (run.abort.signal.aborted) {
      // Claimed while the stop began: the job never starts.
      const detail = 'not started: the scheduler was stopping';
      await this.record(claim, 'interrupted', detail, log);
      log.log('warn', 'job interrupted', { detail });
      return { job, slot, result: 'interrupted', detail };
    }
    const now = this.opts.now ?? (() => new Date());
    const started = now();
    this.metrics.started(job, started);
    log.log('info', 'job started', { args, ...(claim.attempt > 1 ? { attempt: claim.attempt } : {}) });
    const end = await guardedRun({
      run: (signal) => this.opts.jobs[job]!({ slot, args, signal, log, publishMetrics: (registry) => this.publish(job, registry, log) }),
      stop: run.abort.signal,
      lost: claim.lost,
      timeoutSeconds: this.opts.config.jobs[job]?.timeout ?? DEFAULT_TIMEOUT_SECONDS,
      log,
    });
    const ended = now();
    const durationSeconds = (ended.getTime() - started.getTime()) / 1000;
    const { exitCode } = end;
    let { ending, detail } = end;
    if (ending !== 'lease-lost' && (await this.record(claim, ending, detail, log)) === 'lease-lost') {
      ending = 'lease-lost';
      detail = 'the slot was taken over by another replica before this run finished';
    }
    this.metrics.finished(job, ending, durationSeconds, ended);
    const outcome: RunOutcome = {
      job, slot, result: ending, durationSeconds,
      ...(exitCode !== undefined ? { exitCode } : {}), ...(detail !== undefined ? { detail } : {}),
    };
    const level = ending === 'succeeded' ? 'info' : ending === 'failed' ? 'error' : 'warn';
    log.log(level, `job ${ending === 'lease-lost' ? 'lost its lease; outcome not recorded' : ending}`, {
      durationSeconds, ...(exitCode !== undefined ? { exitCode } : {}), ...(detail ? { detail } : {}),
    });
    return outcome;
  }

  private publish(job: string, registry: Registry, log: Logger): void {
    this.metrics.recordRun(job, registry).catch((e: unknown) => log.log('warn', "could not keep the run's metrics for /metrics", { error: e }));
  }

  /** Records the claim's outcome; a claim whose lease was lost writes nothing (finish only stops its renewals). */
  private async record(claim: Claim, status: FinalStatus, detail: string | undefined, log: Logger): Promise<'recorded' | 'lease-lost' | 'error'> {
    const deadline = this.stopping ? (this.opts.claimDeadlineMs ?? 1000) : undefined;
    const write = claim.finish(status, detail);
    return (deadline === undefined ? write : withDeadline(write, deadline, 'recording the claim')).catch((e: unknown) => {
      log.log('error', 'could not record the outcome of the claim', { error: e, status });
      return 'error' as const;
    });
  }

  /**
   * Stops firing and aborts every running job at once; waits up to `waitMs` for them to settle, then records the
   * claims of those that did not as interrupted. Resolves with what was running and what became of it.
   */
  async stop(waitMs: number, reason = 'stop'): Promise<StoppedRun[]> {
    this.stopping = true;
    clearInterval(this.sweeper);
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
