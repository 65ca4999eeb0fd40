/**
 * One known run of each job through the real CLI (`run` from src/cli/main.ts), against the fakes
 * the job's own tests use, with the metrics the run handed to `CliIo.onJobMetrics` captured.
 * Used by the per-job value tests (test/metrics) and the Pushgateway test (test/deploy).
 */
import type { Registry } from 'prom-client';
import { run as runCli } from '../../src/cli/main.js';
import { parseExposition, type Sample } from '../../src/scheduler/job-metrics-sinks.js';

export const NOW = new Date('2026-01-25T09:00:00Z');

export interface JobRunCapture {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The `job` label the wrapper gave, and the run's registry as exposition text. */
  readonly job: string | undefined;
  readonly exposition: string;
  readonly samples: readonly Sample[];
}

/** Runs `guardrails <argv>` in `cwd`, capturing output and the metrics of the run. */
export async function runJob(argv: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<JobRunCapture> {
  let stdout = '';
  let stderr = '';
  let captured: { job: string; registry: Registry } | undefined;
  const code = await runCli(argv, {
    cwd,
    env,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    now: () => NOW,
    onJobMetrics: (job, registry) => (captured = { job, registry }),
  });
  const exposition = captured ? await captured.registry.metrics() : '';
  return { code, stdout, stderr, job: captured?.job, exposition, samples: parseExposition(exposition) };
}

/** The samples of one family without the `job` label, as `labels → value` for exact comparison. */
export function family(samples: readonly Sample[], name: string): Record<string, number> {
  return Object.fromEntries(
    samples
      .filter((s) => s.name === name)
      .map((s) => [
        Object.entries(s.labels)
          .filter(([k]) => k !== 'job')
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
        s.value,
      ]),
  );
}

/** The names of every family in an exposition. */
export function names(samples: readonly Sample[]): string[] {
  return [...new Set(samples.map((s) => s.name))].sort();
}
