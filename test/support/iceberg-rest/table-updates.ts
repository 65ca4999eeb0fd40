/**
 * The server side of `updateTable`, written from the spec and Iceberg Java's TableMetadata.Builder rather than
 * from our client: check each requirement against the current metadata, then apply each update, then append
 * the replaced file to the metadata log. A failed requirement is a 409, an update we do not know a 400.
 */
import { LosslessNumber, isLosslessNumber } from 'lossless-json';

type Json = Record<string, unknown>;

export class UpdateRefused extends Error {
  constructor(readonly status: 400 | 409, readonly type: string, message: string) {
    super(message);
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isLosslessNumber(v);
}

function text(v: unknown): string | undefined {
  if (isLosslessNumber(v)) return v.value;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** The refs as Java reads them: a v1 document without `refs` has `main` at its current snapshot. */
export function refsOf(doc: Json): Record<string, string> {
  if (isObject(doc['refs'])) {
    return Object.fromEntries(Object.entries(doc['refs']).flatMap(([name, ref]) => (isObject(ref) && text(ref['snapshot-id']) !== undefined ? [[name, text(ref['snapshot-id']) as string]] : [])));
  }
  const current = text(doc['current-snapshot-id']);
  return current === undefined || current === '-1' ? {} : { main: current };
}

function checkRequirement(doc: Json, r: Json): void {
  const fail = (message: string) => {
    throw new UpdateRefused(409, 'CommitFailedException', `Requirement failed: ${message}`);
  };
  switch (r['type']) {
    case 'assert-table-uuid':
      if (doc['table-uuid'] !== r['uuid']) fail(`table UUID does not match: expected ${String(doc['table-uuid'])} != ${String(r['uuid'])}`);
      return;
    case 'assert-ref-snapshot-id': {
      const actual = refsOf(doc)[String(r['ref'])];
      const expected = r['snapshot-id'] === null ? undefined : text(r['snapshot-id']);
      if (actual !== expected) fail(`${String(r['ref'])} is ${actual ?? 'absent'}, expected ${expected ?? 'absent'}`);
      return;
    }
    case 'assert-current-schema-id':
      if (text(doc['current-schema-id']) !== text(r['current-schema-id'])) fail('current schema changed');
      return;
    case 'assert-default-spec-id':
      if (text(doc['default-spec-id']) !== text(r['default-spec-id'])) fail('default partition spec changed');
      return;
    default:
      throw new UpdateRefused(400, 'BadRequestException', `unsupported requirement ${String(r['type'])}`);
  }
}

function without(list: unknown, key: string, ids: ReadonlySet<string>): unknown {
  return Array.isArray(list) ? list.filter((e) => !(isObject(e) && ids.has(text(e[key]) ?? ''))) : list;
}

function applyUpdate(doc: Json, u: Json): void {
  switch (u['action']) {
    case 'remove-snapshot-ref': {
      const name = String(u['ref-name']);
      if (isObject(doc['refs'])) doc['refs'] = Object.fromEntries(Object.entries(doc['refs']).filter(([n]) => n !== name));
      if (name === 'main') doc['current-snapshot-id'] = new LosslessNumber('-1');
      return;
    }
    case 'remove-snapshots': {
      const ids = new Set((u['snapshot-ids'] as unknown[]).map((id) => text(id) ?? ''));
      doc['snapshots'] = without(doc['snapshots'], 'snapshot-id', ids);
      // Builder.rewriteSnapshotsInternal: refs left pointing at a removed snapshot go too.
      if (isObject(doc['refs'])) doc['refs'] = Object.fromEntries(Object.entries(doc['refs']).filter(([, ref]) => !(isObject(ref) && ids.has(text(ref['snapshot-id']) ?? ''))));
      doc['statistics'] = without(doc['statistics'], 'snapshot-id', ids);
      doc['partition-statistics'] = without(doc['partition-statistics'], 'snapshot-id', ids);
      if (doc['statistics'] === undefined) delete doc['statistics'];
      if (doc['partition-statistics'] === undefined) delete doc['partition-statistics'];
      // Builder.updateSnapshotLog: history before an entry of a removed snapshot is no longer linear, so it goes.
      if (Array.isArray(doc['snapshot-log'])) {
        const kept: unknown[] = [];
        for (const e of doc['snapshot-log']) {
          if (isObject(e) && ids.has(text(e['snapshot-id']) ?? '')) kept.length = 0;
          else kept.push(e);
        }
        doc['snapshot-log'] = kept;
      }
      return;
    }
    case 'remove-statistics':
      doc['statistics'] = without(doc['statistics'], 'snapshot-id', new Set([text(u['snapshot-id']) ?? '']));
      return;
    case 'remove-partition-statistics':
      doc['partition-statistics'] = without(doc['partition-statistics'], 'snapshot-id', new Set([text(u['snapshot-id']) ?? '']));
      return;
    case 'remove-partition-specs':
      doc['partition-specs'] = without(doc['partition-specs'], 'spec-id', new Set((u['spec-ids'] as unknown[]).map((id) => text(id) ?? '')));
      return;
    case 'remove-schemas':
      doc['schemas'] = without(doc['schemas'], 'schema-id', new Set((u['schema-ids'] as unknown[]).map((id) => text(id) ?? '')));
      return;
    case 'set-properties':
      doc['properties'] = { ...(isObject(doc['properties']) ? doc['properties'] : {}), ...(u['updates'] as Json) };
      return;
    case 'set-snapshot-ref': {
      const { action: _a, 'ref-name': name, ...ref } = u;
      doc['refs'] = { ...(isObject(doc['refs']) ? doc['refs'] : {}), [String(name)]: ref };
      if (name === 'main') doc['current-snapshot-id'] = ref['snapshot-id'];
      return;
    }
    default:
      throw new UpdateRefused(400, 'BadRequestException', `unsupported update ${String(u['action'])}`);
  }
}

/** The next document, or UpdateRefused. `location` is the replaced file, appended to the metadata log. */
export function applyCommit(current: Json, location: string, request: Json, now: number): Json {
  for (const r of (request['requirements'] as Json[] | undefined) ?? []) checkRequirement(current, r);
  const doc = cloneLossless(current);
  for (const u of (request['updates'] as Json[] | undefined) ?? []) applyUpdate(doc, u);
  const log = Array.isArray(doc['metadata-log']) ? [...doc['metadata-log']] : [];
  log.push({ 'timestamp-ms': doc['last-updated-ms'], 'metadata-file': location });
  const props = isObject(doc['properties']) ? doc['properties'] : {};
  const max = Math.max(1, Number(props['write.metadata.previous-versions-max'] ?? 100));
  doc['metadata-log'] = log.slice(Math.max(0, log.length - max));
  doc['last-updated-ms'] = new LosslessNumber(String(now));
  return doc;
}

export function cloneLossless<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneLossless) as T;
  if (isLosslessNumber(value)) return new LosslessNumber(value.value) as T;
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneLossless(v)])) as T;
  return value;
}
