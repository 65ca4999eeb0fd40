/** Routes each path through the location map, then to S3 or the local file system by scheme. */
import { IcebergError } from '../errors.js';
import type { DeleteFailure, FileIO, ListedFile } from './file-io.js';
import { LocalFileIO } from './local.js';
import { LocationMap, isS3Path } from './location-map.js';
import { S3FileIO, type S3Settings } from './s3.js';

export class RoutingFileIO implements FileIO {
  private s3: (FileIO & { close?(): void }) | undefined;

  constructor(
    private readonly map: LocationMap,
    private readonly local: FileIO,
    private readonly s3Factory: () => FileIO & { close?(): void },
  ) {}

  static create(map: LocationMap, cwd: string, s3: S3Settings, concurrency: number): RoutingFileIO {
    return new RoutingFileIO(map, new LocalFileIO(cwd, concurrency), () => S3FileIO.create({ ...s3, concurrency }));
  }

  /** Closes the S3 client, if one was made. */
  close(): void {
    this.s3?.close?.();
    this.s3 = undefined;
  }

  private target(physical: string): FileIO {
    if (!isS3Path(physical)) return this.local;
    this.s3 ??= this.s3Factory();
    return this.s3;
  }

  read(path: string): Promise<Buffer> {
    const physical = this.map.resolve(path);
    return this.target(physical).read(physical);
  }

  writeNew(path: string, data: Buffer): Promise<void> {
    const physical = this.map.resolve(path);
    return this.target(physical).writeNew(physical, data);
  }

  size(path: string): Promise<number | undefined> {
    const physical = this.map.resolve(path);
    return this.target(physical).size(physical);
  }

  /** Lists where `prefix` really is, and names each file back under `prefix`, so callers compare in the table's own spelling. */
  async *list(prefix: string, signal?: AbortSignal): AsyncIterable<ListedFile> {
    const logical = prefix.replace(/\/+$/, '');
    const physical = this.map.resolve(logical).replace(/\/+$/, '');
    const target = this.target(physical);
    if (target.list === undefined) throw new IcebergError('INTERNAL', 'this file store cannot list files', { subject: prefix });
    for await (const file of target.list(physical, signal)) {
      yield { ...file, path: logical + file.path.slice(physical.length) };
    }
  }

  async deleteFiles(paths: readonly string[], signal?: AbortSignal): Promise<DeleteFailure[]> {
    const physicalToLogical = new Map<string, string>();
    const failures: DeleteFailure[] = [];
    for (const path of paths) {
      try {
        physicalToLogical.set(this.map.resolve(path), path);
      } catch (error) {
        failures.push({ path, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    const physical = [...physicalToLogical.keys()];
    const local = physical.filter((p) => !isS3Path(p));
    const remote = physical.filter((p) => isS3Path(p));
    const results = await Promise.all([
      local.length > 0 ? this.local.deleteFiles(local, signal) : [],
      remote.length > 0 ? this.target(remote[0] as string).deleteFiles(remote, signal) : [],
    ]);
    for (const f of results.flat()) failures.push({ ...f, path: physicalToLogical.get(f.path) ?? f.path });
    return failures;
  }
}
