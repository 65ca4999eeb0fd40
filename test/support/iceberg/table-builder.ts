/**
 * Writes spec-valid Iceberg v2 tables of our own — metadata JSON, Avro manifest lists and manifests, data files —
 * through a FileIO, with many snapshots, branches and tags. Names are deterministic, so building the same
 * history twice yields the same files (used to compare an interrupted run with an uninterrupted one).
 */
import { writeAvroContainer } from '../../../src/iceberg/metadata/avro-file.js';
import { type JsonObject, jsonInt, serializeMetadata } from '../../../src/iceberg/metadata/json.js';
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import { ENTRY_STATUS, MANIFEST_ENTRY_SCHEMA, MANIFEST_LIST_SCHEMA } from './avro-schemas.js';

interface Entry { status: number; snapshotId: bigint; path: string; content: number; size: number }
interface Manifest { path: string; length: number; content: number; addedSnapshotId: bigint; entries: Entry[] }
interface Snapshot { id: bigint; parentId: bigint | undefined; timestampMs: number; seq: number; manifestList: string; manifests: Manifest[] }
interface Ref { snapshotId: bigint; type: 'branch' | 'tag'; extra: Record<string, number> }

export interface ChangeOptions {
  readonly timestampMs: number;
  readonly branch?: string;
  /** Number of data files to add (or explicit kinds). */
  readonly addData?: number;
  readonly addPositionDeletes?: number;
  /** Paths of live files to remove (their manifest is rewritten with DELETED entries). */
  readonly remove?: readonly string[];
}

const FIRST_ID = 7_000_000_000_000_000_001n; // beyond 2^53, so any rounding would show

export class TableBuilder {
  private readonly snapshots: Snapshot[] = [];
  private readonly refs = new Map<string, Ref>();
  private readonly properties: Record<string, string> = {};
  private readonly statistics: Array<{ snapshotId: bigint; path: string }> = [];
  private counter = 0;
  private seq = 0;
  private version = 0;
  private lastUpdatedMs = 0;
  private metadataLog: Array<{ file: string; ts: number }> = [];
  /** Location of the newest metadata file written. */
  current: string | undefined;

  constructor(readonly location: string, private readonly io: FileIO) {}

  setProperty(key: string, value: string): this {
    this.properties[key] = value;
    return this;
  }

  private name(prefix: string, ext: string): string {
    this.counter += 1;
    return `${prefix}-${String(this.counter).padStart(6, '0')}.${ext}`;
  }

  private async writeManifest(snapshotId: bigint, entries: Entry[], content: number): Promise<Manifest> {
    const path = `${this.location}/metadata/${this.name('manifest', 'avro')}`;
    const records = entries.map((e) => ({
      status: e.status, snapshot_id: e.snapshotId, sequence_number: BigInt(this.seq), file_sequence_number: BigInt(this.seq),
      data_file: { content: e.content, file_path: e.path, file_format: 'PARQUET', partition: {}, record_count: 1n, file_size_in_bytes: BigInt(e.size) },
    }));
    const bytes = writeAvroContainer(MANIFEST_ENTRY_SCHEMA, records, { 'format-version': '2', content: content === 0 ? 'data' : 'deletes' });
    await this.io.writeNew(path, bytes);
    return { path, length: bytes.length, content, addedSnapshotId: snapshotId, entries };
  }

