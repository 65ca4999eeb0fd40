/** Exponential backoff with jitter, bounded by Iceberg's commit.retry.* properties. */
import type { CommitRetryProperties } from '../metadata/properties.js';

export function backoffMs(attempt: number, retry: CommitRetryProperties, random: () => number): number {
  const base = Math.min(retry.maxWaitMs, retry.minWaitMs * 2 ** attempt);
  return Math.round(base * (0.9 + 0.2 * random()));
}
