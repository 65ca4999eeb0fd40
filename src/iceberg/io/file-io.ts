/** The narrow file interface expiration needs; implementations: local file system, S3, and a router between them. */

export interface DeleteFailure {
  readonly path: string;
  readonly reason: string;
}

export interface FileIO {
  /** Whole-file read. A missing file throws IcebergError UNREADABLE whose message says "not found". */
  read(path: string): Promise<Buffer>;
  /** Creates a file that must not exist yet (new metadata files are never overwritten). */
  writeNew(path: string, data: Buffer): Promise<void>;
  /** Deletes files; a file that is already gone counts as deleted. Returns the paths that could not be deleted. */
  deleteFiles(paths: readonly string[]): Promise<DeleteFailure[]>;
  /** Size in bytes, or undefined when the file does not exist. */
  size(path: string): Promise<number | undefined>;
}

/** Runs `task` over `items` with at most `limit` in flight; results keep input order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
