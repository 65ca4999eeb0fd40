/**
 * The CommitTableRequest that turns a base metadata document into the job's next one, as REST updates:
 * `remove-snapshot-ref` for each ref gone, `remove-snapshots`, `remove-statistics` / `remove-partition-statistics`
 * for statistics gone, `remove-partition-specs` / `remove-schemas` for specs and schemas gone. Requirements pin
 * what the plan relied on: `assert-table-uuid`, and `assert-ref-snapshot-id` for every ref of the base, so a
 * writer that moved or added a ref meanwhile turns the commit into a 409 and the job re-plans. (Java's own
 * expiration over REST sends only the uuid requirement; the server then drops refs left dangling.)
 * A change the REST updates cannot express is a bug, refused before anything is sent.
 */
import { isDeepStrictEqual } from 'node:util';
import { IcebergError } from '../../errors.js';
import { type JsonObject, intText, isJsonObject, jsonInt } from '../../metadata/json.js';
import { readTableMetadata } from '../../metadata/table-metadata.js';
import { wireJson } from './wire-json.js';

export interface CommitTableRequest {
  readonly requirements: JsonObject[];
  readonly updates: JsonObject[];
}

/** Fields the server maintains itself when it applies the updates. */
const SERVER_MAINTAINED = new Set(['last-updated-ms', 'metadata-log', 'snapshot-log']);
const EXPRESSED = new Set(['snapshots', 'refs', 'statistics', 'partition-statistics', 'partition-specs', 'schemas']);

function idsOf(list: unknown, key: string): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const id = isJsonObject(entry) ? intText(entry[key]) : undefined;
    return id === undefined ? [] : [id];
  });
}

function gone(before: unknown, after: unknown, key: string): string[] {
  const kept = new Set(idsOf(after, key));
  return [...new Set(idsOf(before, key))].filter((id) => !kept.has(id));
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && wireJson(a) === wireJson(b)) || isDeepStrictEqual(a, b);
}

export function commitRequest(base: JsonObject, next: JsonObject, location: string): CommitTableRequest {
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    if (SERVER_MAINTAINED.has(key) || EXPRESSED.has(key)) continue;
    if (!sameJson(base[key], next[key])) throw new IcebergError('INTERNAL', `the change to "${key}" has no REST catalog update`, { subject: location });
  }
  const view = readTableMetadata(base, location);
  const requirements: JsonObject[] = [];
  if (typeof base['table-uuid'] === 'string') requirements.push({ type: 'assert-table-uuid', uuid: base['table-uuid'] });
  for (const ref of [...view.refs].sort((a, b) => a.name.localeCompare(b.name))) {
    requirements.push({ type: 'assert-ref-snapshot-id', ref: ref.name, 'snapshot-id': jsonInt(ref.snapshotId) });
  }
  const updates: JsonObject[] = [];
  const refsAfter = isJsonObject(next['refs']) ? next['refs'] : {};
  if (isJsonObject(base['refs'])) {
    for (const name of Object.keys(base['refs']).sort()) if (!(name in refsAfter)) updates.push({ action: 'remove-snapshot-ref', 'ref-name': name });
  }
  const removed = gone(base['snapshots'], next['snapshots'], 'snapshot-id');
  if (removed.length > 0) updates.push({ action: 'remove-snapshots', 'snapshot-ids': removed.map((id) => jsonInt(id)) });
  for (const id of gone(base['statistics'], next['statistics'], 'snapshot-id')) updates.push({ action: 'remove-statistics', 'snapshot-id': jsonInt(id) });
  for (const id of gone(base['partition-statistics'], next['partition-statistics'], 'snapshot-id')) updates.push({ action: 'remove-partition-statistics', 'snapshot-id': jsonInt(id) });
  const specs = gone(base['partition-specs'], next['partition-specs'], 'spec-id');
  if (specs.length > 0) {
    updates.push({ action: 'remove-partition-specs', 'spec-ids': specs.map((id) => jsonInt(id)) });
    if (base['default-spec-id'] !== undefined) requirements.push({ type: 'assert-default-spec-id', 'default-spec-id': base['default-spec-id'] });
  }
  const schemas = gone(base['schemas'], next['schemas'], 'schema-id');
  if (schemas.length > 0) {
    updates.push({ action: 'remove-schemas', 'schema-ids': schemas.map((id) => jsonInt(id)) });
    if (base['current-schema-id'] !== undefined) requirements.push({ type: 'assert-current-schema-id', 'current-schema-id': base['current-schema-id'] });
  }
  return { requirements, updates };
}
