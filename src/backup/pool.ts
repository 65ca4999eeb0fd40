/**
 * A bounded worker pool: at most `limit` items in work at once, and the next item is taken only
 * while `keepGoing()` says so. A stop (SIGTERM) or a first failure therefore starts nothing new,
 * while the items already in work settle: the pool never returns with a request still in flight.
 */

export interface PoolOutcome<T> {
  /** Items whose work finished without throwing. */
  readonly done: readonly T[];
  readonly failed: readonly { readonly item: T; readonly error: unknown }[];
  /** Items never started, because `keepGoing()` said no. */
  readonly notStarted: readonly T[];
}

export async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, keepGoing: () => boolean): Promise<PoolOutcome<T>> {
  const done: T[] = [];
  const failed: { item: T; error: unknown }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && keepGoing()) {
      const item = items[next++] as T;
      try {
        await work(item);
        done.push(item);
      } catch (error) {
        failed.push({ item, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return { done, failed, notStarted: items.slice(next) };
}
