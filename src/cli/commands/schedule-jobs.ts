/**
 * The scheduler's default job table: each job runs its guardrails command through the same dispatch as the CLI,
 * so a scheduled run gets the command's validation and exit contract, and the job's stop signal as `io.signal`.
 * The declarations are imported from their own files: commands/index.ts imports the scheduler.
 */
import { commandJob, type JobTable } from '../../scheduler/index.js';
import { runCommands } from '../dispatch.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../parse.js';
import { UsageError } from '../errors.js';
import { asRun } from './job-command.js';
import { backupCommand } from './backup.js';
import type { Command, RunContext } from './command.js';
import { driftCommand } from './drift.js';
import { expireSnapshotsCommand } from './expire-snapshots.js';
import { followupsCommand } from './followups.js';
import { removeOrphansCommand } from './remove-orphans.js';

export interface ScheduleJobs {
  readonly names: readonly string[];
  /** The job functions, for one run of the scheduler. */
  table(io: CliIo): JobTable;
  /**
   * Refuses arguments the job's command would refuse, before anything runs: its option parsers and cross-option
   * rules (the file-system checks of path options, no network), and with `preflight` the command's preflight too
   * (for `--run`, which runs the job at once). Throws the command's own errors (UsageError, UnavailableError).
   */
  checkArgs?(job: string, args: readonly string[], io: CliIo, options: { readonly preflight: boolean }): Promise<void>;
}

const JOB_COMMANDS: readonly Command[] = [backupCommand, expireSnapshotsCommand, removeOrphansCommand, followupsCommand, driftCommand];

export const commandJobs: ScheduleJobs = {
  names: JOB_COMMANDS.map((c) => c.name),
  table: (io) =>
    Object.fromEntries(
      JOB_COMMANDS.map((command) => [
        command.name,
        commandJob((args, output, signal, publishMetrics) => {
          const jobIo: CliIo = {
            cwd: io.cwd,
            env: io.env,
            stdout: { write: output.stdout },
            stderr: { write: output.stderr },
            signal,
            ...(io.now ? { now: io.now } : {}),
            // The command layer hands over each run's metrics registry; the scheduler serves it on /metrics.
            ...(publishMetrics ? { onJobMetrics: (_job, registry) => publishMetrics(registry) } : {}),
          };
          return runCommands(JOB_COMMANDS, [command.name, ...args], jobIo);
        }),
      ]),
    ),
  async checkArgs(job, args, io, { preflight }) {
    const found = JOB_COMMANDS.find((c) => c.name === job);
    if (!found) return;
    // The job runs through dispatch, which adds the metrics and log options: check its args the same way.
    const command = asRun(found);
    const parsed = await parseCommandArgs(command, args, io.env, io.cwd);
    if (parsed.help) throw new UsageError('--help is not an argument for a scheduled run', job);
    const context: RunContext = {
      io,
      signal: new AbortController().signal,
      now: io.now ?? (() => new Date()),
      positionals: parsed.positionals,
      passThrough: parsed.passThrough,
    };
    command.refine?.(parsed.values, context);
    if (preflight) await command.preflight?.(parsed.values, context);
  },
};
