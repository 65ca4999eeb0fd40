/**
 * Manifest lists and manifests decoded by Iceberg field id, not by field name: ids 504–506, for instance, are
 * `added_data_files_count` in Java files and `added_files_count` in PyIceberg files. Only the facts file cleanup
 * needs are extracted.
 */
import { IcebergError } from '../errors.js';
import { type AvroBlock, type Projection, readAvroBlocks, readAvroContainer } from './avro-file.js';
import { ByteReader, type RecordScanner, compileScanner } from './avro-scan.js';
import { PathInterner } from './path-interner.js';

/** One `manifest_file` entry of a manifest list. */
export interface ManifestFileRef {
  readonly path: string;
  readonly length: number;
  /** 0 data, 1 deletes (v1 lists have no content field: data). */
  readonly content: number;
  /** partition_spec_id; undefined when unknown (v1 snapshots that inline their manifests). */
  readonly specId?: number | undefined;
}

export type ContentKind = 'data' | 'position-deletes' | 'equality-deletes';

/** A live (status ≠ DELETED) file of a manifest. */
export interface LiveFile {
  readonly path: string;
  readonly kind: ContentKind;
  readonly format: string;
  readonly sizeBytes: number;
}

const DELETED = 2;
const CONTENT_KINDS: readonly ContentKind[] = ['data', 'position-deletes', 'equality-deletes'];

type FieldIndex = Map<number, { name: string; type: unknown }>;

function fieldsById(recordSchema: unknown): FieldIndex {
  const index: FieldIndex = new Map();
  const fields = (recordSchema as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields)) return index;
  for (const field of fields as Array<Record<string, unknown>>) {
    const id = field['field-id'];
    if (typeof id === 'number' && typeof field['name'] === 'string') index.set(id, { name: field['name'], type: field['type'] });
  }
  return index;
}

function recordOf(type: unknown): unknown {
  if (Array.isArray(type)) return type.find((t) => typeof t === 'object' && t !== null && (t as { type?: unknown }).type === 'record');
  return type;
}

function nameFor(index: FieldIndex, id: number, fallback: string, path: string, required: boolean): string | undefined {
  const found = index.get(id)?.name;
  if (found !== undefined) return found;
  if (index.size === 0) return fallback; // writers that dropped field ids: fall back to the spec's names
  if (required) throw new IcebergError('UNREADABLE', `Avro schema has no field with field-id ${id}`, { subject: path });
  return undefined;
}

function num(value: unknown): number {
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' ? value : 0;
}

function requireString(value: unknown, what: string, path: string): string {
  if (typeof value !== 'string') throw new IcebergError('UNREADABLE', `${what} is missing in an entry`, { subject: path });
  return value;
}

interface ListFields { path: string; length: string | undefined; content: string | undefined; specId: string | undefined }
interface EntryFields { status: string; dataFile: string; filePath: string; format: string | undefined; size: string | undefined; content: string | undefined }

type AvroField = Record<string, unknown>;

function keepFields(record: unknown, ids: readonly number[], map: (field: AvroField) => AvroField = (f) => f): unknown {
  const r = record as { fields?: AvroField[] };
  if (!Array.isArray(r?.fields) || !r.fields.some((f) => typeof f['field-id'] === 'number')) return record; // no ids: decode all
  return { ...r, fields: r.fields.filter((f) => ids.includes(f['field-id'] as number)).map(map) };
}

const LIST_PROJECTION: Projection = { id: 'manifest-list', readerSchema: (writer) => keepFields(writer, [500, 501, 517, 502]) };
const ENTRY_PROJECTION: Projection = {
  id: 'manifest-entry',
  readerSchema: (writer) => keepFields(writer, [0, 2], (field) => (field['field-id'] === 2
    ? { ...field, type: keepFields(recordOf(field['type']), [100, 101, 104, 134]) }
    : field)),
};

// Field-id resolution depends only on the writer schema, which a table's files share: resolve once per schema.
const listFieldCache = new Map<string, ListFields>();
const entryFieldCache = new Map<string, EntryFields>();

function listFields(schemaText: string, path: string): ListFields {
  let fields = listFieldCache.get(schemaText);
  if (fields === undefined) {
    const index = fieldsById(JSON.parse(schemaText));
    fields = {
      path: nameFor(index, 500, 'manifest_path', path, true) as string,
      length: nameFor(index, 501, 'manifest_length', path, false),
      content: nameFor(index, 517, 'content', path, false),
      specId: nameFor(index, 502, 'partition_spec_id', path, false),
    };
    listFieldCache.set(schemaText, fields);
  }
  return fields;
}

function entryFields(schemaText: string, path: string): EntryFields {
  let fields = entryFieldCache.get(schemaText);
  if (fields === undefined) {
    const top = fieldsById(JSON.parse(schemaText));
    const dataIndex = fieldsById(recordOf(top.get(2)?.type));
    fields = {
      status: nameFor(top, 0, 'status', path, true) as string,
      dataFile: nameFor(top, 2, 'data_file', path, true) as string,
      filePath: nameFor(dataIndex, 100, 'file_path', path, true) as string,
      format: nameFor(dataIndex, 101, 'file_format', path, false),
      size: nameFor(dataIndex, 104, 'file_size_in_bytes', path, false),
      content: nameFor(dataIndex, 134, 'content', path, false),
    };
    entryFieldCache.set(schemaText, fields);
  }
  return fields;
}

