/**
 * Storage credentials a REST catalog vends with `loadTable` (`X-Iceberg-Access-Delegation: vended-credentials`):
 * S3 paths under a vended prefix (the longest wins, as the spec's StorageCredential says) go through an S3 client
 * holding those credentials; every other path, and every path when --map-location is in use, goes through the
 * usual FileIO. The same FileIO serves reads and deletes, so expired files are deleted with what was vended.
 */
import { IcebergError } from '../../errors.js';
import type { DeleteFailure, FileIO, ListedFile } from '../../io/file-io.js';
import { type LocationMap, isS3Path } from '../../io/location-map.js';
import { loadS3Sdk, S3FileIO, type S3Settings } from '../../io/s3.js';
import type { LoadedTable } from './rest-catalog.js';

interface Vended {
  readonly prefix: string;
  readonly fingerprint: string;
  readonly io: S3FileIO;
}

/** `s3a://b/k` and `s3n://b/k` name the object `s3://b/k`. */
function canonical(path: string): string {
  return path.replace(/^s3[an]:\/\//, 's3://');
}

function tableLocation(table: LoadedTable): string | undefined {
  const location = table.metadata['location'];
  return typeof location === 'string' ? location : undefined;
}

export class VendedCredentialsFileIO implements FileIO {
  private vended: Vended[] = [];

  constructor(
    private readonly base: FileIO,
    private readonly map: LocationMap,
    private readonly s3: S3Settings,
    private readonly concurrency: number,
  ) {}

  /** Registers the S3 credentials of a loaded table: its storage credentials, else its config for its location. */
  offer(table: LoadedTable): void {
    if (!this.map.isEmpty) return;
    const location = tableLocation(table);
    const offered = table.storageCredentials.length > 0 ? table.storageCredentials : location !== undefined ? [{ prefix: location, config: table.config }] : [];
    for (const { prefix, config } of offered) {
      const accessKeyId = config['s3.access-key-id'];
      const secretAccessKey = config['s3.secret-access-key'];
      if (accessKeyId === undefined || secretAccessKey === undefined || !isS3Path(prefix)) continue;
      const sessionToken = config['s3.session-token'];
      const fingerprint = `${accessKeyId}\n${secretAccessKey}\n${sessionToken ?? ''}`;
      const key = canonical(prefix);
      const existing = this.vended.find((v) => v.prefix === key);
      if (existing?.fingerprint === fingerprint) continue;
      existing?.io.close();
      const endpoint = config['s3.endpoint'] ?? this.s3.endpoint;
      const client = loadS3Sdk().then(({ S3Client }) => new S3Client({
        region: config['client.region'] ?? this.s3.region ?? 'us-east-1',
        ...(endpoint !== undefined ? { endpoint } : {}),
        forcePathStyle: config['s3.path-style-access'] === undefined ? this.s3.forcePathStyle ?? false : config['s3.path-style-access'] === 'true',
        credentials: { accessKeyId, secretAccessKey, ...(sessionToken !== undefined ? { sessionToken } : {}) },
      }));
      const io = new S3FileIO(client, { ...this.s3, concurrency: this.concurrency }, true);
      this.vended = [...this.vended.filter((v) => v.prefix !== key), { prefix: key, fingerprint, io }].sort((a, b) => b.prefix.length - a.prefix.length);
    }
  }

  /** The FileIO for `path`: the longest vended prefix holding it, else the usual one. */
  route(path: string): FileIO {
    if (!isS3Path(path)) return this.base;
    const key = canonical(path);
    return this.vended.find((v) => key === v.prefix || key.startsWith(v.prefix.endsWith('/') ? v.prefix : `${v.prefix}/`))?.io ?? this.base;
  }

  read(path: string): Promise<Buffer> {
    return this.route(path).read(path);
  }

  writeNew(path: string, data: Buffer): Promise<void> {
    return this.route(path).writeNew(path, data);
  }

  size(path: string): Promise<number | undefined> {
    return this.route(path).size(path);
  }

  /** Lists through the FileIO the prefix routes to; the usual one must list (it always does: local and S3). */
  async *list(prefix: string, signal?: AbortSignal): AsyncIterable<ListedFile> {
    const target = this.route(prefix);
    if (target.list === undefined) throw new IcebergError('INTERNAL', 'this file store cannot list files', { subject: prefix });
    yield* target.list(prefix, signal);
  }

  async deleteFiles(paths: readonly string[], signal?: AbortSignal): Promise<DeleteFailure[]> {
    const groups = new Map<FileIO, string[]>();
    for (const path of paths) {
      const io = this.route(path);
      const group = groups.get(io);
      if (group === undefined) groups.set(io, [path]);
      else group.push(path);
    }
    const results = await Promise.all([...groups].map(([io, group]) => io.deleteFiles(group, signal)));
    return results.flat();
  }

  close(): void {
    for (const v of this.vended) v.io.close();
    this.vended = [];
  }
}
