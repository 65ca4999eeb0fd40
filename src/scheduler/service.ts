/**
 * The scheduler's three modes as typed functions: list the next runs, serve until the signal aborts, or run one
 * job now. They take a validated config and their dependencies (claim store, job table, logger, signal); they
 * never read argv, the environment or exit codes.
 */
import cron from 'node-cron';
import type { ClaimStore } from './claims.js';
import { DEFAULT_TIMEOUT_SECONDS, type ScheduleConfig } from './config.js';
import { withDeadline } from './deadline.js';
import { ScheduleError } from './errors.js';
import type { JobTable } from './jobs.js';
import type { Logger } from './logging.js';
import { Scheduler, type RunOutcome, type StoppedRun } from './scheduler.js';
import { startStatusServer, type StatusServer } from './status-server.js';

export interface ListedJob {
  readonly name: string;
  readonly cron: string;
  readonly timezone: string;
  readonly enabled: boolean;
  readonly args: readonly string[];
  /** The next three runs, ISO UTC. */
  readonly next: readonly string[];
}

export function listSchedule(config: ScheduleConfig): ListedJob[] {
  return Object.entries(config.jobs).map(([name, job]) => {
    const timezone = job.timezone ?? config.timezone;
    const task = cron.createTask(job.cron, () => {}, { timezone, name: `list-${name}` });
    const next = task.getNextRuns(3).map((d) => d.toISOString());
    void task.destroy();
    return { name, cron: job.cron, timezone, enabled: job.enabled, args: job.args, next };
  });
}

export interface SchedulerDeps {
  readonly jobs: JobTable;
  /** Opened and closed by the caller; migrated here. */
  readonly claims: ClaimStore;
  readonly logger: Logger;
  /** Aborted to stop: no slot fires after it, and running jobs get their own signals aborted. */
  readonly signal: AbortSignal;
  readonly now?: () => Date;
}

export interface ServeOptions {
  readonly config: ScheduleConfig;
  /** The status port; 0 picks a free one. */
  readonly port: number;
  /** Names the port's source in messages: `--port` or `schedule.port`. */
  readonly portSource?: string;
}

export interface ServeResult {
  readonly port: number;
  /** Why it stopped: the signal's reason. */
  readonly stoppedBy: string;
  /** The runs that were going when the stop began. */
  readonly stopped: readonly StoppedRun[];
}

/** Serves /healthz and /metrics and runs the jobs on their schedules until `deps.signal` aborts. */
export async function serveSchedule(options: ServeOptions, deps: SchedulerDeps): Promise<ServeResult> {
  const { config } = options;
  const scheduler = new Scheduler({ config, jobs: deps.jobs, claims: deps.claims, logger: deps.logger, ...(deps.now ? { now: deps.now } : {}) });
  const status = await listen(options, scheduler);
  try {
    await migrate(deps.claims, config);
    scheduler.start();
    deps.logger.log('info', 'scheduler started', { port: status.port, jobs: Object.keys(config.jobs).filter((n) => config.jobs[n]!.enabled) });
    const stoppedBy = await aborted(deps.signal);
    deps.logger.log('info', 'stopping', { reason: stoppedBy });
    const stopped = await scheduler.stop(config.shutdownTimeoutSeconds * 1000, stoppedBy);
    deps.logger.log(stopped.length > 0 ? 'warn' : 'info', 'scheduler stopped', { reason: stoppedBy, runs: stopped.map(describeStopped) });
    return { port: status.port, stoppedBy, stopped };
  } finally {
    await withDeadline(status.close(), 1000, 'closing the status server').catch((e: unknown) => deps.logger.log('warn', 'closing the status server failed', { error: e }));
  }
}

export interface RunNowOptions {
  readonly config: ScheduleConfig;
  readonly job: string;
  /** Appended to the job's configured args. */
  readonly extraArgs: readonly string[];
}

/**
 * Runs one job now, claimed for the current minute (so parallel CronJob pods run it once). On abort the job's own
 * signal is aborted at once and it gets `shutdownTimeoutSeconds` to settle.
 */
