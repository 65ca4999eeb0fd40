/**
 * Every file the current metadata still reaches: itself, its metadata-log, the version hint, every snapshot's
 * manifest list, manifests and live content files, and every statistics file. A journalled candidate is deleted
 * only when it is not in this set; anything unreadable throws UNREADABLE, so nothing is deleted then.
 */
import { IcebergError, isStopped } from '../errors.js';
import { mapWithConcurrency } from '../io/file-io.js';
import type { LoadedMetadata } from '../metadata/files.js';
import { metadataLogFiles, versionHintLocation } from '../metadata/metadata-log.js';
import { sameObjectKey } from '../plan/file-plan.js';
import type { ManifestReader } from './manifest-reader.js';

const READ_CONCURRENCY = 16;

function unreadable(what: string, cause: unknown): IcebergError {
  if (isStopped(cause)) return cause as IcebergError;
  return new IcebergError('UNREADABLE', `${what} of the current metadata cannot be read, so nothing of the interrupted cleanup is deleted: ${cause instanceof Error ? cause.message : String(cause)}`, { hint: 'restore the file or repair the table first', cause });
}

export async function reachableFiles(current: LoadedMetadata, reader: ManifestReader): Promise<Set<string>> {
  const { view } = current;
  const out = new Set<string>([current.location, ...metadataLogFiles(current.doc), versionHintLocation(view)].map(sameObjectKey));
  for (const s of [...view.statistics, ...view.partitionStatistics]) out.add(sameObjectKey(s.path));
  const manifests = new Set<string>();
  await mapWithConcurrency(view.snapshots, READ_CONCURRENCY, async (s) => {
    for (const m of s.manifests ?? []) manifests.add(m);
    if (s.manifestList === undefined) return;
    out.add(sameObjectKey(s.manifestList));
    try {
      for (const m of (await reader.manifestList(s.manifestList)).manifests) manifests.add(m.path);
    } catch (cause) {
      throw unreadable(`manifest list of snapshot ${s.id}`, cause);
    }
  });
  await mapWithConcurrency([...manifests], READ_CONCURRENCY, async (path) => {
    out.add(sameObjectKey(path));
    try {
      for (const f of await reader.liveFiles(path)) out.add(sameObjectKey(f.path));
    } catch (cause) {
      throw unreadable(`manifest ${path}`, cause);
    }
  });
  return out;
}
