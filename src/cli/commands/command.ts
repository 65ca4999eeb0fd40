/**
 * A command declaration: name, help, options, cross-option rules, preflight and run. Dispatch,
 * parsing, help and the exit contract follow from it (src/cli/main.ts, parse.ts, help.ts).
 */
import type { JobSample } from '../../scheduler/job-metric-catalogue.js';
import type { CliIo } from '../io.js';
import type { OptionSpec, ValueOf } from '../options/define.js';

export type OptionTable = Readonly<Record<string, OptionSpec<unknown>>>;

/** The parsed, validated options: one typed value per declared option, keyed by its flag name. */
export type Values<O extends OptionTable> = { readonly [K in keyof O]: ValueOf<O[K]> };

/** What a running command gets besides its options. */
export interface RunContext {
  readonly io: CliIo;
  /** Aborted on the first SIGINT or SIGTERM: start no new write, undo temporary state, return. */
  readonly signal: AbortSignal;
  /** The run's clock. */
  readonly now: () => Date;
  /** Positional arguments, for commands that declare them. */
  readonly positionals: readonly string[];
  /** Arguments after `--`, for commands that pass them on. */
  readonly passThrough: readonly string[];
  /**
   * Hands the job's own metrics, mapped from its typed result, to the metrics wrapper
   * (metrics-job.ts), which publishes them with the common ones; absent outside a job.
   */
  readonly recordMetrics?: (samples: readonly JobSample[]) => void;
}

export interface CommandSpec<O extends OptionTable> {
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** The synopsis lines after `Usage: `. */
  readonly usage: readonly string[];
  /** Paragraphs shown between the synopsis and the options. */
  readonly description: string;
  readonly options: O;
  /** Positional arguments, when the command takes them. */
  readonly positionals?: { readonly placeholder: string; readonly min: number };
  /** Whether arguments after `--` are passed on (the scheduler's `--run JOB -- ARGS`). */
  readonly passThrough?: boolean;
  /** What 0, 1 and 4 mean for this command; 2 and 3 mean the same everywhere. */
  readonly exits: { readonly ok: string; readonly failed: string; readonly unavailable?: string };
  /** Extra help after the exit codes: environment, examples. */
  readonly notes?: string;
  /** Rules across options ("--before needs --from-git"); throws UsageError. */
  readonly refine?: (values: Values<O>, context: RunContext) => void;
  /** Cheap checks against the file system or one read-only request, before any write; throws UsageError. */
  readonly preflight?: (values: Values<O>, context: RunContext) => Promise<void>;
  /** Runs the command and returns its exit code; typed failures are thrown and mapped in errors.ts. */
  readonly run: (values: Values<O>, context: RunContext) => Promise<number>;
}

/** A declaration with its option types erased, for the command table. */
export type Command = CommandSpec<OptionTable>;

/** Declares a command; the generic keeps `run`'s values typed by the option table. */
export function defineCommand<O extends OptionTable>(spec: CommandSpec<O>): Command {
  return spec as unknown as Command;
}
