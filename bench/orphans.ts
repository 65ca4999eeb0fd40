/**
 * bench/orphans: a table location on s3rver holding 200,000 files, 10% of them orphans (the rest: data files the
 * manifests reference, the manifests, manifest lists and metadata). One real remove-orphans run over the S3 API:
 * prints files/s deleted against the anchors' published 2–20 files/s, and ListObjectsV2 requests against the
 * floor ceil(files / 1000). s3rver takes about 200 PUTs a second here, so 200,000 uploads would take a quarter
 * of an hour: the metadata files are uploaded through the S3 API, and the empty data and orphan files are seeded
 * straight into s3rver's store on disk (setup only; the run lists and deletes through the S3 API).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { TableCatalog } from '../src/iceberg/catalog/sql-catalog.js';
import { mapWithConcurrency } from '../src/iceberg/io/file-io.js';
import { LocalFileIO } from '../src/iceberg/io/local.js';
import { LocationMap } from '../src/iceberg/io/location-map.js';
import { RoutingFileIO } from '../src/iceberg/io/router.js';
import { S3FileIO } from '../src/iceberg/io/s3.js';
import { writeAvroContainer } from '../src/iceberg/metadata/avro-file.js';
import { jsonInt, serializeMetadata } from '../src/iceberg/metadata/json.js';
import { DEFAULT_EQUIVALENCES } from '../src/iceberg/orphans/locations.js';
import { runOrphanRemoval } from '../src/iceberg/orphans/run.js';
import { startS3rverProcess } from '../test/iceberg/orphans/s3rver.js';
import { MANIFEST_ENTRY_SCHEMA, MANIFEST_LIST_SCHEMA } from '../test/support/iceberg/avro-schemas.js';

const WANTED = Number(process.env['BENCH_ORPHAN_FILES'] ?? 200_000);
const PER_MANIFEST = 1000;
const PUT_CONCURRENCY = 32;
const DELETE_CONCURRENCY = 16;
const NOW = Date.now() + 30 * 86_400_000; // s3rver stamps objects with the real clock: measure from 30 days on
const LOCATION = 's3://bench/warehouse/db/events';
const ANCHOR_FILES_PER_S = { low: 2, high: 20 };

const server = await startS3rverProcess(['bench'], join(process.cwd(), 'test/iceberg/orphans/s3rver-child.mjs'));
const client = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
const key = (path: string) => path.slice('s3://bench/'.length);
const put = (path: string, body: Uint8Array) => client.send(new PutObjectCommand({ Bucket: 'bench', Key: key(path), Body: body, ContentLength: body.length }));
const EMPTY = new Uint8Array(0);

/** An empty object as s3rver's filesystem store keeps it: `<bucket>/<key dirs>/<name>._S3rver_object` (its md5 is computed on first read). */
function seed(path: string): void {
  const file = join(server.directory, 'bench', `${key(path)}._S3rver_object`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, EMPTY);
}

// Files spread over partition directories of 200, as a partitioned table's are (s3rver also re-reads a file's whole
// directory on every delete, which would make one flat directory of 180,000 files measure s3rver, not the job).
const PER_DIR = 200;
const dirOf = (i: number) => `${LOCATION}/data/bucket=${String(Math.floor(i / PER_DIR)).padStart(4, '0')}`;
const total = WANTED;

// 10% orphans, planted under data/ and metadata/.
const orphanCount = total / 10;
const manifests = Math.ceil((total - orphanCount) / (PER_MANIFEST + 2)); // each snapshot adds one manifest and one list
const dataCount = total - orphanCount - 2 * manifests - 2; // minus the metadata file and the version hint
const dataPaths = Array.from({ length: dataCount }, (_, i) => `${dirOf(i)}/part-${String(i).padStart(7, '0')}.parquet`);
const snapshots: unknown[] = [];
const listed: Array<{ path: string; length: number; id: bigint }> = [];
const metadataFiles: Array<[string, Buffer]> = [];
for (let k = 0; k < manifests; k++) {
  const id = 6_000_000_000_000_000_000n + BigInt(k);
  const files = dataPaths.slice(k * PER_MANIFEST, (k + 1) * PER_MANIFEST);
  const manifest = `${LOCATION}/metadata/m-${k}.avro`;
  const bytes = writeAvroContainer(MANIFEST_ENTRY_SCHEMA, files.map((p) => ({
    status: 1, snapshot_id: id, sequence_number: BigInt(k + 1), file_sequence_number: BigInt(k + 1),
    data_file: { content: 0, file_path: p, file_format: 'PARQUET', partition: {}, record_count: 1n, file_size_in_bytes: 0n },
  })), {});
  metadataFiles.push([manifest, bytes]);
  listed.push({ path: manifest, length: bytes.length, id });
  const list = `${LOCATION}/metadata/snap-${id}-1.avro`;
  metadataFiles.push([list, writeAvroContainer(MANIFEST_LIST_SCHEMA, listed.map((m) => ({
    manifest_path: m.path, manifest_length: BigInt(m.length), partition_spec_id: 0, content: 0, sequence_number: 1n, min_sequence_number: 1n,
    added_snapshot_id: m.id, added_files_count: 0, existing_files_count: 0, deleted_files_count: 0, added_rows_count: 0n, existing_rows_count: 0n, deleted_rows_count: 0n,
  })), {})]);
  snapshots.push({ 'sequence-number': jsonInt(k + 1), 'snapshot-id': jsonInt(id), 'timestamp-ms': jsonInt(NOW - 40 * 86_400_000 + k), summary: { operation: 'append' }, 'manifest-list': list, 'schema-id': jsonInt(0) });
}
const current = 6_000_000_000_000_000_000n + BigInt(manifests - 1);
const metadataLocation = `${LOCATION}/metadata/00001-bench.metadata.json`;
metadataFiles.push([metadataLocation, serializeMetadata({
  'format-version': jsonInt(2), 'table-uuid': '00000000-0000-4000-8000-0000000000b5', location: LOCATION, 'last-sequence-number': jsonInt(manifests),
  'last-updated-ms': jsonInt(NOW - 40 * 86_400_000), 'last-column-id': jsonInt(1), 'current-schema-id': jsonInt(0),
  schemas: [{ type: 'struct', 'schema-id': jsonInt(0), fields: [{ id: jsonInt(1), name: 'id', required: false, type: 'long' }] }],
  'default-spec-id': jsonInt(0), 'partition-specs': [{ 'spec-id': jsonInt(0), fields: [] }], 'last-partition-id': jsonInt(999),
  properties: {}, 'current-snapshot-id': jsonInt(current), refs: { main: { 'snapshot-id': jsonInt(current), type: 'branch' } },
  snapshots, 'snapshot-log': [], 'metadata-log': [],
}, metadataLocation)]);
metadataFiles.push([`${LOCATION}/metadata/version-hint.text`, Buffer.from('1')]);
const planted = Array.from({ length: orphanCount }, (_, i) => (i % 100 === 0 ? `${LOCATION}/metadata/orphan-${i}.avro` : `${dirOf(i * 9)}/orphan-${i}.parquet`));

