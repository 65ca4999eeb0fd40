import { describe, expect, it } from 'vitest';
import { collectFilePlan } from '../../src/iceberg/cleanup/collect.js';
import { ManifestReader } from '../../src/iceberg/cleanup/manifest-reader.js';
import { IcebergError } from '../../src/iceberg/errors.js';
import type { FileIO } from '../../src/iceberg/io/file-io.js';
import { writeAvroContainer } from '../../src/iceberg/metadata/avro-file.js';
import type { SnapshotView, TableMetadataView } from '../../src/iceberg/metadata/table-metadata.js';
import { MANIFEST_ENTRY_SCHEMA, MANIFEST_LIST_SCHEMA } from '../support/iceberg/avro-schemas.js';

const T = 's3://lake/t';

/** A plain in-memory FileIO: files are a map; reads are counted. */
function memoryIO(files: Map<string, Buffer>): FileIO & { reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    async read(path) {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      const bytes = files.get(path);
      if (bytes === undefined) throw new IcebergError('UNREADABLE', 'file not found', { subject: path });
      return bytes;
    },
    async writeNew(path, data) { files.set(path, data); },
    async size(path) { return files.get(path)?.length; },
    async deleteFiles(paths) { for (const p of paths) files.delete(p); return []; },
  };
}

function manifest(entries: Array<[number, string]>): Buffer {
  return writeAvroContainer(MANIFEST_ENTRY_SCHEMA, entries.map(([status, path]) => ({
    status, snapshot_id: 1n, sequence_number: null, file_sequence_number: null,
    data_file: { content: 0, file_path: `${T}/data/${path}`, file_format: 'PARQUET', partition: {}, record_count: 1n, file_size_in_bytes: 10n },
  })), {});
}

function list(paths: string[]): Buffer {
  return writeAvroContainer(MANIFEST_LIST_SCHEMA, paths.map((p) => ({
    manifest_path: `${T}/metadata/${p}`, manifest_length: 5n, partition_spec_id: 0, content: 0, sequence_number: 0n, min_sequence_number: 0n,
    added_snapshot_id: 1n, added_files_count: 0, existing_files_count: 0, deleted_files_count: 0, added_rows_count: 0n, existing_rows_count: 0n, deleted_rows_count: 0n,
  })), {});
}

const snap = (id: string, extra: Partial<SnapshotView>): SnapshotView => ({ id, parentId: undefined, timestampMs: 0, manifestList: undefined, manifests: undefined, ...extra });
const after = (snapshots: SnapshotView[]): TableMetadataView => ({ formatVersion: 1, location: T, lastUpdatedMs: 0, currentSnapshotId: undefined, snapshots, refs: [], properties: {}, statistics: [], partitionStatistics: [] });

describe('collectFilePlan', () => {
  it('handles v1 snapshots that inline their manifests instead of a manifest list', async () => {
    const files = new Map([[`${T}/metadata/m1.avro`, manifest([[1, 'a.parquet']])], [`${T}/metadata/m2.avro`, manifest([[2, 'a.parquet'], [1, 'b.parquet']])]]);
    const io = memoryIO(files);
    const plan = await collectFilePlan({
      expired: [snap('1', { manifests: [`${T}/metadata/m1.avro`] })],
      after: after([snap('2', { manifests: [`${T}/metadata/m2.avro`] })]),
      statisticsBefore: [],
    }, new ManifestReader(io));
    expect(plan.deletions.map((d) => d.path)).toEqual([`${T}/data/a.parquet`, `${T}/metadata/m1.avro`]);
  });

  it('refuses (UNREADABLE) when a manifest of a kept snapshot cannot be read, even if its list can', async () => {
    const files = new Map([[`${T}/metadata/snap-2.avro`, list(['gone.avro'])], [`${T}/metadata/snap-1.avro`, list(['m1.avro'])], [`${T}/metadata/m1.avro`, manifest([[1, 'a.parquet']])]]);
    const attempt = collectFilePlan({
      expired: [snap('1', { manifestList: `${T}/metadata/snap-1.avro` })],
      after: after([snap('2', { manifestList: `${T}/metadata/snap-2.avro` })]),
      statisticsBefore: [],
    }, new ManifestReader(memoryIO(files)));
    await expect(attempt).rejects.toThrow(`manifest ${T}/metadata/gone.avro of a kept snapshot cannot be read, so nothing will be deleted`);
  });

  it('reads every list and manifest at most once across repeated plans with one reader', async () => {
    const files = new Map([
      [`${T}/metadata/snap-1.avro`, list(['m1.avro'])], [`${T}/metadata/snap-2.avro`, list(['m1.avro', 'm2.avro'])],
      [`${T}/metadata/m1.avro`, manifest([[1, 'a.parquet']])], [`${T}/metadata/m2.avro`, manifest([[1, 'b.parquet']])],
    ]);
    const io = memoryIO(files);
    const reader = new ManifestReader(io);
    const input = { expired: [snap('1', { manifestList: `${T}/metadata/snap-1.avro` })], after: after([snap('2', { manifestList: `${T}/metadata/snap-2.avro` })]), statisticsBefore: [] };
    const first = await collectFilePlan(input, reader);
    const second = await collectFilePlan(input, reader);
    expect(second).toEqual(first);
    expect(first.deletions.map((d) => d.path)).toEqual([`${T}/metadata/snap-1.avro`]);
    expect([...io.reads.values()]).toEqual([1, 1, 1, 1]);
    expect(reader.reads).toEqual({ manifestLists: 2, manifests: 2 });
  });
});
