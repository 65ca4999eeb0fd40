/**
 * Everything a table's current metadata can reach, as Iceberg Java's DeleteOrphanFiles counts it (and iceberg-go's
 * getReferencedFiles): the current metadata file and every metadata-log entry, the version hint, statistics and
 * partition-statistics files, and for every snapshot of the metadata (every branch, tag and unreferenced snapshot)
 * its manifest list, its manifests and their live data and delete files. Any unreadable manifest list or manifest
 * throws UNREADABLE: an incomplete set would make live files look orphaned, so the table is aborted instead.
 */
import { IcebergError, isStopped } from '../errors.js';
import { mapWithConcurrency } from '../io/file-io.js';
import type { ManifestReader } from '../cleanup/manifest-reader.js';
import type { LoadedMetadata } from '../metadata/files.js';
import { isJsonObject } from '../metadata/json.js';
import { expirationProperties } from '../metadata/properties.js';

const READ_CONCURRENCY = 16;

/** `metadata-file` of every entry of the metadata log. */
export function metadataLogFiles(doc: Readonly<Record<string, unknown>>): string[] {
  const log = doc['metadata-log'];
  if (!Array.isArray(log)) return [];
  return log.flatMap((entry) => (isJsonObject(entry) && typeof entry['metadata-file'] === 'string' ? [entry['metadata-file']] : []));
}

/** The directories that hold this table's metadata files: `<location>/metadata` and `write.metadata.path`. */
export function metadataDirs(meta: LoadedMetadata): string[] {
  const location = meta.view.location.replace(/\/+$/, '');
  const custom = expirationProperties(meta.view.properties).metadataPath?.replace(/\/+$/, '');
  return custom === undefined || custom === `${location}/metadata` ? [`${location}/metadata`] : [`${location}/metadata`, custom];
}

/** Every location the metadata itself names, without reading a manifest. */
export function metadataReferences(meta: LoadedMetadata): string[] {
  const { view } = meta;
  return [
    meta.location,
    ...metadataLogFiles(meta.doc),
    ...metadataDirs(meta).map((dir) => `${dir}/version-hint.text`),
    ...view.statistics.map((s) => s.path),
    ...view.partitionStatistics.map((s) => s.path),
    ...view.snapshots.flatMap((s) => (s.manifestList !== undefined ? [s.manifestList] : [])),
  ];
}

function unreadable(what: string, cause: unknown): IcebergError {
  if (isStopped(cause)) return cause as IcebergError;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new IcebergError('UNREADABLE', `${what} cannot be read, so nothing is deleted for this table: ${reason}`, { hint: 'restore the file or repair the table, then run again', cause });
}

export interface ReferencedFiles {
  readonly locations: readonly string[];
  readonly manifestLists: number;
  readonly manifests: number;
}

/** Reads every manifest list and manifest of every snapshot (memoised by the reader) and returns every referenced location. */
export async function collectReferenced(meta: LoadedMetadata, reader: ManifestReader): Promise<ReferencedFiles> {
  const out = new Set(metadataReferences(meta));
  const manifests = new Set<string>();
  const { snapshots } = meta.view;
  await mapWithConcurrency(snapshots, READ_CONCURRENCY, async (snapshot) => {
    if (snapshot.manifestList === undefined) {
      for (const path of snapshot.manifests ?? []) manifests.add(path);
      return;
    }
    try {
      for (const m of (await reader.manifestList(snapshot.manifestList)).manifests) manifests.add(m.path);
    } catch (cause) {
      throw unreadable(`manifest list ${snapshot.manifestList} of snapshot ${snapshot.id}`, cause);
    }
  });
  await mapWithConcurrency([...manifests], READ_CONCURRENCY, async (path) => {
    out.add(path);
    try {
      for (const file of await reader.liveFiles(path)) out.add(file.path);
    } catch (cause) {
      throw unreadable(`manifest ${path}`, cause);
    }
  });
  return { locations: [...out], manifestLists: snapshots.filter((s) => s.manifestList !== undefined).length, manifests: manifests.size };
}
