/**
 * The registry of one job run: the metrics every job publishes (when it last ran and last
 * succeeded, how long it took, runs by outcome) and the job's own samples, every family declared
 * in job-metric-catalogue.ts. One fresh prom-client registry per run, so nothing is shared between
 * runs or tests. Labels stay bounded: `job` (the fixed list of jobs) and the catalogue's own.
 */
import type { Counter, Gauge, Registry } from 'prom-client';
import { promClient } from './prom-client.js';
import { JOB_METRIC_FAMILIES, type JobMetricFamily, type JobMetricKey, type JobSample } from './job-metric-catalogue.js';

export { JOB_METRIC_FAMILIES, JOB_METRIC_NAMES, type JobSample } from './job-metric-catalogue.js';

export const JOB_OUTCOMES = ['success', 'failure', 'bad_input', 'bug', 'unavailable'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

export const JOB_METRIC = {
  lastSuccess: JOB_METRIC_FAMILIES.lastSuccess.name,
  lastRun: JOB_METRIC_FAMILIES.lastRun.name,
  duration: JOB_METRIC_FAMILIES.duration.name,
  runs: JOB_METRIC_FAMILIES.runs.name,
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
  /** The job's own metrics, from its typed result; what a failed run knew. */
  readonly samples?: readonly JobSample[];
}

/** The job label of a command: `expire-snapshots` → `guardrails_expire_snapshots`. */
export function jobLabel(command: string): string {
  return `guardrails_${command.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** A registry holding one run's metrics, ready for any sink. */
export function jobRunRegistry(run: JobRun): Registry {
  const registry = new (promClient().Registry)();
  const families = new Families(registry);
  const job = { job: run.job };
  const lastSuccess = run.outcome === 'success' ? run.endedAt.getTime() / 1000 : run.previous?.lastSuccessSeconds;
  // Left out after a failure with no earlier success known, so a Pushgateway POST keeps the value it holds.
  if (lastSuccess !== undefined) families.gauge('lastSuccess').set(job, lastSuccess);
  families.gauge('lastRun').set(job, run.endedAt.getTime() / 1000);
  families.gauge('duration').set(job, run.durationSeconds);
  // Every outcome exported, 0 when none, so that an expression over a failure series has something to compare.
  for (const outcome of JOB_OUTCOMES) {
    families.counter('runs').inc({ ...job, outcome }, (run.previous?.runs?.[outcome] ?? 0) + (outcome === run.outcome ? 1 : 0));
  }
  for (const { metric, labels, value } of run.samples ?? []) {
    const family: JobMetricFamily = JOB_METRIC_FAMILIES[metric];
    const names = Object.keys(labels);
    if (names.length !== family.labelNames.length || !family.labelNames.every((l) => names.includes(l))) {
      throw new Error(`${family.name} takes the labels ${family.labelNames.join(', ') || 'job only'}, not ${names.join(', ')}`);
    }
    const all = { ...labels, ...job };
    if (family.type === 'gauge') families.gauge(metric).set(all, value);
    else families.counter(metric).inc(all, value);
  }
  return registry;
}

/** The families of one registry, each created once on first use. */
class Families {
  private readonly created = new Map<JobMetricKey, Gauge | Counter>();
  constructor(private readonly registry: Registry) {}

  gauge(key: JobMetricKey): Gauge {
    return this.get(key, (spec) => new (promClient().Gauge)(spec)) as Gauge;
  }

  counter(key: JobMetricKey): Counter {
    return this.get(key, (spec) => new (promClient().Counter)(spec)) as Counter;
  }

  private get(key: JobMetricKey, make: (spec: { name: string; help: string; labelNames: string[]; registers: Registry[] }) => Gauge | Counter): Gauge | Counter {
    let metric = this.created.get(key);
    if (metric === undefined) {
      const { name, help, labelNames } = JOB_METRIC_FAMILIES[key];
      metric = make({ name, help, labelNames: ['job', ...labelNames], registers: [this.registry] });
      this.created.set(key, metric);
    }
    return metric;
  }
}

/** The outcome label of an exit code of the exit contract (docs/cli.md). */
export function outcomeOfExitCode(code: number): JobOutcome {
  return JOB_OUTCOMES[code] ?? 'bug';
}