const setupStart = process.hrtime.bigint();
await mapWithConcurrency(metadataFiles, PUT_CONCURRENCY, ([p, body]) => put(p, body));
for (const p of [...dataPaths, ...planted]) seed(p);
const setupSeconds = Number(process.hrtime.bigint() - setupStart) / 1e9;
console.log(`set up ${total.toLocaleString('en')} files in ${setupSeconds.toFixed(0)} s (${dataCount.toLocaleString('en')} referenced data files, ${(2 * manifests).toLocaleString('en')} manifests and lists uploaded, ${orphanCount.toLocaleString('en')} orphans; data and orphans seeded on s3rver's disk)`);

const s3 = new S3FileIO(client, { concurrency: DELETE_CONCURRENCY, deleteBatchSize: 1000 });
const io = new RoutingFileIO(new LocationMap([]), new LocalFileIO(process.cwd()), () => s3);
const catalog: TableCatalog = {
  listTables: async () => [{ catalog: 'bench', namespace: 'db', name: 'events' }],
  loadPointer: async () => metadataLocation,
  commit: async () => 'conflict',
};
const start = process.hrtime.bigint();
const run = await runOrphanRemoval({
  selection: { catalogName: 'bench', namespace: undefined, table: undefined }, shard: { index: 0, count: 1 },
  cutoffMs: NOW - 3 * 86_400_000, nowMs: NOW, prefixMismatch: 'error', equivalences: DEFAULT_EQUIVALENCES,
  dryRun: false, mark: false, deleteMarkedAfterMs: undefined, maxConcurrentDeletes: DELETE_CONCURRENCY,
}, { catalog, io, marks: undefined, log: () => {} });
const wall = Number(process.hrtime.bigint() - start) / 1e9;
const table = run.tables[0];
client.destroy();
await server.close();

if (table === undefined || table.status !== 'cleaned' || table.counts.deleted !== orphanCount || table.counts.listed !== total) {
  console.error(`FAILED: expected ${orphanCount} of ${total} listed files deleted, got ${JSON.stringify(table?.counts)} ${table?.error?.message ?? ''}`);
  process.exit(1);
}
const listFloor = Math.ceil(total / 1000);
const rate = table.filesPerSecond ?? 0;
console.log(`run: ${wall.toFixed(1)} s in all; listed ${table.counts.listed.toLocaleString('en')}, referenced ${table.counts.referenced.toLocaleString('en')}, deleted ${table.counts.deleted.toLocaleString('en')} in ${(table.deleteMs / 1000).toFixed(1)} s with ${s3.requests.deleteObjects} DeleteObjects requests`);
console.log(`deletes: ${rate.toFixed(0)} files/s = ${(rate / ANCHOR_FILES_PER_S.high).toFixed(0)}× the anchors' best published ${ANCHOR_FILES_PER_S.high} files/s (${(rate / ANCHOR_FILES_PER_S.low).toFixed(0)}× their ${ANCHOR_FILES_PER_S.low} files/s)`);
console.log(`listing: ${s3.requests.list} ListObjectsV2 requests vs floor ceil(${total} / 1000) = ${listFloor}: ratio ${(s3.requests.list / listFloor).toFixed(2)}`);
console.log(`whole run: ${(total / wall).toFixed(0)} listed files/s end to end`);
if (s3.requests.list > listFloor) {
  console.error('FAILED: more listing requests than one per 1,000 keys');
  process.exit(1);
}
