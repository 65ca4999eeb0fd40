/**
 * Where a batch run's metrics go: a Pushgateway (Prometheus's way for batch jobs) and a
 * node_exporter textfile. Neither fails a job: the callers turn a rejection into a warning.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Registry } from 'prom-client';
import { promClient } from './prom-client.js';
import { JOB_METRIC, JOB_OUTCOMES, type JobOutcome, type PreviousJobMetrics } from './job-metrics.js';

export interface PushTarget {
  readonly url: string;
  readonly job: string;
  readonly instance: string;
  readonly timeoutMs: number;
}

/**
 * POSTs the registry to the group `job`/`instance`: POST replaces only the metrics it carries, so a
 * failed run, which carries no last success, leaves the group's previous one in place.
 */
export async function pushJobMetrics(registry: Registry, target: PushTarget): Promise<void> {
  const gateway = new (promClient().Pushgateway)(target.url, { timeout: target.timeoutMs }, registry);
  // prom-client encodes grouping values with encodeURIComponent, which the gateway reads as a path
  // separator for `/` and refuses empty: those need the gateway's base64 form, so they are refused here.
  if (target.instance === '' || target.instance.includes('/')) throw new Error(`instance ${JSON.stringify(target.instance)} cannot be a Pushgateway grouping value`);
  await gateway.pushAdd({ jobName: target.job, groupings: { instance: target.instance } });
}

/** Writes the textfile atomically: a temporary file in the same directory, renamed over the old one. */
export async function writeJobMetricsFile(registry: Registry, path: string): Promise<void> {
  const text = await registry.metrics();
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { mode: 0o644 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The last success and run counts of `job` in an earlier textfile; nothing when it is missing or unreadable. */
export async function readPreviousJobMetrics(path: string, job: string): Promise<PreviousJobMetrics> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {};
  }
  return parsePreviousJobMetrics(text, job);
}

export function parsePreviousJobMetrics(text: string, job: string): PreviousJobMetrics {
  let lastSuccessSeconds: number | undefined;
  const runs: Partial<Record<JobOutcome, number>> = {};
  for (const sample of parseExposition(text)) {
    if (sample.labels['job'] !== job) continue;
    if (sample.name === JOB_METRIC.lastSuccess) lastSuccessSeconds = sample.value;
    const outcome = sample.labels['outcome'] as JobOutcome;
    if (sample.name === JOB_METRIC.runs && JOB_OUTCOMES.includes(outcome)) runs[outcome] = sample.value;
  }
  return { ...(lastSuccessSeconds !== undefined ? { lastSuccessSeconds } : {}), runs };
}

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\S+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of a text-format (0.0.4) exposition; comments and unparsable lines are skipped. */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line.trim());
    if (match === null || line.startsWith('#')) continue;
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(LABEL)) labels[name as string] = (value as string).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    const value = Number(match[3]);
    if (!Number.isNaN(value) || match[3] === 'NaN') samples.push({ name: match[1] as string, labels, value });
  }
  return samples;
}
