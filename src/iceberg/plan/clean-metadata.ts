/**
 * `--clean-expired-metadata`, as Java 1.11's ExpireSnapshots.cleanExpiredMetadata(true) (RemoveSnapshots): after
 * expiration, partition specs no retained manifest uses and schemas no retained snapshot uses are removed. The
 * default spec and the current schema always stay; sort orders, last-partition-id and last-column-id are untouched
 * (ids are never reused). Stricter than Java where a fact is unknown: a manifest without a recorded spec id keeps
 * every spec, a retained snapshot without a schema-id keeps every schema.
 */
import { type JsonObject, intText, isJsonObject } from '../metadata/json.js';

export interface RetainedMetadataFacts {
  /** partition_spec_id of every manifest of every retained snapshot; undefined when any is unknown. */
  readonly specIds: ReadonlySet<number> | undefined;
}

export interface MetadataCleanup {
  readonly removedSpecIds: readonly string[];
  readonly removedSchemaIds: readonly string[];
  /** The document without them (the input when nothing is removed). */
  readonly doc: JsonObject;
}

function idsOf(list: unknown, key: string): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const id = isJsonObject(entry) ? intText(entry[key]) : undefined;
    return id === undefined ? [] : [id];
  });
}

function retainedSchemaIds(doc: JsonObject): Set<string> | undefined {
  const ids = new Set<string>();
  const snapshots = Array.isArray(doc['snapshots']) ? doc['snapshots'] : [];
  for (const s of snapshots) {
    const id = isJsonObject(s) ? intText(s['schema-id']) : undefined;
    if (id === undefined) return undefined;
    ids.add(id);
  }
  return ids;
}

function without(list: unknown, key: string, removed: ReadonlySet<string>): unknown {
  if (!Array.isArray(list)) return list;
  return list.filter((entry) => !(isJsonObject(entry) && removed.has(intText(entry[key]) ?? '')));
}

/** `next` is the document after expiration (its snapshots are the retained ones). */
export function cleanExpiredMetadata(next: JsonObject, facts: RetainedMetadataFacts): MetadataCleanup {
  const defaultSpec = intText(next['default-spec-id']);
  const currentSchema = intText(next['current-schema-id']);
  const usedSpecs = facts.specIds === undefined ? undefined : new Set([...facts.specIds].map(String));
  const removedSpecIds = usedSpecs === undefined || defaultSpec === undefined
    ? []
    : idsOf(next['partition-specs'], 'spec-id').filter((id) => id !== defaultSpec && !usedSpecs.has(id));
  const usedSchemas = retainedSchemaIds(next);
  const removedSchemaIds = usedSchemas === undefined || currentSchema === undefined
    ? []
    : idsOf(next['schemas'], 'schema-id').filter((id) => id !== currentSchema && !usedSchemas.has(id));
  if (removedSpecIds.length === 0 && removedSchemaIds.length === 0) return { removedSpecIds, removedSchemaIds, doc: next };
  const doc: JsonObject = { ...next };
  if (removedSpecIds.length > 0) doc['partition-specs'] = without(next['partition-specs'], 'spec-id', new Set(removedSpecIds));
  if (removedSchemaIds.length > 0) doc['schemas'] = without(next['schemas'], 'schema-id', new Set(removedSchemaIds));
  return { removedSpecIds, removedSchemaIds, doc };
}
