/**
 * The process around the CLI, shared by `guardrails`, the jobs in jobs/ and the Docker image:
 * real streams, and the signals. The first SIGINT or SIGTERM aborts the run's signal, so no new
 * write starts and temporary state is undone; a second one, or 10 s without an end, exits at once.
 */
import { run } from './main.js';

/** Well inside the 10 s a stop may take, after which Kubernetes and the Actions runner kill us anyway. */
export const STOP_DEADLINE_MS = 9_500;

export async function main(argv: readonly string[]): Promise<number> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write(`${signal} again: exiting now; temporary state may remain (see the last lines above)\n`);
      process.exit(1);
    }
    process.stderr.write(`${signal} received: starting no new write, undoing temporary state (send it again to exit at once)\n`);
    controller.abort(new Error(`stopped by ${signal}`));
    setTimeout(() => {
      process.stderr.write(`error: did not stop within ${STOP_DEADLINE_MS / 1000} s of ${signal}; exiting\n`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await run(argv, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, signal: controller.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
