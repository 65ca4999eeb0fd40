/**
 * A typed, read-only view of the table-metadata facts expiration needs, taken from the lossless document.
 * The document itself stays the source of truth for writing: fields not listed here are never touched.
 */
import { IcebergError } from '../errors.js';
import { type JsonObject, intText, isJsonObject, numberOf } from './json.js';

export const MAX_FORMAT_VERSION = 3;

export interface SnapshotView {
  /** Decimal text of the 64-bit id (never a JS number: ids exceed 2^53). */
  readonly id: string;
  readonly parentId: string | undefined;
  readonly timestampMs: number;
  /** v2+ (and most v1) snapshots point at a manifest list. */
  readonly manifestList: string | undefined;
  /** v1-only inline manifest paths, used when there is no manifest list. */
  readonly manifests: readonly string[] | undefined;
}

export interface RefView {
  readonly name: string;
  readonly snapshotId: string;
  readonly type: 'branch' | 'tag';
  readonly minSnapshotsToKeep: number | undefined;
  readonly maxSnapshotAgeMs: number | undefined;
  readonly maxRefAgeMs: number | undefined;
}

export interface StatisticsFileView {
  readonly snapshotId: string;
  readonly path: string;
  readonly sizeBytes: number | undefined;
}

export interface TableMetadataView {
  readonly formatVersion: number;
  readonly location: string;
  readonly lastUpdatedMs: number;
  readonly currentSnapshotId: string | undefined;
  readonly snapshots: readonly SnapshotView[];
  /** Includes a synthesised `main` when the document has no refs but a current snapshot (v1 tables). */
  readonly refs: readonly RefView[];
  readonly properties: Readonly<Record<string, string>>;
  readonly statistics: readonly StatisticsFileView[];
  readonly partitionStatistics: readonly StatisticsFileView[];
}

function fail(path: string, problem: string): never {
  throw new IcebergError('UNREADABLE', problem, { subject: path, hint: 'the metadata file does not follow the Iceberg spec' });
}

function readSnapshot(raw: unknown, path: string, index: number): SnapshotView {
  if (!isJsonObject(raw)) fail(path, `snapshots[${index}] is not an object`);
  const id = intText(raw['snapshot-id']);
  const timestampMs = numberOf(raw['timestamp-ms']);
  if (id === undefined || timestampMs === undefined) fail(path, `snapshots[${index}] lacks snapshot-id or timestamp-ms`);
  const list = raw['manifest-list'];
  const manifests = raw['manifests'];
  return {
    id,
    parentId: intText(raw['parent-snapshot-id']),
    timestampMs,
    manifestList: typeof list === 'string' ? list : undefined,
    manifests: Array.isArray(manifests) ? manifests.filter((m): m is string => typeof m === 'string') : undefined,
  };
}

function readRefs(doc: JsonObject, currentSnapshotId: string | undefined, path: string): RefView[] {
  const raw = doc['refs'];
  const refs: RefView[] = [];
  if (isJsonObject(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      if (!isJsonObject(value)) fail(path, `refs.${name} is not an object`);
      const snapshotId = intText(value['snapshot-id']);
      const type = value['type'];
      if (snapshotId === undefined || (type !== 'branch' && type !== 'tag')) fail(path, `refs.${name} lacks snapshot-id or type`);
      refs.push({
        name, snapshotId, type,
        minSnapshotsToKeep: numberOf(value['min-snapshots-to-keep']),
        maxSnapshotAgeMs: numberOf(value['max-snapshot-age-ms']),
        maxRefAgeMs: numberOf(value['max-ref-age-ms']),
      });
    }
  }
  // Java synthesises main from current-snapshot-id for tables written before refs existed.
  if (!refs.some((r) => r.name === 'main') && currentSnapshotId !== undefined) {
    refs.push({ name: 'main', snapshotId: currentSnapshotId, type: 'branch', minSnapshotsToKeep: undefined, maxSnapshotAgeMs: undefined, maxRefAgeMs: undefined });
  }
  return refs;
}

function readStatistics(raw: unknown): StatisticsFileView[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    if (!isJsonObject(entry)) return [];
    const snapshotId = intText(entry['snapshot-id']);
    const path = entry['statistics-path'];
    if (snapshotId === undefined || typeof path !== 'string') return [];
    return [{ snapshotId, path, sizeBytes: numberOf(entry['file-size-in-bytes']) }];
  });
}

function readProperties(raw: unknown): Record<string, string> {
  if (!isJsonObject(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Validates the parts of a metadata document expiration relies on; refuses format versions above 3. */
export function readTableMetadata(doc: JsonObject, path: string): TableMetadataView {
  const formatVersion = numberOf(doc['format-version']);
  if (formatVersion === undefined || !Number.isInteger(formatVersion) || formatVersion < 1) fail(path, 'format-version is missing or invalid');
  if (formatVersion > MAX_FORMAT_VERSION) {
    throw new IcebergError('REFUSED', `format-version ${formatVersion} is newer than the supported ${MAX_FORMAT_VERSION}`, { subject: path, hint: 'upgrade guardrails before expiring this table' });
  }
  const location = doc['location'];
  if (typeof location !== 'string' || location === '') fail(path, 'location is missing');
  const rawSnapshots = doc['snapshots'] ?? [];
  if (!Array.isArray(rawSnapshots)) fail(path, 'snapshots is not a list');
  const current = intText(doc['current-snapshot-id']);
  const currentSnapshotId = current === undefined || current === '-1' ? undefined : current;
  return {
    formatVersion,
    location,
    lastUpdatedMs: numberOf(doc['last-updated-ms']) ?? 0,
    currentSnapshotId,
    snapshots: rawSnapshots.map((s, i) => readSnapshot(s, path, i)),
    refs: readRefs(doc, currentSnapshotId, path),
    properties: readProperties(doc['properties']),
    statistics: readStatistics(doc['statistics']),
    partitionStatistics: readStatistics(doc['partition-statistics']),
  };
}