  private async writeFiles(count: number, kind: 'data' | 'deletes', snapshotId: bigint): Promise<Entry[]> {
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const path = `${this.location}/data/${this.name(kind, 'parquet')}`;
      const body = Buffer.from(`${kind} file ${path}\n`);
      await this.io.writeNew(path, body);
      entries.push({ status: ENTRY_STATUS.ADDED, snapshotId, path, content: kind === 'data' ? 0 : 1, size: body.length });
    }
    return entries;
  }

  private async removeFrom(manifests: Manifest[], remove: readonly string[], snapshotId: bigint): Promise<Manifest[]> {
    const out: Manifest[] = [];
    for (const m of manifests) {
      const live = m.entries.filter((e) => e.status !== ENTRY_STATUS.DELETED);
      if (!live.some((e) => remove.includes(e.path))) { out.push(m); continue; }
      const rewritten = live.map((e) => (remove.includes(e.path)
        ? { ...e, status: ENTRY_STATUS.DELETED, snapshotId }
        : { ...e, status: ENTRY_STATUS.EXISTING }));
      out.push(await this.writeManifest(snapshotId, rewritten, m.content));
    }
    return out;
  }

  private async writeList(snapshotId: bigint, manifests: Manifest[]): Promise<string> {
    const path = `${this.location}/metadata/snap-${snapshotId}-${this.name('list', 'avro')}`;
    const records = manifests.map((m) => ({
      manifest_path: m.path, manifest_length: BigInt(m.length), partition_spec_id: 0, content: m.content,
      sequence_number: BigInt(this.seq), min_sequence_number: BigInt(this.seq), added_snapshot_id: m.addedSnapshotId,
      added_files_count: 0, existing_files_count: 0, deleted_files_count: 0, added_rows_count: 0n, existing_rows_count: 0n, deleted_rows_count: 0n,
    }));
    await this.io.writeNew(path, writeAvroContainer(MANIFEST_LIST_SCHEMA, records, { 'snapshot-id': String(snapshotId), 'format-version': '2' }));
    return path;
  }

  /** Commits one snapshot on a branch (default main); returns its id. */
  async commit(options: ChangeOptions): Promise<bigint> {
    const branch = options.branch ?? 'main';
    const parent = this.refs.get(branch);
    const parentSnapshot = this.snapshots.find((s) => s.id === parent?.snapshotId);
    const id = FIRST_ID + BigInt(this.snapshots.length) * 7919n;
    this.seq += 1;
    let manifests = await this.removeFrom(parentSnapshot?.manifests ?? [], options.remove ?? [], id);
    const data = await this.writeFiles(options.addData ?? 0, 'data', id);
    const deletes = await this.writeFiles(options.addPositionDeletes ?? 0, 'deletes', id);
    if (data.length > 0) manifests = [await this.writeManifest(id, data, 0), ...manifests];
    if (deletes.length > 0) manifests = [await this.writeManifest(id, deletes, 1), ...manifests];
    const manifestList = await this.writeList(id, manifests);
    this.snapshots.push({ id, parentId: parentSnapshot?.id, timestampMs: options.timestampMs, seq: this.seq, manifestList, manifests });
    this.refs.set(branch, { snapshotId: id, type: 'branch', extra: parent?.extra ?? {} });
    this.lastUpdatedMs = Math.max(this.lastUpdatedMs, options.timestampMs);
    return id;
  }

  /** Creates or moves a branch or tag; `extra` holds min-snapshots-to-keep, max-snapshot-age-ms, max-ref-age-ms. */
  ref(name: string, type: 'branch' | 'tag', snapshotId: bigint, extra: Record<string, number> = {}): this {
    this.refs.set(name, { snapshotId, type, extra });
    return this;
  }

  async addStatistics(snapshotId: bigint): Promise<string> {
    const path = `${this.location}/metadata/${this.name('stats', 'puffin')}`;
    await this.io.writeNew(path, Buffer.from('PFA1 statistics'));
    this.statistics.push({ snapshotId, path });
    return path;
  }

  manifestListOf(snapshotId: bigint): string {
    return this.snapshots.find((x) => x.id === snapshotId)?.manifestList ?? '';
  }

  manifestsOf(snapshotId: bigint): string[] {
    return (this.snapshots.find((x) => x.id === snapshotId)?.manifests ?? []).map((m) => m.path);
  }

  /** Live file paths of a snapshot (for assertions). */
  liveFiles(snapshotId: bigint): string[] {
    const s = this.snapshots.find((x) => x.id === snapshotId);
    return (s?.manifests ?? []).flatMap((m) => m.entries.filter((e) => e.status !== ENTRY_STATUS.DELETED).map((e) => e.path));
  }

  document(): JsonObject {
    const main = this.refs.get('main');
    return {
      'format-version': jsonInt(2), 'table-uuid': '00000000-0000-4000-8000-000000000001', location: this.location,
      'last-sequence-number': jsonInt(this.seq), 'last-updated-ms': jsonInt(this.lastUpdatedMs), 'last-column-id': jsonInt(1),
      'current-schema-id': jsonInt(0), schemas: [{ type: 'struct', 'schema-id': jsonInt(0), fields: [{ id: jsonInt(1), name: 'id', required: false, type: 'long' }] }],
      'default-spec-id': jsonInt(0), 'partition-specs': [{ 'spec-id': jsonInt(0), fields: [] }], 'last-partition-id': jsonInt(999),
      'default-sort-order-id': jsonInt(0), 'sort-orders': [{ 'order-id': jsonInt(0), fields: [] }],
      properties: { ...this.properties },
      'current-snapshot-id': jsonInt(main?.snapshotId ?? -1n),
      refs: Object.fromEntries([...this.refs].map(([n, r]) => [n, { 'snapshot-id': jsonInt(r.snapshotId), type: r.type, ...Object.fromEntries(Object.entries(r.extra).map(([k, v]) => [k, jsonInt(v)])) }])),
      snapshots: this.snapshots.map((s) => ({
        'sequence-number': jsonInt(s.seq), 'snapshot-id': jsonInt(s.id), ...(s.parentId !== undefined ? { 'parent-snapshot-id': jsonInt(s.parentId) } : {}),
        'timestamp-ms': jsonInt(s.timestampMs), summary: { operation: 'append' }, 'manifest-list': s.manifestList, 'schema-id': jsonInt(0),
      })),
      statistics: this.statistics.map((s) => ({ 'snapshot-id': jsonInt(s.snapshotId), 'statistics-path': s.path, 'file-size-in-bytes': jsonInt(15), 'file-footer-size-in-bytes': jsonInt(4), 'blob-metadata': [] })),
      'snapshot-log': this.snapshots.filter((s) => this.isMainAncestor(s.id)).map((s) => ({ 'timestamp-ms': jsonInt(s.timestampMs), 'snapshot-id': jsonInt(s.id) })),
      'metadata-log': this.metadataLog.map((m) => ({ 'timestamp-ms': jsonInt(m.ts), 'metadata-file': m.file })),
    };
  }

  private isMainAncestor(id: bigint): boolean {
    let cursor = this.snapshots.find((s) => s.id === this.refs.get('main')?.snapshotId);
    while (cursor !== undefined) {
      if (cursor.id === id) return true;
      cursor = this.snapshots.find((s) => s.id === cursor?.parentId);
    }
    return false;
  }

  /** Writes the next metadata file and returns its location. */
  async writeMetadata(): Promise<string> {
    this.version += 1;
    const path = `${this.location}/metadata/${String(this.version).padStart(5, '0')}-00000000-0000-4000-8000-${String(this.version).padStart(12, '0')}.metadata.json`;
    if (this.current !== undefined) this.metadataLog.push({ file: this.current, ts: this.lastUpdatedMs });
    await this.io.writeNew(path, serializeMetadata(this.document(), path));
    this.current = path;
    return path;
  }
}
