/** The job table: job name → function. Injectable; the defaults call the other guardrails commands. */
import { runBackupCommand } from '../../src/backup/index.js';
import { runExpireSnapshotsCommand } from '../../src/iceberg/job/index.js';
import { runFollowupsCommand } from '../../src/postmortem/index.js';
import type { Logger } from './logging.js';

export interface JobContext {
  /** The scheduled slot, ISO UTC to the second; the claim key is `<job>:<slot>`. */
  readonly slot: string;
  /** `args` from the job's schedule entry. */
  readonly args: readonly string[];
  /** Aborted when shutdown gives up waiting. Jobs that can stop early should watch it. */
  readonly signal: AbortSignal;
  readonly log: Logger;
}

/** Resolves to an exit code (0 or undefined: success) or throws. */
export type JobFn = (ctx: JobContext) => Promise<number | void>;
export type JobTable = Readonly<Record<string, JobFn>>;

/** What a guardrails command needs; the same shape every `run*Command` takes. */
export interface CommandIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export type CommandFn = (argv: string[], io: CommandIo) => Promise<number>;

/** Wraps a `run*Command(argv, io)` as a job: its output becomes JSON log lines of that job. */
export function commandJob(run: CommandFn, env: NodeJS.ProcessEnv, cwd: string): JobFn {
  return async ({ args, log }) => {
    const lines = (level: 'info' | 'warn') => (s: string) => {
      for (const line of s.split('\n')) if (line.trim()) log.log(level, line, { stream: level === 'info' ? 'stdout' : 'stderr' });
    };
    return run([...args], { stdout: lines('info'), stderr: lines('warn'), env, cwd });
  };
}

/** `backup`, `expire-snapshots` and `followups`, each running its guardrails command. */
export function defaultJobs(env: NodeJS.ProcessEnv, cwd: string): JobTable {
  return {
    backup: commandJob(runBackupCommand, env, cwd),
    'expire-snapshots': commandJob(runExpireSnapshotsCommand, env, cwd),
    followups: commandJob(runFollowupsCommand, env, cwd),
  };
}

/** A copy of `table` with `name` added or replaced. */
export function registerJob(table: JobTable, name: string, fn: JobFn): JobTable {
  return { ...table, [name]: fn };
}
