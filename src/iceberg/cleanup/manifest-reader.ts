/**
 * Reads and decodes each manifest list and manifest at most once per run (memoised promises), counting reads so
 * the benchmark can prove it. Concurrency is bounded to keep memory flat on tables with many manifests.
 */
import type { FileIO } from '../io/file-io.js';
import { type LiveFile, type ManifestFileRef, parseManifestList, parseManifestLiveFiles } from '../metadata/manifests.js';

export interface ManifestListRead {
  readonly manifests: readonly ManifestFileRef[];
  readonly bytes: number;
}

export class ManifestReader {
  private readonly lists = new Map<string, Promise<ManifestListRead>>();
  private readonly manifests = new Map<string, Promise<readonly LiveFile[]>>();
  /** Manifest lists repeat the same manifest paths thousands of times; one string per path keeps memory flat. */
  private readonly paths = new Map<string, string>();
  /** Number of files fetched and decoded, by type. */
  readonly reads = { manifestLists: 0, manifests: 0 };

  constructor(private readonly io: FileIO) {}

  manifestList(path: string): Promise<ManifestListRead> {
    let pending = this.lists.get(path);
    if (pending === undefined) {
      pending = this.io.read(path).then((bytes) => {
        this.reads.manifestLists += 1;
        const manifests = parseManifestList(bytes, path, this.intern);
        return { manifests, bytes: bytes.length };
      });
      this.lists.set(path, pending);
    }
    return pending;
  }

  private readonly intern = (path: string): string => {
    const known = this.paths.get(path);
    if (known !== undefined) return known;
    this.paths.set(path, path);
    return path;
  };

  liveFiles(path: string): Promise<readonly LiveFile[]> {
    let pending = this.manifests.get(path);
    if (pending === undefined) {
      pending = this.io.read(path).then((bytes) => {
        this.reads.manifests += 1;
        return parseManifestLiveFiles(bytes, path);
      });
      this.manifests.set(path, pending);
    }
    return pending;
  }
}