export async function runJobNow(options: RunNowOptions, deps: SchedulerDeps): Promise<RunOutcome> {
  const entry = options.config.jobs[options.job] ?? { cron: '* * * * *', enabled: true, args: [], domAndDow: false, timeout: DEFAULT_TIMEOUT_SECONDS, catchUp: 'skip' as const, overlap: 'skip' as const };
  // One run and exit: nothing would be left to run a queued slot, so an overlap is skipped.
  const config: ScheduleConfig = { ...options.config, jobs: { [options.job]: { ...entry, enabled: true, overlap: 'skip' } } };
  const scheduler = new Scheduler({ config, jobs: deps.jobs, claims: deps.claims, logger: deps.logger, ...(deps.now ? { now: deps.now } : {}) });
  const now = deps.now ?? (() => new Date());
  const minute = new Date(Math.floor(now().getTime() / 60_000) * 60_000);
  const slot = minute.toISOString();
  await migrate(deps.claims, config);
  if (deps.signal.aborted) return { job: options.job, slot, result: 'interrupted', detail: 'not started: stopped before the claim' };
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<StoppedRun[]>((resolve) => {
    onAbort = () => resolve(scheduler.stop(config.shutdownTimeoutSeconds * 1000, reasonOf(deps.signal)));
    deps.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const abandoned: RunOutcome = { job: options.job, slot, result: 'interrupted', detail: `did not settle within ${config.shutdownTimeoutSeconds} s of the stop; abandoned` };
    const run = scheduler.runSlot(options.job, minute, options.extraArgs);
    const outcome = (await Promise.race([run, stopped.then(([only]) => only?.outcome ?? abandoned)])) ?? abandoned;
    if (deps.signal.aborted) {
      const runs = await stopped;
      deps.logger.log('warn', 'run stopped', { reason: reasonOf(deps.signal), runs: runs.map(describeStopped) });
    }
    if (outcome.result === 'not-claimed') throw new ScheduleError('unavailable', `cannot claim ${options.job} for ${slot} in the claims database: ${outcome.detail || 'unknown error'}`);
    return outcome;
  } finally {
    if (onAbort) deps.signal.removeEventListener('abort', onAbort);
  }
}

function describeStopped(run: StoppedRun): Record<string, unknown> {
  return { job: run.job, slot: run.slot, ending: run.ending, result: run.outcome?.result ?? 'interrupted', ...(run.outcome?.detail ? { detail: run.outcome.detail } : {}) };
}

async function listen(options: ServeOptions, scheduler: Scheduler): Promise<StatusServer> {
  try {
    return await startStatusServer(options.port, scheduler.metrics, () => scheduler.state);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const where = `${options.portSource ?? 'port'} ${options.port}`;
    if (code === 'EADDRINUSE') throw new ScheduleError('port', `${where} is already in use; choose another with --port (0 picks a free one)`, { cause: e });
    if (code === 'EACCES') throw new ScheduleError('port', `${where} may not be opened by this user; use a port above 1023`, { cause: e });
    throw e;
  }
}

async function migrate(claims: ClaimStore, config: ScheduleConfig): Promise<void> {
  try {
    await claims.migrate(config.claimRetentionDays);
  } catch (e) {
    throw new ScheduleError('unavailable', `the claims database cannot be used: ${describe(e)}`, { cause: e });
  }
}

/** A connection error's message; for a host with several addresses pg rejects with an AggregateError without one. */
function describe(e: unknown): string {
  if (e instanceof AggregateError && e.message === '') return e.errors.map(describe).join('; ');
  if (e instanceof Error) return e.message || String((e as NodeJS.ErrnoException).code ?? e.name);
  return String(e);
}

function aborted(signal: AbortSignal): Promise<string> {
  if (signal.aborted) return Promise.resolve(reasonOf(signal));
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(reasonOf(signal)), { once: true }));
}

/** `SIGTERM` out of the command layer's "stopped by SIGTERM". */
function reasonOf(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  const text = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : 'abort';
  return text.replace(/^stopped by /, '');
}
