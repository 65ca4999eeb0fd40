/** What a command may touch of the process: its directory, environment, output streams and signals. */
import type { Registry } from 'prom-client';

export interface OutputStream {
  write(text: string): unknown;
  /** True when the stream is a terminal (colour, progress bars allowed). */
  readonly isTTY?: boolean;
}

export interface CliIo {
  /** The directory relative paths are resolved from. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Aborted on the first SIGINT or SIGTERM (see process.ts); never aborted when absent. */
  readonly signal?: AbortSignal;
  /** The clock; `new Date()` when absent. */
  readonly now?: () => Date;
  /** Called after every job run with its metrics, sinks or not: the scheduler serves the last run's on /metrics. */
  readonly onJobMetrics?: (job: string, registry: Registry) => void;
}
