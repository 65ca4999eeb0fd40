/**
 * What a commit without a definite answer (no answer, or a 5xx) did, judged from the table reloaded afterwards,
 * like the SQL catalog's re-read after a lost connection: still at the base → not applied (a retry's
 * requirements keep a late landing safe); exactly the snapshots and refs we asked for, with our base as the
 * newest previous file → committed; anything else → unknown, and nothing is deleted.
 */
import { type JsonObject, intText, isJsonObject } from '../../metadata/json.js';
import { readTableMetadata } from '../../metadata/table-metadata.js';
import type { ChangeCommitted } from '../sql-catalog.js';

export type CommitResult = ChangeCommitted;

function snapshotIds(doc: JsonObject): string {
  const list = Array.isArray(doc['snapshots']) ? doc['snapshots'] : [];
  return list.map((s) => (isJsonObject(s) ? intText(s['snapshot-id']) : undefined)).sort().join(',');
}

function refs(doc: JsonObject, location: string): string {
  return readTableMetadata(doc, location).refs.map((r) => `${r.name}=${r.snapshotId}`).sort().join(',');
}

export function judgeReloaded(current: { readonly location: string; readonly metadata: JsonObject }, baseLocation: string, next: JsonObject): CommitResult {
  if (current.location === baseLocation) return { outcome: 'not-applied', location: undefined };
  const log = Array.isArray(current.metadata['metadata-log']) ? current.metadata['metadata-log'] : [];
  const previous: unknown = log[log.length - 1];
  const onOurBase = isJsonObject(previous) && previous['metadata-file'] === baseLocation;
  if (onOurBase && snapshotIds(current.metadata) === snapshotIds(next) && refs(current.metadata, current.location) === refs(next, current.location)) {
    return { outcome: 'committed', location: current.location };
  }
  return { outcome: 'unknown', location: undefined };
}
