/**
 * The metrics every job run publishes, whatever the job: when it last ran and last succeeded, how
 * long it took, and runs by outcome. One fresh prom-client registry per run, so nothing is shared
 * between runs or tests. Labels stay bounded: `job` (the fixed list of jobs) and `outcome`.
 */
import { Counter, Gauge, Registry } from 'prom-client';

export const JOB_OUTCOMES = ['success', 'failure', 'bad_input', 'bug', 'unavailable'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

export const JOB_METRIC = {
  lastSuccess: 'guardrails_job_last_success_timestamp_seconds',
  lastRun: 'guardrails_job_last_run_timestamp_seconds',
  duration: 'guardrails_job_duration_seconds',
  runs: 'guardrails_job_runs_total',
} as const;

/** The values a previous run left behind (the textfile), so that a counter keeps counting and a failure keeps the last success. */
export interface PreviousJobMetrics {
  readonly lastSuccessSeconds?: number;
  readonly runs?: Partial<Record<JobOutcome, number>>;
}

export interface JobRun {
  /** The `job` label and Pushgateway group: `guardrails_backup`, `guardrails_expire_snapshots`. */
  readonly job: string;
  readonly outcome: JobOutcome;
  readonly endedAt: Date;
  readonly durationSeconds: number;
  readonly previous?: PreviousJobMetrics;
}

/** The job label of a command: `expire-snapshots` → `guardrails_expire_snapshots`. */
export function jobLabel(command: string): string {
  return `guardrails_${command.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** A registry holding one run's metrics, ready for any sink. */
export function jobRunRegistry(run: JobRun): Registry {
  const registry = new Registry();
  const labels = { job: run.job };
  const lastSuccess = run.outcome === 'success' ? run.endedAt.getTime() / 1000 : run.previous?.lastSuccessSeconds;
  // Left out after a failure with no earlier success known, so a Pushgateway POST keeps the value it holds.
  if (lastSuccess !== undefined) {
    gauge(registry, JOB_METRIC.lastSuccess, 'Unix time of the last successful run of the job.').set(labels, lastSuccess);
  }
  gauge(registry, JOB_METRIC.lastRun, 'Unix time the last run of the job ended, whatever its outcome.').set(labels, run.endedAt.getTime() / 1000);
  gauge(registry, JOB_METRIC.duration, 'How long the last run of the job took, in seconds.').set(labels, run.durationSeconds);
  const runs = new Counter({ name: JOB_METRIC.runs, help: 'Runs of the job by outcome (the exit contract: success 0, failure 1, bad_input 2, bug 3, unavailable 4).', labelNames: ['job', 'outcome'], registers: [registry] });
  // Every outcome exported, 0 when none, so that an expression over a failure series has something to compare.
  for (const outcome of JOB_OUTCOMES) {
    runs.inc({ ...labels, outcome }, (run.previous?.runs?.[outcome] ?? 0) + (outcome === run.outcome ? 1 : 0));
  }
  return registry;
}

function gauge(registry: Registry, name: string, help: string): Gauge<'job'> {
  return new Gauge({ name, help, labelNames: ['job'], registers: [registry] });
}

/** The outcome label of an exit code of the exit contract (docs/cli.md). */
export function outcomeOfExitCode(code: number): JobOutcome {
  return (['success', 'failure', 'bad_input', 'bug', 'unavailable'] as const)[code] ?? 'bug';
}
