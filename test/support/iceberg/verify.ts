/**
 * Independent check used after every expiration: every manifest list, manifest and live content file a snapshot
 * of the current metadata references must still exist. Returns the missing paths.
 */
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import { loadMetadata } from '../../../src/iceberg/metadata/files.js';
import { parseManifestList, parseManifestLiveFiles } from '../../../src/iceberg/metadata/manifests.js';

export async function missingReferencedFiles(io: FileIO, metadataLocation: string): Promise<string[]> {
  const { view } = await loadMetadata(io, metadataLocation);
  const missing = new Set<string>();
  const check = async (path: string): Promise<Buffer | undefined> => {
    if ((await io.size(path)) === undefined) { missing.add(path); return undefined; }
    return io.read(path);
  };
  for (const snapshot of view.snapshots) {
    const manifests = snapshot.manifestList === undefined ? [...(snapshot.manifests ?? [])] : [];
    if (snapshot.manifestList !== undefined) {
      const list = await check(snapshot.manifestList);
      if (list !== undefined) manifests.push(...parseManifestList(list, snapshot.manifestList).map((m) => m.path));
    }
    for (const m of manifests) {
      const bytes = await check(m);
      if (bytes === undefined) continue;
      for (const f of parseManifestLiveFiles(bytes, m)) await check(f.path);
    }
  }
  for (const s of [...view.statistics, ...view.partitionStatistics]) await check(s.path);
  return [...missing].sort();
}
