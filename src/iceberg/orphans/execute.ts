/**
 * Deletes planned orphans in rounds (a round is what one FileIO call sends: up to 1,000 keys per DeleteObjects
 * batch times the concurrency). Before each round the caller's `recheck` says which paths are still orphans
 * against the table's metadata as it is now, so a commit that landed since the plan (a writer adopting a file)
 * protects its files; a recheck that fails stops all deleting. After a stop no new round or batch starts.
 */
import { describeError } from '../errors.js';
import type { DeleteFailure, FileIO, ListedFile } from '../io/file-io.js';

export interface DeleteOutcome {
  readonly deleted: readonly ListedFile[];
  readonly failures: readonly DeleteFailure[];
  /** Planned files never sent: a stop, or a recheck that could not prove them still orphaned. */
  readonly notAttempted: readonly ListedFile[];
  /** Planned files the metadata came to reference before their round: kept. */
  readonly nowReferenced: readonly ListedFile[];
  /** Why deleting ended early, when it did. */
  readonly abortedBy: string | undefined;
  readonly durationMs: number;
}

export interface DeleteDeps {
  readonly io: FileIO;
  readonly roundSize: number;
  /** Resolves to the predicate "still an orphan" for this round; throws when that cannot be known. */
  readonly recheck: () => Promise<(path: string) => boolean>;
  readonly signal?: AbortSignal | undefined;
  readonly clock: () => number;
  readonly onRound?: (sent: number, done: number, total: number) => void;
}

export async function deleteOrphans(files: readonly ListedFile[], deps: DeleteDeps): Promise<DeleteOutcome> {
  const started = deps.clock();
  const deleted: ListedFile[] = [];
  const failures: DeleteFailure[] = [];
  const notAttempted: ListedFile[] = [];
  const nowReferenced: ListedFile[] = [];
  let abortedBy: string | undefined;
  for (let at = 0; at < files.length; at += deps.roundSize) {
    const round = files.slice(at, at + deps.roundSize);
    if (abortedBy !== undefined || deps.signal?.aborted) {
      abortedBy ??= 'stopped by a signal';
      notAttempted.push(...round);
      continue;
    }
    let stillOrphan: (path: string) => boolean;
    try {
      stillOrphan = await deps.recheck();
    } catch (error) {
      abortedBy = `the table could not be re-checked before deleting: ${describeError(error)}`;
      notAttempted.push(...round);
      continue;
    }
    const send = round.filter((f) => stillOrphan(f.path));
    nowReferenced.push(...round.filter((f) => !stillOrphan(f.path)));
    const failed = send.length > 0 ? await deps.io.deleteFiles(send.map((f) => f.path), deps.signal) : [];
    const skipped = new Set(failed.filter((f) => f.notAttempted).map((f) => f.path));
    const failedPaths = new Set(failed.map((f) => f.path));
    failures.push(...failed.filter((f) => !f.notAttempted));
    for (const file of send) {
      if (skipped.has(file.path)) notAttempted.push(file);
      else if (!failedPaths.has(file.path)) deleted.push(file);
    }
    if (skipped.size > 0) abortedBy ??= 'stopped by a signal';
    deps.onRound?.(send.length, Math.min(at + round.length, files.length), files.length);
  }
  return { deleted, failures, notAttempted, nowReferenced, abortedBy, durationMs: deps.clock() - started };
}
