/**
 * Writes the benchmark table straight to disk: `snapshots` appends of `filesPerSnapshot` data files, each in its
 * own small manifest; every 100 snapshots the group's manifests are merged into one (10% of its files removed,
 * as DELETED entries), as manifest rewriting keeps real manifest lists short. Data files are not materialised.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAvroContainer } from '../../../src/iceberg/metadata/avro-file.js';
import { jsonInt, serializeMetadata } from '../../../src/iceberg/metadata/json.js';
import { MANIFEST_ENTRY_SCHEMA, MANIFEST_LIST_SCHEMA } from './avro-schemas.js';

interface Manifest { path: string; length: number; addedBy: bigint }

export interface BenchTable { metadataLocation: string; manifestFiles: string[] }

const GROUP = 100;

function entry(status: number, id: bigint, path: string): unknown {
  return {
    status, snapshot_id: id, sequence_number: 1n, file_sequence_number: 1n,
    data_file: { content: 0, file_path: path, file_format: 'PARQUET', partition: {}, record_count: 1000n, file_size_in_bytes: 1_048_576n },
  };
}

function listRecord(m: Manifest): unknown {
  return {
    manifest_path: m.path, manifest_length: BigInt(m.length), partition_spec_id: 0, content: 0, sequence_number: 1n, min_sequence_number: 1n,
    added_snapshot_id: m.addedBy, added_files_count: 0, existing_files_count: 0, deleted_files_count: 0, added_rows_count: 0n, existing_rows_count: 0n, deleted_rows_count: 0n,
  };
}

function write(path: string, bytes: Buffer, files: string[]): number {
  writeFileSync(path, bytes);
  files.push(path);
  return bytes.length;
}

export function writeBenchTable(dir: string, snapshots: number, filesPerSnapshot: number, now: number, stepMs: number): BenchTable {
  const meta = join(dir, 'metadata');
  mkdirSync(meta, { recursive: true });
  const files: string[] = [];
  const merged: Manifest[] = [];
  let group: Manifest[] = [];
  let groupFiles: string[] = [];
  const snapshotDocs: unknown[] = [];
  for (let k = 0; k < snapshots; k++) {
    const id = 5_000_000_000_000_000_000n + BigInt(k);
    const paths = Array.from({ length: filesPerSnapshot }, (_, i) => `${dir}/data/s${k}-f${i}.parquet`);
    const small = join(meta, `m-${k}.avro`);
    group.push({ path: small, addedBy: id, length: write(small, writeAvroContainer(MANIFEST_ENTRY_SCHEMA, paths.map((p) => entry(1, id, p)), {}), files) });
    groupFiles.push(...paths);
    if (k % GROUP === GROUP - 1) {
      const path = join(meta, `merged-${k}.avro`);
      const entries = groupFiles.map((p, i) => entry(i % 10 === 0 ? 2 : 0, id, p));
      merged.push({ path, addedBy: id, length: write(path, writeAvroContainer(MANIFEST_ENTRY_SCHEMA, entries, {}), files) });
      group = [];
      groupFiles = [];
    }
    const list = join(meta, `snap-${k}.avro`);
    write(list, writeAvroContainer(MANIFEST_LIST_SCHEMA, [...merged, ...group].map(listRecord), {}), files);
    snapshotDocs.push({
      'sequence-number': jsonInt(k + 1), 'snapshot-id': jsonInt(id), ...(k > 0 ? { 'parent-snapshot-id': jsonInt(id - 1n) } : {}),
      'timestamp-ms': jsonInt(now - (snapshots - k) * stepMs), summary: { operation: 'append' }, 'manifest-list': list, 'schema-id': jsonInt(0),
    });
  }
  const current = 5_000_000_000_000_000_000n + BigInt(snapshots - 1);
  const doc = {
    'format-version': jsonInt(2), 'table-uuid': '00000000-0000-4000-8000-00000000beef', location: dir, 'last-sequence-number': jsonInt(snapshots),
    'last-updated-ms': jsonInt(now - stepMs), 'last-column-id': jsonInt(1), 'current-schema-id': jsonInt(0),
    schemas: [{ type: 'struct', 'schema-id': jsonInt(0), fields: [{ id: jsonInt(1), name: 'id', required: false, type: 'long' }] }],
    'default-spec-id': jsonInt(0), 'partition-specs': [{ 'spec-id': jsonInt(0), fields: [] }], 'last-partition-id': jsonInt(999),
    properties: {}, 'current-snapshot-id': jsonInt(current), refs: { main: { 'snapshot-id': jsonInt(current), type: 'branch' } },
    snapshots: snapshotDocs, 'snapshot-log': [], 'metadata-log': [],
  };
  const metadataLocation = join(meta, '00001-bench.metadata.json');
  writeFileSync(metadataLocation, serializeMetadata(doc, metadataLocation));
  return { metadataLocation, manifestFiles: files };
}
