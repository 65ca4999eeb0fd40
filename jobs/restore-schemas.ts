/** Restore job entry point: `node jobs/restore-schemas.js --from DIR [options]` (see docs/backup-restore.md). */
import { runRestoreCommand } from '../src/backup/index.js';

process.exitCode = await runRestoreCommand(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  isTty: process.stderr.isTTY === true,
});
