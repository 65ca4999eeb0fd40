/** The narrow file interface the maintenance jobs need; implementations: local file system, S3, and a router between them. */

/** One file found by a listing. */
export interface ListedFile {
  /** In the spelling of the listed prefix: `<prefix>/<rest>`. */
  readonly path: string;
  readonly sizeBytes: number;
  /** Last modification (local mtime, S3 LastModified), epoch ms. */
  readonly lastModifiedMs: number;
}

export interface DeleteFailure {
  readonly path: string;
  readonly reason: string;
  /** The delete was never started because the run was stopped: the file is left for the next run. */
  readonly notAttempted?: true;
}

/** The failure of a delete that a stop kept from starting. */
export function notAttempted(path: string): DeleteFailure {
  return { path, reason: 'not attempted: the run was stopped', notAttempted: true };
}

export interface FileIO {
  /** Whole-file read. A missing file throws IcebergError UNREADABLE whose message says "not found". */
  read(path: string): Promise<Buffer>;
  /** Creates a file that must not exist yet (new metadata files are never overwritten). */
  writeNew(path: string, data: Buffer): Promise<void>;
  /**
   * Deletes files; a file that is already gone counts as deleted. Returns the paths that could not be deleted.
   * Once `signal` is aborted no new delete request starts (those in flight settle); the rest come back `notAttempted`.
   */
  deleteFiles(paths: readonly string[], signal?: AbortSignal): Promise<DeleteFailure[]>;
  /** Size in bytes, or undefined when the file does not exist. */
  size(path: string): Promise<number | undefined>;
  /**
   * Every file under `prefix/` at any depth (a missing prefix lists nothing). Optional so that test doubles of
   * the other operations need not list; orphan removal refuses a FileIO without it.
   */
  list?(prefix: string, signal?: AbortSignal): AsyncIterable<ListedFile>;
}

/**
 * Runs `task` over `items` with at most `limit` in flight; results keep input order. Once `stop` is aborted no
 * new task starts, and the items not started map to `skipped(item)`.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>, stop?: { signal: AbortSignal | undefined; skipped: (item: T) => R }): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = stop?.signal?.aborted ? stop.skipped(items[index] as T) : await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
