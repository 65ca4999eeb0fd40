/**
 * Which snapshots and refs expire: a pure function following Iceberg Java's RemoveSnapshots.internalApply.
 * No I/O, no clock: `now` is a parameter, so a retry re-plans from scratch against the reloaded metadata.
 */
import { IcebergError } from '../errors.js';
import { expirationProperties } from '../metadata/properties.js';
import type { RefView, SnapshotView, TableMetadataView } from '../metadata/table-metadata.js';

export interface RetentionOptions {
  /** Absolute cutoff (epoch ms). When given it wins over `history.expire.max-snapshot-age-ms`. */
  readonly expireOlderThanMs?: number | undefined;
  /** Age used when neither the option nor the table property is set (the job's 90 days). */
  readonly defaultMaxSnapshotAgeMs: number;
  /** Keep at least this many ancestors per branch; wins over `history.expire.min-snapshots-to-keep`. */
  readonly retainLast?: number | undefined;
  /** Ids to expire in addition to the age-based ones (decimal text). */
  readonly expireSnapshotIds?: readonly string[] | undefined;
}

export interface RetentionPlan {
  readonly version: 1;
  readonly cutoffMs: number;
  readonly minSnapshotsToKeep: number;
  /** Snapshot ids to remove, in metadata order. */
  readonly expiredSnapshotIds: readonly string[];
  readonly retainedSnapshotIds: readonly string[];
  /** Refs removed because they aged out (max-ref-age-ms) or point at a missing snapshot. */
  readonly droppedRefs: readonly string[];
}

function ancestors(headId: string, byId: ReadonlyMap<string, SnapshotView>): SnapshotView[] {
  const chain: SnapshotView[] = [];
  const seen = new Set<string>();
  let current = byId.get(headId);
  while (current !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    chain.push(current);
    current = current.parentId === undefined ? undefined : byId.get(current.parentId);
  }
  return chain;
}

function retainedRefs(meta: TableMetadataView, byId: ReadonlyMap<string, SnapshotView>, now: number, defaultMaxRefAgeMs: number): RefView[] {
  return meta.refs.filter((ref) => {
    if (ref.name === 'main') return true; // the main branch never expires
    const snapshot = byId.get(ref.snapshotId);
    if (snapshot === undefined) return false;
    return now - snapshot.timestampMs <= (ref.maxRefAgeMs ?? defaultMaxRefAgeMs);
  });
}

function branchRetained(ref: RefView, byId: ReadonlyMap<string, SnapshotView>, now: number, cutoff: number, minKeep: number): string[] {
  const branchCutoff = ref.maxSnapshotAgeMs !== undefined ? now - ref.maxSnapshotAgeMs : cutoff;
  const keepCount = ref.minSnapshotsToKeep ?? minKeep;
  const kept: string[] = [];
  for (const ancestor of ancestors(ref.snapshotId, byId)) {
    if (kept.length < keepCount || ancestor.timestampMs >= branchCutoff) kept.push(ancestor.id);
    else break;
  }
  return kept;
}

function validateOptions(options: RetentionOptions): void {
  if (options.retainLast !== undefined && (!Number.isInteger(options.retainLast) || options.retainLast < 1)) {
    throw new IcebergError('INVALID_INPUT', `retain-last must be an integer of at least 1, got ${options.retainLast}`);
  }
  for (const id of options.expireSnapshotIds ?? []) {
    if (!/^-?\d+$/.test(id)) throw new IcebergError('INVALID_INPUT', `snapshot id ${JSON.stringify(id)} is not an integer`);
  }
}

/** Plans one expiration. Throws REFUSED when gc.enabled=false, INVALID_INPUT when an explicit id is a kept ref head. */
export function planRetention(meta: TableMetadataView, options: RetentionOptions, now: number): RetentionPlan {
  validateOptions(options);
  const props = expirationProperties(meta.properties);
  if (!props.gcEnabled) {
    throw new IcebergError('REFUSED', 'gc.enabled is false, so expiring snapshots could remove files another table still uses', { hint: 'set gc.enabled=true if this table owns its files' });
  }
  const cutoffMs = options.expireOlderThanMs ?? now - (props.maxSnapshotAgeMs ?? options.defaultMaxSnapshotAgeMs);
  const minSnapshotsToKeep = options.retainLast ?? props.minSnapshotsToKeep;
  const byId = new Map(meta.snapshots.map((s) => [s.id, s]));
  const keptRefs = retainedRefs(meta, byId, now, props.maxRefAgeMs);

  const retain = new Set<string>();
  for (const ref of keptRefs) if (byId.has(ref.snapshotId)) retain.add(ref.snapshotId);
  for (const id of options.expireSnapshotIds ?? []) {
    const holders = keptRefs.filter((r) => r.snapshotId === id).map((r) => r.name);
    if (holders.length > 0) throw new IcebergError('INVALID_INPUT', `Cannot expire ${id}. Still referenced by refs: ${holders.join(', ')}`);
  }
  const referenced = new Set<string>();
  for (const ref of keptRefs) {
    if (ref.type === 'branch') {
      for (const id of branchRetained(ref, byId, now, cutoffMs, minSnapshotsToKeep)) retain.add(id);
      for (const a of ancestors(ref.snapshotId, byId)) referenced.add(a.id);
    } else {
      referenced.add(ref.snapshotId); // tag ancestors are not referenced (apache/iceberg PR #5034)
    }
  }
  // Staged, WAP and rolled-back snapshots younger than the cutoff stay.
  for (const s of meta.snapshots) if (!referenced.has(s.id) && s.timestampMs >= cutoffMs) retain.add(s.id);

  const explicit = new Set(options.expireSnapshotIds ?? []);
  const expired = meta.snapshots.filter((s) => explicit.has(s.id) || !retain.has(s.id)).map((s) => s.id);
  const expiredSet = new Set(expired);
  const keptNames = new Set(keptRefs.map((r) => r.name));
  return {
    version: 1,
    cutoffMs,
    minSnapshotsToKeep,
    expiredSnapshotIds: expired,
    retainedSnapshotIds: meta.snapshots.filter((s) => !expiredSet.has(s.id)).map((s) => s.id),
    droppedRefs: meta.refs.filter((r) => !keptNames.has(r.name)).map((r) => r.name),
  };
}
