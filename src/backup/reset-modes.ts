/**
 * `restore --reset-modes`: only takes out of IMPORT the subjects a killed restore left there. The
 * subjects come from the backup, not from `GET /subjects`, which does not list a subject that
 * entered IMPORT before its first version was registered; each one's mode is read with
 * `GET /mode/{subject}`. A subject the backup itself has in IMPORT is left alone.
 *
 * The mode put back is the backup's own mode of the subject, or no override (inherit) when it
 * had none: the mode the subject had before the killed run is not known any more.
 */
import { RegistryError, type RegistryClient, type RegistryMode } from '../registry/index.js';
import { messageOf } from './errors.js';
import { putModeBack, type ModeToRestore } from './mode-reset.js';
import type { RegistrySnapshot } from './model.js';
import { runPool } from './pool.js';
import { selectFromBackup, type Selection } from './select.js';

export interface ResetModesOptions {
  readonly backup: RegistrySnapshot;
  readonly selection: Selection;
  readonly dryRun: boolean;
  readonly concurrency: number;
}

export interface ResetModesDeps {
  readonly client: RegistryClient;
  /** Once aborted, no new request starts; the result lists what was not done. */
  readonly signal: AbortSignal;
}

export interface ModeReset {
  readonly subject: string;
  /** The mode put back, or `inherited` when the override is removed. */
  readonly to: RegistryMode | 'inherited';
}

export interface ResetModesResult {
  /** Subjects whose mode was read. */
  readonly checked: number;
  /** Found in IMPORT and put back (with --dry-run: would be). */
  readonly reset: readonly ModeReset[];
  readonly failed: readonly { readonly subject: string; readonly reason: string }[];
  /** Subjects not read or not reset because the run was stopped. */
  readonly notDone: readonly string[];
  readonly stopped: boolean;
}

export async function resetModes(options: ResetModesOptions, deps: ResetModesDeps): Promise<ResetModesResult> {
  const wanted = selectFromBackup(options.backup, options.selection);
  const subjects = [...wanted.subjects.values()].filter((s) => s.settings.mode !== 'IMPORT');
  const keepGoing = () => !deps.signal.aborted;
  const found: ModeToRestore[] = [];
  const read = await runPool(
    subjects,
    options.concurrency,
    async (s) => {
      if ((await deps.client.getSubjectMode(s.subject)) !== 'IMPORT') return;
      found.push({ subject: s.subject, ...(s.settings.mode !== undefined ? { restoreTo: s.settings.mode } : {}) });
    },
    keepGoing,
  );
  const ordered = found.sort((a, b) => (a.subject < b.subject ? -1 : 1));
  const failed = read.failed.filter(({ error }) => !stoppedBy(error)).map(({ item, error }) => ({ subject: item.subject, reason: messageOf(error) }));
  const notRead = [...read.failed.filter(({ error }) => stoppedBy(error)).map(({ item }) => item.subject), ...read.notStarted.map((s) => s.subject)];
  if (options.dryRun) {
    return { checked: read.done.length, reset: ordered.map(described), failed, notDone: notRead, stopped: deps.signal.aborted };
  }
  const put = await runPool(ordered, options.concurrency, (m) => putModeBack(deps.client, m), keepGoing);
  return {
    checked: read.done.length,
    reset: put.done.map(described).sort((a, b) => (a.subject < b.subject ? -1 : 1)),
    failed: [...failed, ...put.failed.filter(({ error }) => !stoppedBy(error)).map(({ item, error }) => ({ subject: item.subject, reason: messageOf(error) }))],
    notDone: [...notRead, ...put.failed.filter(({ error }) => stoppedBy(error)).map(({ item }) => item.subject), ...put.notStarted.map((m) => m.subject)],
    stopped: deps.signal.aborted,
  };
}

/** Not sent, or cut, because the run was stopped: not done rather than failed. */
function stoppedBy(error: unknown): boolean {
  return error instanceof RegistryError && error.kind === 'cancelled';
}

function described(m: ModeToRestore): ModeReset {
  return { subject: m.subject, to: m.restoreTo ?? 'inherited' };
}
