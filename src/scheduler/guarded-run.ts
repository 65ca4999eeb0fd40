/**
 * One claimed run of a job under its three stops, each of which aborts the job's signal: the scheduler's stop,
 * the claim's lost lease and the job's timeout. Says which one ended it, in that order of precedence: a run whose
 * lease was lost is never a success, whatever it returned.
 */
import type { Logger } from './logging.js';
import type { RunResult } from './metrics.js';

export interface GuardedRunInput {
  /** Runs the job with the combined signal; resolves to its exit code (undefined: 0) or throws. */
  readonly run: (signal: AbortSignal) => Promise<number | void>;
  readonly stop: AbortSignal;
  readonly lost: AbortSignal;
  readonly timeoutSeconds: number;
  /** Bound to the job, slot and replica. */
  readonly log: Logger;
}

export interface GuardedRunEnd {
  readonly ending: RunResult;
  readonly exitCode?: number;
  readonly detail?: string;
}

export async function guardedRun({ run, stop, lost, timeoutSeconds, log }: GuardedRunInput): Promise<GuardedRunEnd> {
  const timedOut = new AbortController();
  const timer = setTimeout(() => {
    log.log('warn', 'job timed out; aborting it', { timeoutSeconds });
    timedOut.abort(new Error(`timed out after ${timeoutSeconds} s`));
  }, timeoutSeconds * 1000);
  timer.unref();
  const onLost = () => log.log('warn', 'lease lost; aborting the run, which records nothing', { reason: describeError(lost.reason) });
  lost.addEventListener('abort', onLost, { once: true });
  let exitCode: number | undefined;
  let detail: string | undefined;
  try {
    exitCode = (await run(AbortSignal.any([stop, lost, timedOut.signal]))) ?? 0;
    if (exitCode !== 0) detail = `exit code ${exitCode}`;
  } catch (e) {
    detail = describeError(e);
  } finally {
    clearTimeout(timer);
    lost.removeEventListener('abort', onLost);
  }
  const code = exitCode !== undefined ? { exitCode } : {};
  if (lost.aborted) return { ending: 'lease-lost', ...code, detail: describeError(lost.reason) };
  if (stop.aborted) return { ending: 'interrupted', ...code, ...(detail !== undefined ? { detail } : {}) };
  if (timedOut.signal.aborted) return { ending: 'timed-out', ...code, detail: `timed out after ${timeoutSeconds} s${detail ? ` (${detail})` : ''}` };
  return { ending: exitCode === 0 ? 'succeeded' : 'failed', ...code, ...(detail !== undefined ? { detail } : {}) };
}

export function describeError(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}
