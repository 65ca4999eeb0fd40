/**
 * Reads and decodes each manifest list and manifest at most once per run (memoised promises), counting reads so
 * the benchmark can prove it. Concurrency is bounded to keep memory flat on tables with many manifests.
 */
import { stopped } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { type LiveFile, type ManifestFileRef, ManifestRefPool, parseManifestList, parseManifestLiveFiles } from '../metadata/manifests.js';

export interface ManifestListRead {
  readonly manifests: readonly ManifestFileRef[];
  readonly bytes: number;
}

export class ManifestReader {
  private readonly lists = new Map<string, Promise<ManifestListRead>>();
  private readonly manifests = new Map<string, Promise<readonly LiveFile[]>>();
  /** Manifest lists repeat the same manifests thousands of times; one ref per manifest keeps memory flat. */
  private readonly refs = new ManifestRefPool();
  /** Number of files fetched and decoded, by type. */
  readonly reads = { manifestLists: 0, manifests: 0 };

  /** Reads stop once `signal` is aborted, so a stop during planning ends the table before its commit. */
  constructor(private readonly io: FileIO, private readonly signal?: AbortSignal) {}

  private read(path: string): Promise<Buffer> {
    if (this.signal?.aborted) return Promise.reject(stopped('before reading every manifest'));
    return this.io.read(path);
  }

  manifestList(path: string): Promise<ManifestListRead> {
    let pending = this.lists.get(path);
    if (pending === undefined) {
      pending = this.read(path).then((bytes) => {
        this.reads.manifestLists += 1;
        const manifests = parseManifestList(bytes, path, this.refs);
        return { manifests, bytes: bytes.length };
      });
      this.lists.set(path, pending);
    }
    return pending;
  }

  liveFiles(path: string): Promise<readonly LiveFile[]> {
    let pending = this.manifests.get(path);
    if (pending === undefined) {
      pending = this.read(path).then((bytes) => {
        this.reads.manifests += 1;
        return parseManifestLiveFiles(bytes, path);
      });
      this.manifests.set(path, pending);
    }
    return pending;
  }
}
