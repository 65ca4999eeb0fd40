/** Nightly job entry point: `node jobs/backup-schemas.js --out DIR [options]` (see docs/backup-restore.md). */
import { packageVersionIn, runBackupCommand } from '../src/backup/index.js';

process.exitCode = await runBackupCommand(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  isTty: process.stderr.isTTY === true,
  version: packageVersionIn(process.cwd()),
});
