/**
 * The scheduler's own metrics, through prom-client: one registry per scheduler, series labelled with the job's
 * label (`guardrails_backup`), every known series exported from the start (0 until something happens). /metrics
 * serves them together with the metrics of the last run of each job (last-run-metrics.ts); /healthz gets a JSON
 * summary per job.
 */
import type { Counter, Gauge, Registry } from 'prom-client';
import { promClient } from './prom-client.js';
import { jobLabel } from './job-metrics.js';
import { LastRunMetrics } from './last-run-metrics.js';

/** How a run that started ended. */
export type RunResult = 'succeeded' | 'failed' | 'timed-out' | 'interrupted' | 'lease-lost';
/** Why a slot did not run here. */
export type SkipReason = 'claimed-elsewhere' | 'overlap' | 'attempts-exhausted';
/** A slot that waits for the job's running slot to end (`overlap: queue-one`). */
export type Deferral = 'queued';

const RESULT_LABEL: Readonly<Record<RunResult, string>> = {
  succeeded: 'success', failed: 'failure', 'timed-out': 'timeout', interrupted: 'interrupted', 'lease-lost': 'lease_lost',
};
const REASON_LABEL: Readonly<Record<SkipReason, string>> = {
  'claimed-elsewhere': 'claimed_elsewhere', overlap: 'overlap', 'attempts-exhausted': 'attempts_exhausted',
};

export const SCHEDULER_METRIC = {
  running: 'guardrails_job_running',
  slotStart: 'guardrails_scheduler_slot_start_timestamp_seconds',
  slotTimeout: 'guardrails_scheduler_slot_timeout_seconds',
  runs: 'guardrails_scheduler_runs_total',
  skipped: 'guardrails_scheduler_slots_skipped_total',
  takeovers: 'guardrails_scheduler_lease_takeovers_total',
  queued: 'guardrails_scheduler_slots_queued_total',
} as const;

export interface ScheduledJob {
  readonly name: string;
  readonly timeoutSeconds: number;
}

interface JobHealth {
  running: boolean;
  lastSuccess?: Date;
  lastFailure?: Date;
  lastDurationSeconds?: number;
}

export class SchedulerMetrics {
  readonly registry = new (promClient().Registry)();
  private readonly lastRuns = new LastRunMetrics();
  private readonly health = new Map<string, JobHealth>();
  private readonly running: Gauge<'job'>;
  private readonly slotStart: Gauge<'job'>;
  private readonly runs: Counter<'job' | 'result'>;
  private readonly skips: Counter<'job' | 'reason'>;
  private readonly takeovers: Counter<'job'>;
  private readonly queue: Counter<'job'>;

  constructor(jobs: readonly ScheduledJob[]) {
    const { Counter, Gauge } = promClient();
    const registers = [this.registry];
    this.running = new Gauge({ name: SCHEDULER_METRIC.running, help: '1 while a run of the job holds its claim on this replica.', labelNames: ['job'], registers });
    this.slotStart = new Gauge({ name: SCHEDULER_METRIC.slotStart, help: 'Unix time the running claimed slot of the job started on this replica; 0 when idle.', labelNames: ['job'], registers });
    const timeout = new Gauge({ name: SCHEDULER_METRIC.slotTimeout, help: 'How long a slot of the job may run before the scheduler aborts it, in seconds.', labelNames: ['job'], registers });
    this.runs = new Counter({ name: SCHEDULER_METRIC.runs, help: 'Runs of the job on this replica by result: success, failure, timeout, interrupted (stopped), lease_lost.', labelNames: ['job', 'result'], registers });
    this.skips = new Counter({ name: SCHEDULER_METRIC.skipped, help: 'Slots of the job not run on this replica, by reason: claimed_elsewhere, overlap, attempts_exhausted.', labelNames: ['job', 'reason'], registers });
    this.takeovers = new Counter({ name: SCHEDULER_METRIC.takeovers, help: 'Slots of the job this replica took over from a replica whose lease expired.', labelNames: ['job'], registers });
    this.queue = new Counter({ name: SCHEDULER_METRIC.queued, help: 'Slots of the job queued on this replica behind a run still going (overlap: queue-one).', labelNames: ['job'], registers });
    for (const { name, timeoutSeconds } of jobs) {
      const job = jobLabel(name);
      this.health.set(name, { running: false });
      this.running.set({ job }, 0);
      this.slotStart.set({ job }, 0);
      timeout.set({ job }, timeoutSeconds);
      for (const result of Object.values(RESULT_LABEL)) this.runs.inc({ job, result }, 0);
      for (const reason of Object.values(REASON_LABEL)) this.skips.inc({ job, reason }, 0);
      this.takeovers.inc({ job }, 0);
      this.queue.inc({ job }, 0);
    }
  }

  private stats(job: string): JobHealth {
    const s = this.health.get(job);
    if (!s) throw new Error(`unknown job ${job}`);
    return s;
  }

  started(job: string, at: Date): void {
    this.stats(job).running = true;
    this.running.set({ job: jobLabel(job) }, 1);
    this.slotStart.set({ job: jobLabel(job) }, at.getTime() / 1000);
  }

  finished(job: string, result: RunResult, seconds: number, at: Date): void {
    const s = this.stats(job);
    s.running = false;
    s.lastDurationSeconds = seconds;
    if (result === 'succeeded') s.lastSuccess = at;
    else s.lastFailure = at;
    this.running.set({ job: jobLabel(job) }, 0);
    this.slotStart.set({ job: jobLabel(job) }, 0);
    this.runs.inc({ job: jobLabel(job), result: RESULT_LABEL[result] });
  }

  skipped(job: string, reason: SkipReason): void {
    this.skips.inc({ job: jobLabel(job), reason: REASON_LABEL[reason] });
  }

  tookOver(job: string): void {
    this.takeovers.inc({ job: jobLabel(job) });
  }

  queued(job: string): void {
    this.queue.inc({ job: jobLabel(job) });
  }

  /** The registry one run of `job` published through its command (CliIo.onJobMetrics). */
  async recordRun(job: string, registry: Registry): Promise<void> {
    await this.lastRuns.record(job, registry);
  }

  /** The text exposition of the scheduler's metrics and of the last run of each job. */
  async exposition(): Promise<{ readonly contentType: string; readonly text: string }> {
    const merged = promClient().Registry.merge([this.registry, this.lastRuns.registry()]);
    return { contentType: merged.contentType, text: await merged.metrics() };
  }

  healthSummary(): Record<string, unknown> {
    return Object.fromEntries([...this.health.entries()].map(([job, s]) => [job, {
      running: s.running, lastSuccess: s.lastSuccess?.toISOString() ?? null, lastFailure: s.lastFailure?.toISOString() ?? null,
      lastDurationSeconds: s.lastDurationSeconds ?? null,
    }]));
  }
}
