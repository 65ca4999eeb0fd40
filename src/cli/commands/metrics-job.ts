/**
 * Gives every job command the metrics options and records each run's outcome around its `run`, so
 * that no job repeats it, with the job's own samples its `run` hands over through
 * `context.recordMetrics`. Bad input refused by refine or preflight records nothing: exit 2 means
 * no side effect, and a push or a file write is one.
 */
import { performance } from 'node:perf_hooks';
import { jobLabel, jobRunRegistry, outcomeOfExitCode, type JobSample } from '../../scheduler/job-metrics.js';
import { pushJobMetrics, readPreviousJobMetrics, writeJobMetricsFile } from '../../scheduler/job-metrics-sinks.js';
import { describeFailure, EXIT } from '../errors.js';
import type { CliIo } from '../io.js';
import { displayUrl } from '../options/url.js';
import type { Command, OptionTable, RunContext } from './command.js';
import { metricsOptions } from './metrics-options.js';

/** The commands that are jobs: each publishes the common job metrics. */
export const METRICS_JOBS: readonly string[] = ['backup', 'restore', 'expire-snapshots', 'remove-orphans', 'followups', 'drift', 'register', 'check'];

const PUSH_TIMEOUT_MS = 5_000;

/** The command with the metrics options and recording when it is a job; any other command as it is. */
export function withJobMetrics(command: Command): Command {
  if (!METRICS_JOBS.includes(command.name) || 'metrics-file' in command.options) return command;
  return {
    ...command,
    options: { ...command.options, ...metricsOptions } as OptionTable,
    async run(values, outer) {
      const started = performance.now();
      const samples: JobSample[] = [];
      const context: RunContext = { ...outer, recordMetrics: (more) => void samples.push(...more) };
      const end = (exitCode: number) => ({ exitCode, started, samples });
      let code: number;
      try {
        code = await command.run(values, context);
      } catch (error) {
        await publish(command.name, values as unknown as MetricsValues, context, end(describeFailure(error, context.io.env).exitCode));
        throw error;
      }
      // dispatch turns a stopped run that returned 0 into 1; the metrics say the same.
      await publish(command.name, values as unknown as MetricsValues, context, end(context.signal.aborted && code === EXIT.OK ? EXIT.FAILED : code));
      return code;
    },
  };
}

interface MetricsValues {
  readonly 'pushgateway-url': string | undefined;
  readonly 'metrics-instance': string;
  readonly 'metrics-file': string | undefined;
}

interface RunEnd {
  readonly exitCode: number;
  readonly started: number;
  readonly samples: readonly JobSample[];
}

async function publish(name: string, values: MetricsValues, context: RunContext, { exitCode, started, samples }: RunEnd): Promise<void> {
  const { io } = context;
  const url = values['pushgateway-url'];
  const file = values['metrics-file'];
  if (url === undefined && file === undefined && io.onJobMetrics === undefined) return;
  const job = jobLabel(name);
  const previous = file === undefined ? {} : await readPreviousJobMetrics(file, job);
  const registry = jobRunRegistry({ job, outcome: outcomeOfExitCode(exitCode), endedAt: context.now(), durationSeconds: (performance.now() - started) / 1000, previous, samples });
  try {
    io.onJobMetrics?.(job, registry);
  } catch (error) {
    warn(io, 'the scheduler could not take the run\'s metrics', error);
  }
  if (file !== undefined) await writeJobMetricsFile(registry, file).catch((error: unknown) => warn(io, `could not write the metrics file ${file}`, error));
  if (url !== undefined) {
    await pushJobMetrics(registry, { url, job, instance: values['metrics-instance'], timeoutMs: PUSH_TIMEOUT_MS }).catch((error: unknown) =>
      warn(io, `could not push metrics to the Pushgateway ${displayUrl(url)}`, error),
    );
  }
}

function warn(io: CliIo, what: string, error: unknown): void {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  io.stderr.write(`warning: ${what}: ${reason}; the job's own outcome stands\n`);
}
