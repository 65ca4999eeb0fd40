/** The partition spec ids the manifests of the given snapshots use (read through the memoising reader). */
import { mapWithConcurrency } from '../io/file-io.js';
import type { TableMetadataView } from '../metadata/table-metadata.js';
import type { ManifestReader } from './manifest-reader.js';

/** undefined when any manifest's spec id is unknown (inline v1 manifests, a list without partition_spec_id). */
export async function usedSpecIds(view: TableMetadataView, reader: ManifestReader): Promise<Set<number> | undefined> {
  const ids = new Set<number>();
  let unknown = false;
  await mapWithConcurrency(view.snapshots, 16, async (s) => {
    if (s.manifestList === undefined) {
      if ((s.manifests ?? []).length > 0) unknown = true;
      return;
    }
    for (const m of (await reader.manifestList(s.manifestList)).manifests) {
      if (m.specId === undefined) unknown = true;
      else ids.add(m.specId);
    }
  });
  return unknown ? undefined : ids;
}
