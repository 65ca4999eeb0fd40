/** Restore job entry point: `node jobs/restore-schemas.js --from DIR [options]` (see docs/backup-restore.md). */
import { runRestoreCommand } from '../src/backup/index.js';

// SIGINT/SIGTERM (Ctrl-C, a cancelled workflow) abort the restore instead of killing it: no new
// write starts and every subject that entered IMPORT gets its mode back before the process ends.
// A second signal exits at once.
const controller = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write(`guardrails restore: ${signal} received; stopping and restoring subject modes (send it again to exit at once)\n`);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await runRestoreCommand(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  isTty: process.stderr.isTTY === true,
  signal: controller.signal,
});
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
