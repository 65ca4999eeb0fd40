/**
 * Shard k of n (k in 0..n-1, as a GitHub Actions matrix index or a Kubernetes Indexed Job's
 * JOB_COMPLETION_INDEX): a table belongs to the shard its name hashes to, so adding a table never moves others.
 */
export interface Shard {
  readonly index: number;
  readonly count: number;
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
