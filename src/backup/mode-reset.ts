/**
 * Taking subjects out of IMPORT: after a restore (in its `finally`, whatever happened) and for
 * `restore --reset-modes`. In parallel, bounded, under a deadline with its own client and signal,
 * so that a stop (which aborts the run's signal) does not also stop the undoing.
 */
import { RegistryError, type RegistryClient, type RegistryClientHandle, type RegistryMode } from '../registry/index.js';
import { messageOf } from './errors.js';
import { runPool } from './pool.js';

/** How long modes may take to be put back once the run was stopped: well inside the 10 s a stop may take. */
export const STOP_RESET_MS = 4_000;

export interface ModeToRestore {
  readonly subject: string;
  /** The mode to put back; absent: remove the subject's override, so it inherits. */
  readonly restoreTo?: RegistryMode;
}

export interface ModeResetOutcome {
  readonly reset: readonly string[];
  /** Subjects that may still be in IMPORT, with why. */
  readonly left: readonly { readonly subject: string; readonly reason: string }[];
}

export interface ModeResetDeps {
  /** The run's stop signal: once aborted, the reset gets STOP_RESET_MS more. */
  readonly signal: AbortSignal;
  readonly concurrency: number;
  /** A client for the undoing, whose requests stop when `deadline` aborts. */
  readonly openCleanupClient: (deadline: AbortSignal) => RegistryClientHandle;
}

/** Puts one subject's mode back; 404 (no override to remove) is the goal reached. */
export async function putModeBack(client: RegistryClient, mode: ModeToRestore): Promise<void> {
  try {
    if (mode.restoreTo !== undefined) await client.setSubjectMode(mode.subject, mode.restoreTo);
    else await client.deleteSubjectMode(mode.subject);
  } catch (error) {
    if (error instanceof RegistryError && error.httpStatus === 404) return;
    throw error;
  }
}

export async function putModesBack(modes: readonly ModeToRestore[], deps: ModeResetDeps): Promise<ModeResetOutcome> {
  if (modes.length === 0) return { reset: [], left: [] };
  const deadline = deadlineAfterStop(deps.signal, STOP_RESET_MS);
  const client = deps.openCleanupClient(deadline.signal);
  try {
    const outcome = await runPool(modes, deps.concurrency, (m) => putModeBack(client, m), () => !deadline.signal.aborted);
    return {
      reset: outcome.done.map((m) => m.subject),
      left: [
        ...outcome.failed.map(({ item, error }) => ({ subject: item.subject, reason: messageOf(error) })),
        ...outcome.notStarted.map((m) => ({ subject: m.subject, reason: `not reset within ${STOP_RESET_MS / 1000} s of the stop` })),
      ],
    };
  } finally {
    client.close();
    deadline.dispose();
  }
}

/** A fresh signal, aborted `ms` after `stop` aborts (or `ms` from now if it already has). */
function deadlineAfterStop(stop: AbortSignal, ms: number): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const start = () => {
    timer = setTimeout(() => controller.abort(new Error('mode reset deadline')), ms);
  };
  if (stop.aborted) start();
  else stop.addEventListener('abort', start, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      stop.removeEventListener('abort', start);
      if (timer) clearTimeout(timer);
    },
  };
}
