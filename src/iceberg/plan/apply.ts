/**
 * The new metadata document after a retention plan: a pure copy of the base document in which only the fields
 * expiration owns change (snapshots, refs, statistics, snapshot-log, metadata-log, last-updated-ms). Every other
 * field, known or not, is carried over verbatim, numbers included.
 */
import { type JsonObject, intText, isJsonObject, jsonInt } from '../metadata/json.js';
import { expirationProperties } from '../metadata/properties.js';
import type { TableMetadataView } from '../metadata/table-metadata.js';
import type { RetentionPlan } from './retention.js';

function withoutSnapshots(list: unknown, removed: ReadonlySet<string>, key: string): unknown {
  if (!Array.isArray(list)) return list;
  return list.filter((entry) => !(isJsonObject(entry) && removed.has(intText(entry[key]) ?? '')));
}

function keptRefs(refs: unknown, removedIds: ReadonlySet<string>, droppedRefs: ReadonlySet<string>): unknown {
  if (!isJsonObject(refs)) return refs;
  return Object.fromEntries(Object.entries(refs).filter(([name, ref]) => {
    if (droppedRefs.has(name)) return false;
    return !(isJsonObject(ref) && removedIds.has(intText(ref['snapshot-id']) ?? ''));
  }));
}

/** An entry for a removed snapshot clears the history before it (TableMetadata.Builder#updateSnapshotLog). */
function trimmedSnapshotLog(log: unknown, removedIds: ReadonlySet<string>): unknown {
  if (!Array.isArray(log)) return log;
  const kept: unknown[] = [];
  for (const entry of log) {
    if (isJsonObject(entry) && removedIds.has(intText(entry['snapshot-id']) ?? '')) kept.length = 0;
    else kept.push(entry);
  }
  return kept;
}

function appendedMetadataLog(log: unknown, base: TableMetadataView, baseLocation: string, maxPrevious: number): unknown[] {
  const entries = Array.isArray(log) ? [...log] : [];
  entries.push({ 'timestamp-ms': jsonInt(base.lastUpdatedMs), 'metadata-file': baseLocation });
  const keep = Math.max(1, maxPrevious);
  return entries.slice(Math.max(0, entries.length - keep));
}

/** Builds the committed document; `baseLocation` is the metadata file the catalog pointed at when planning. */
export function applyRetention(doc: JsonObject, base: TableMetadataView, plan: RetentionPlan, now: number, baseLocation: string): JsonObject {
  const removed = new Set(plan.expiredSnapshotIds);
  const props = expirationProperties(base.properties);
  const next: JsonObject = { ...doc };
  next['last-updated-ms'] = jsonInt(Math.max(now, base.lastUpdatedMs));
  next['snapshots'] = withoutSnapshots(doc['snapshots'], removed, 'snapshot-id');
  if ('refs' in doc) next['refs'] = keptRefs(doc['refs'], removed, new Set(plan.droppedRefs));
  if ('statistics' in doc) next['statistics'] = withoutSnapshots(doc['statistics'], removed, 'snapshot-id');
  if ('partition-statistics' in doc) next['partition-statistics'] = withoutSnapshots(doc['partition-statistics'], removed, 'snapshot-id');
  if ('snapshot-log' in doc) next['snapshot-log'] = trimmedSnapshotLog(doc['snapshot-log'], removed);
  next['metadata-log'] = appendedMetadataLog(doc['metadata-log'], base, baseLocation, props.previousVersionsMax);
  return next;
}
