/**
 * Another engine committing on top of whatever is current, written the way Java's metastore tables do it (new
 * numbered file, the replaced one appended to the metadata-log) and swapped in with the catalog's compare-and-swap.
 */

/** A property change: it moves the pointer without changing any snapshot. */
import type { TableCatalog, TableIdent } from '../../../src/iceberg/catalog/sql-catalog.js';
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import { loadMetadata, nextMetadataLocation, writeMetadata } from '../../../src/iceberg/metadata/files.js';
import { writeAvroContainer } from '../../../src/iceberg/metadata/avro-file.js';
import { isJsonObject, jsonInt } from '../../../src/iceberg/metadata/json.js';
import { ENTRY_STATUS, MANIFEST_ENTRY_SCHEMA, MANIFEST_LIST_SCHEMA } from '../../support/iceberg/avro-schemas.js';

export async function commitPropertyChange(catalog: TableCatalog, io: FileIO, ident: TableIdent, key: string, value: string): Promise<string> {
  const base = await loadMetadata(io, await catalog.loadPointer(ident));
  const log = Array.isArray(base.doc['metadata-log']) ? base.doc['metadata-log'] : [];
  const properties = isJsonObject(base.doc['properties']) ? base.doc['properties'] : {};
  const next = {
    ...base.doc,
    properties: { ...properties, [key]: value },
    'metadata-log': [...log, { 'timestamp-ms': jsonInt(base.view.lastUpdatedMs), 'metadata-file': base.location }],
  };
  const location = nextMetadataLocation(base.view, base.location);
  await writeMetadata(io, location, next);
  const outcome = await catalog.commit(ident, base.location, location);
  if (outcome !== 'committed') throw new Error(`the other writer's commit did not land: ${outcome}`);
  return location;
}

/**
 * Another writer appending a snapshot on top of whatever is current, whose one manifest lists `reused` (files of
 * older snapshots, e.g. ones an expiration just planned to delete) as ADDED: after it, those files are live again.
 */
export async function commitSnapshotReusing(catalog: TableCatalog, io: FileIO, ident: TableIdent, reused: readonly string[], timestampMs: number): Promise<string> {
  const base = await loadMetadata(io, await catalog.loadPointer(ident));
  const id = 6_000_000_000_000_000_001n + BigInt(base.view.snapshots.length);
  const dir = `${base.view.location}/metadata`;
  const seq = BigInt(String(base.doc['last-sequence-number'] ?? 0)) + 1n;
  const entries = reused.map((path) => ({
    status: ENTRY_STATUS.ADDED, snapshot_id: id, sequence_number: seq, file_sequence_number: seq,
    data_file: { content: 0, file_path: path, file_format: 'PARQUET', partition: {}, record_count: 1n, file_size_in_bytes: 1n },
  }));
  const manifest = writeAvroContainer(MANIFEST_ENTRY_SCHEMA, entries, { 'format-version': '2', content: 'data' });
  const manifestPath = `${dir}/writer-${id}-m0.avro`;
  await io.writeNew(manifestPath, manifest);
  const list = writeAvroContainer(MANIFEST_LIST_SCHEMA, [{
    manifest_path: manifestPath, manifest_length: BigInt(manifest.length), partition_spec_id: 0, content: 0,
    sequence_number: seq, min_sequence_number: seq, added_snapshot_id: id,
    added_files_count: reused.length, existing_files_count: 0, deleted_files_count: 0, added_rows_count: 0n, existing_rows_count: 0n, deleted_rows_count: 0n,
  }], { 'snapshot-id': String(id), 'format-version': '2' });
  const listPath = `${dir}/snap-${id}-writer.avro`;
  await io.writeNew(listPath, list);
  const snapshots = Array.isArray(base.doc['snapshots']) ? base.doc['snapshots'] : [];
  const log = Array.isArray(base.doc['metadata-log']) ? base.doc['metadata-log'] : [];
  const next = {
    ...base.doc,
    'last-sequence-number': jsonInt(seq),
    'last-updated-ms': jsonInt(timestampMs),
    'current-snapshot-id': jsonInt(id),
    snapshots: [...snapshots, {
      'sequence-number': jsonInt(seq), 'snapshot-id': jsonInt(id), ...(base.view.currentSnapshotId ? { 'parent-snapshot-id': jsonInt(base.view.currentSnapshotId) } : {}),
      'timestamp-ms': jsonInt(timestampMs), summary: { operation: 'append' }, 'manifest-list': listPath, 'schema-id': jsonInt(0),
    }],
    refs: { ...(isJsonObject(base.doc['refs']) ? base.doc['refs'] : {}), main: { 'snapshot-id': jsonInt(id), type: 'branch' } },
    'metadata-log': [...log, { 'timestamp-ms': jsonInt(base.view.lastUpdatedMs), 'metadata-file': base.location }],
  };
  const location = nextMetadataLocation(base.view, base.location);
  await writeMetadata(io, location, next);
  const outcome = await catalog.commit(ident, base.location, location);
  if (outcome !== 'committed') throw new Error(`the other writer's commit did not land: ${outcome}`);
  return location;
}