const LIST_IDS = [500, 501, 517, 502] as const;
const listScanners = new Map<string, RecordScanner | undefined>();

/** The allocation-free scanner for a list schema, or undefined when it lacks field ids or has an unusual shape. */
function listScanner(schemaText: string): RecordScanner | undefined {
  if (!listScanners.has(schemaText)) {
    const scanner = compileScanner(JSON.parse(schemaText), LIST_IDS);
    listScanners.set(schemaText, scanner?.kinds[0] === 'string' ? scanner : undefined);
  }
  return listScanners.get(schemaText);
}

/**
 * One ManifestFileRef object per distinct (path, length, content): a table's manifest lists repeat the same
 * manifests thousands of times, and a million retained copies would cost more in garbage collection than decoding.
 */
export class ManifestRefPool {
  private readonly paths = new PathInterner();
  private readonly refs: ManifestFileRef[] = [];

  fromBytes(buf: Buffer, start: number, end: number, length: number, content: number, specId: number | undefined): ManifestFileRef {
    return this.ref(this.paths.indexOf(buf, start, end), length, content, specId);
  }

  fromString(path: string, length: number, content: number, specId: number | undefined): ManifestFileRef {
    return this.ref(this.paths.indexOfString(path), length, content, specId);
  }

  private ref(index: number, length: number, content: number, specId: number | undefined): ManifestFileRef {
    const known = this.refs[index];
    if (known !== undefined && known.length === length && known.content === content && known.specId === specId) return known;
    const ref = { path: this.paths.text(index), length, content, specId };
    if (known === undefined) this.refs[index] = ref; // a rare different length keeps its own object
    return ref;
  }
}

function scanManifestList(blocks: readonly AvroBlock[], scanner: RecordScanner, path: string, pool: ManifestRefPool): ManifestFileRef[] {
  const out = new Float64Array(2 * LIST_IDS.length);
  const hasLength = scanner.kinds[1] === 'number';
  const hasContent = scanner.kinds[2] === 'number';
  const hasSpec = scanner.kinds[3] === 'number';
  const refs: ManifestFileRef[] = [];
  try {
    for (const { data, count } of blocks) {
      const reader = new ByteReader(data);
      for (let i = 0; i < count; i++) {
        scanner.scan(reader, out);
        if (out[1] === -1) throw new IcebergError('UNREADABLE', 'manifest_path is missing in an entry', { subject: path });
        const length = hasLength && out[3] === 1 ? out[2] as number : 0;
        const specId = hasSpec && out[7] === 1 ? out[6] as number : undefined;
        refs.push(pool.fromBytes(data, out[0] as number, out[1] as number, length, hasContent && out[5] === 1 ? out[4] as number : 0, specId));
      }
    }
  } catch (cause) {
    if (cause instanceof IcebergError) throw cause;
    throw new IcebergError('UNREADABLE', `cannot decode Avro file: ${cause instanceof Error ? cause.message : String(cause)}`, { subject: path, cause });
  }
  return refs;
}

/** `pool` lets a caller share one ref per manifest across the many lists that repeat it. */
export function parseManifestList(bytes: Buffer, path: string, pool: ManifestRefPool = new ManifestRefPool()): ManifestFileRef[] {
  const { blocks, schemaText } = readAvroBlocks(bytes, path);
  const scanner = listScanner(schemaText);
  if (scanner !== undefined) return scanManifestList(blocks, scanner, path, pool);
  const container = readAvroContainer(bytes, path, LIST_PROJECTION);
  const f = listFields(container.schemaText, path);
  return container.records.map((r) => {
    const record = r as Record<string, unknown>;
    const length = f.length === undefined ? 0 : num(record[f.length]);
    const specId = f.specId === undefined || record[f.specId] === undefined || record[f.specId] === null ? undefined : num(record[f.specId]);
    return pool.fromString(requireString(record[f.path], 'manifest_path', path), length, f.content === undefined ? 0 : num(record[f.content]), specId);
  });
}

/** The live entries of a manifest; DELETED entries are skipped (their file is live elsewhere or nowhere). */
export function parseManifestLiveFiles(bytes: Buffer, path: string): LiveFile[] {
  const container = readAvroContainer(bytes, path, ENTRY_PROJECTION);
  const f = entryFields(container.schemaText, path);
  const live: LiveFile[] = [];
  for (const r of container.records) {
    const entry = r as Record<string, unknown>;
    if (num(entry[f.status]) === DELETED) continue;
    const file = entry[f.dataFile] as Record<string, unknown> | undefined;
    if (file === undefined || file === null) throw new IcebergError('UNREADABLE', 'manifest entry has no data_file', { subject: path });
    const content = f.content === undefined ? 0 : num(file[f.content]);
    live.push({
      path: requireString(file[f.filePath], 'data_file.file_path', path),
      kind: CONTENT_KINDS[content] ?? 'data',
      format: f.format === undefined ? 'unknown' : String(file[f.format] ?? 'unknown').toLowerCase(),
      sizeBytes: f.size === undefined ? 0 : num(file[f.size]),
    });
  }
  return live;
}
