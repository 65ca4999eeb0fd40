/**
 * The scheduled jobs as CLI commands. Each job parses its own arguments, because its entry point in
 * jobs/ and the scheduler run the same function with a plain argv.
 */
import { runScheduleCommand } from '../../../jobs/scheduler/index.js';
import { runBackupCommand, runRestoreCommand } from '../../backup/index.js';
import { runExpireSnapshotsCommand } from '../../iceberg/job/index.js';
import { runFollowupsCommand } from '../../postmortem/index.js';
import type { CliIo } from '../io.js';
import type { DelegatedCommand } from './command.js';

/** The I/O the job commands take: plain functions, so they run the same outside this CLI. */
interface JobIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

type JobCommand = (argv: string[], io: JobIo) => Promise<number>;

function delegate(name: string, summary: string, run: JobCommand): DelegatedCommand {
  return {
    name,
    summary,
    runArgv: (argv: readonly string[], io: CliIo) =>
      run([...argv], {
        stdout: (text) => io.stdout.write(text),
        stderr: (text) => io.stderr.write(text),
        env: io.env as NodeJS.ProcessEnv,
        cwd: io.cwd,
      }),
  };
}

export const followupsCommand = delegate(
  'followups',
  'Sync post-mortem follow-up actions to tracked GitHub issues',
  runFollowupsCommand,
);

export const backupCommand = delegate('backup', 'Back up every registry subject, version, config and mode', (argv, io) => runBackupCommand(argv, io));

export const restoreCommand = delegate('restore', 'Restore a backup (or schemas/ at a git ref) into a registry', runRestoreCommand);

export const expireSnapshotsCommand = delegate(
  'expire-snapshots',
  'Expire old Iceberg snapshots in a PostgreSQL SQL catalog and delete files nothing kept needs',
  runExpireSnapshotsCommand,
);

export const scheduleCommand = delegate('schedule', 'Run the jobs on cron schedules, once per slot across replicas', runScheduleCommand);
