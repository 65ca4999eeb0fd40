/** The job table: job name → function. The CLI builds the default one from its command declarations. */
import type { Registry } from 'prom-client';
import type { Logger } from './logging.js';

export interface JobContext {
  /** The scheduled slot, ISO UTC to the second; the claim key is `<job>:<slot>`. */
  readonly slot: string;
  /** `args` from the job's schedule entry (plus, for `--run`, those after `--`). */
  readonly args: readonly string[];
  /** Aborted as soon as the scheduler stops: start no new write, undo temporary state, return. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** Hands the scheduler the metrics registry of this run, for its /metrics (absent: nobody keeps them). */
  readonly publishMetrics?: (registry: Registry) => void;
}

/** Resolves to an exit code (0 or undefined: success) or throws. */
export type JobFn = (ctx: JobContext) => Promise<number | void>;
export type JobTable = Readonly<Record<string, JobFn>>;

/** Where a command writes its output. */
export interface CommandOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/**
 * Runs a command with arguments, output and a stop signal, and resolves to its exit code; `publishMetrics`
 * receives the registry of the run's metrics when the command publishes one.
 */
export type CommandRunner = (args: readonly string[], output: CommandOutput, signal: AbortSignal, publishMetrics?: (registry: Registry) => void) => Promise<number>;

/** Wraps a command as a job: each line it prints becomes a JSON log line of that job, tagged with its stream. */
export function commandJob(run: CommandRunner): JobFn {
  return async ({ args, log, signal, publishMetrics }) => {
    const lines = (stream: 'stdout' | 'stderr') => (text: string) => {
      for (const line of text.split('\n')) if (line.trim()) log.log(stream === 'stdout' ? 'info' : 'warn', line, { stream });
    };
    return run(args, { stdout: lines('stdout'), stderr: lines('stderr') }, signal, publishMetrics);
  };
}

