/**
 * `--shard k/n` (k in 0..n-1, as a GitHub Actions matrix index or a Kubernetes Indexed Job's
 * JOB_COMPLETION_INDEX): a table belongs to the shard its name hashes to, so adding a table never moves others.
 */
import { IcebergError } from '../errors.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index >= count) {
    throw new IcebergError('INVALID_INPUT', `--shard ${JSON.stringify(text)} is not k/n with 0 <= k < n`, { hint: 'e.g. --shard 0/4 … --shard 3/4' });
  }
  return { index, count };
}

/** FNV-1a 32-bit: stable across runs and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function inShard(tableKey: string, shard: Shard): boolean {
  return fnv1a(tableKey) % shard.count === shard.index;
}
