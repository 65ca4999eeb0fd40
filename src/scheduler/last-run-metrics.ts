/**
 * The metrics each job's command publishes for a run (a prom-client registry per run), kept per job for the
 * scheduler's /metrics. Gauges describe the last run, so a run's value replaces the previous one; a gauge a run
 * leaves out (the last success, after a failure) keeps its previous value; counters and histograms add up across
 * the runs on this replica, so that they only ever grow between two scrapes.
 */
import type { Registry } from 'prom-client';
import { promClient } from './prom-client.js';

export type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;
type MetricJson = MetricsJson[number];
type Sample = MetricJson['values'][number] & { metricName?: string };

const ADDING_TYPES = new Set(['counter', 'histogram']);

function sampleKey(sample: Sample): string {
  const labels = Object.entries(sample.labels).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([sample.metricName ?? '', labels]);
}

/** The metrics of a job after `next` ran, given those after its earlier runs. Pure. */
export function mergeRunMetrics(previous: MetricsJson, next: MetricsJson): MetricsJson {
  const before = new Map(previous.map((m) => [m.name, m]));
  const merged: MetricsJson = next.map((metric) => {
    const old = before.get(metric.name);
    before.delete(metric.name);
    if (!old || !ADDING_TYPES.has(String(metric.type)) || old.type !== metric.type) return { ...metric, aggregator: 'sum' };
    const sums = new Map<string, Sample>();
    for (const s of old.values as Sample[]) sums.set(sampleKey(s), { ...s });
    for (const s of metric.values as Sample[]) {
      const key = sampleKey(s);
      const sum = sums.get(key);
      sums.set(key, sum ? { ...sum, value: sum.value + s.value } : { ...s });
    }
    return { ...metric, aggregator: 'sum', values: [...sums.values()] };
  });
  return [...merged, ...before.values()];
}

export class LastRunMetrics {
  private readonly byJob = new Map<string, MetricsJson>();

  /** Takes in one run's registry of `job` (read now: the command may drop it). */
  async record(job: string, registry: Registry): Promise<void> {
    const next = await registry.getMetricsAsJSON();
    this.byJob.set(job, mergeRunMetrics(this.byJob.get(job) ?? [], next));
  }

  /**
   * One registry of every job's metrics. Each job's series carry its own `job` label, so summing the same
   * name across jobs is a union of their series.
   */
  registry(): Registry {
    return promClient().AggregatorRegistry.aggregate([...this.byJob.values()]);
  }
}
