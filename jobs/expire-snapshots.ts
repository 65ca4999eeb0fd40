// Entry point of the daily expiration job: `node jobs/expire-snapshots.js [options]` (see --help).
import { runExpireSnapshotsCommand } from '../src/iceberg/job/command.js';

process.exitCode = await runExpireSnapshotsCommand(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});
