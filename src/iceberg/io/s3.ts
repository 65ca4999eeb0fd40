/**
 * FileIO over S3 (`s3://`, `s3a://`, `s3n://`) with @aws-sdk/client-s3. Deletes go in DeleteObjects batches of at
 * most 1,000 keys per bucket; an HTTP 200 can still carry per-key `Errors`, which are checked one by one.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { IcebergError } from '../errors.js';
import { type DeleteFailure, type FileIO, type ListedFile, mapWithConcurrency, notAttempted } from './file-io.js';

export interface S3Settings {
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly forcePathStyle?: boolean | undefined;
  /** Keys per DeleteObjects request, 1..1000. */
  readonly deleteBatchSize?: number | undefined;
  readonly concurrency?: number | undefined;
  /** Keys per ListObjectsV2 page, 1..1000 (S3's maximum and default). */
  readonly listPageSize?: number | undefined;
}

export function splitS3Path(path: string): { bucket: string; key: string } {
  const match = /^s3[an]?:\/\/([^/]+)\/(.+)$/.exec(path);
  if (match === null) throw new IcebergError('INVALID_INPUT', `${path} is not an s3://bucket/key location`);
  return { bucket: match[1] as string, key: match[2] as string };
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

const DELETE_ATTEMPTS = 3;
const RETRYABLE_CODES = new Set(['SlowDown', 'InternalError', 'ServiceUnavailable', 'RequestTimeout']);

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `s3://bucket`, `s3a://bucket/` or `s3://bucket/dir`: the scheme, the bucket and the key prefix ('' at the bucket root). */
export function splitS3Prefix(prefix: string): { scheme: string; bucket: string; key: string } {
  const match = /^(s3[an]?):\/\/([^/]+)(?:\/(.*))?$/.exec(prefix);
  if (match === null) throw new IcebergError('INVALID_INPUT', `${prefix} is not an s3://bucket/prefix location`);
  return { scheme: match[1] as string, bucket: match[2] as string, key: (match[3] ?? '').replace(/\/+$/, '') };
}

type S3Sdk = typeof import('@aws-sdk/client-s3');
let sdk: Promise<S3Sdk> | undefined;

/**
 * The AWS SDK's S3 module, imported on first use: it takes a fifth of a second to load, which every
 * CLI command would otherwise pay at start-up, S3 or not.
 */
export function loadS3Sdk(): Promise<S3Sdk> {
  return (sdk ??= import('@aws-sdk/client-s3'));
}

export class S3FileIO implements FileIO {
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly pageSize: number;
  /** Requests sent, by kind, so the orphan benchmark can count its listing pages. */
  readonly requests = { list: 0, deleteObjects: 0 };

  /** The client and the SDK's commands, awaited once per call: the client may still be in the making. */
  private readonly ready: Promise<[S3Client, S3Sdk]>;

  constructor(client: S3Client | Promise<S3Client>, settings: S3Settings = {}, private readonly ownsClient = false) {
    this.ready = Promise.all([client, loadS3Sdk()]);
    // A vended FileIO may never be used; its failed client is reported by the first call that awaits it.
    this.ready.catch(() => {});
    this.batchSize = Math.min(1000, Math.max(1, settings.deleteBatchSize ?? 1000));
    this.concurrency = Math.max(1, settings.concurrency ?? 4);
    this.pageSize = Math.min(1000, Math.max(1, settings.listPageSize ?? 1000));
  }

  /** Closes the client's sockets if this instance created it. */
  close(): void {
    if (this.ownsClient) void this.ready.then(([client]) => client.destroy(), () => {});
  }

  static create(settings: S3Settings): S3FileIO {
    const client = loadS3Sdk().then(({ S3Client }) => new S3Client({
      ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
      region: settings.region ?? 'us-east-1',
      forcePathStyle: settings.forcePathStyle ?? false,
    }));
    return new S3FileIO(client, settings, true);
  }

  async read(path: string): Promise<Buffer> {
    const { bucket, key } = splitS3Path(path);
    const [client, { GetObjectCommand }] = await this.ready;
    try {
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    } catch (cause) {
      throw new IcebergError('UNREADABLE', isNotFound(cause) ? 'file not found' : `cannot read object: ${String(cause)}`, { subject: path, cause });
    }
  }

  async writeNew(path: string, data: Buffer): Promise<void> {
    const { bucket, key } = splitS3Path(path);
    const [client, { PutObjectCommand }] = await this.ready;
    try {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: data, IfNoneMatch: '*' }));
    } catch (cause) {
      throw new IcebergError('IO', `cannot create object: ${String(cause)}`, { subject: path, cause });
    }
  }

  async size(path: string): Promise<number | undefined> {
    const { bucket, key } = splitS3Path(path);
    const [client, { HeadObjectCommand }] = await this.ready;
    try {
      return (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength;
    } catch (cause) {
      if (isNotFound(cause)) return undefined;
      throw new IcebergError('IO', `cannot stat object: ${String(cause)}`, { subject: path, cause });
    }
  }

  async deleteFiles(paths: readonly string[], signal?: AbortSignal): Promise<DeleteFailure[]> {
    const byBucket = new Map<string, Map<string, string>>();
    for (const path of paths) {
      const { bucket, key } = splitS3Path(path);
      const keys = byBucket.get(bucket) ?? new Map<string, string>();
      keys.set(key, path);
      byBucket.set(bucket, keys);
    }
    const batches = [...byBucket].flatMap(([bucket, keys]) => chunk([...keys], this.batchSize).map((batch) => ({ bucket, batch })));
    const skipped = ({ batch }: { batch: ReadonlyArray<[string, string]> }): DeleteFailure[] => batch.map(([, path]) => notAttempted(path));
    const results = await mapWithConcurrency(batches, this.concurrency, ({ bucket, batch }) => this.deleteBatch(bucket, batch, signal), { signal, skipped });
    return results.flat();
  }

  private async deleteBatch(bucket: string, batch: ReadonlyArray<[string, string]>, signal: AbortSignal | undefined): Promise<DeleteFailure[]> {
    const [client, { DeleteObjectsCommand }] = await this.ready;
    const pathOf = new Map(batch);
    let pending = batch.map(([key]) => key);
    let failures: DeleteFailure[] = [];
    for (let attempt = 0; pending.length > 0 && attempt < DELETE_ATTEMPTS; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      // A retry is a new request: after a stop, the throttled keys are left for the next run.
      if (attempt > 0 && signal?.aborted) {
        const retried = new Set(pending.map((key) => pathOf.get(key) ?? key));
        return [...failures.filter((f) => !retried.has(f.path)), ...[...retried].map(notAttempted)];
      }
      try {
        this.requests.deleteObjects += 1;
        const out = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: pending.map((Key) => ({ Key })), Quiet: true } }));
        const errors = (out.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
        failures = errors.map((e) => ({ path: pathOf.get(e.Key ?? '') ?? `s3://${bucket}/${e.Key ?? '?'}`, reason: `${e.Code ?? 'Error'}: ${e.Message ?? ''}`.trim() }));
        // An HTTP 200 can carry per-key throttling errors: retry just those keys.
        pending = errors.filter((e) => RETRYABLE_CODES.has(e.Code ?? '')).map((e) => e.Key ?? '');
      } catch (cause) {
        return pending.map((key) => ({ path: pathOf.get(key) ?? key, reason: String(cause) }));
      }
    }
    return failures;
  }

  /** ListObjectsV2 over `prefix/`, up to 1,000 keys a page, following continuation tokens; `dir/` markers are skipped. */
  async *list(prefix: string, signal?: AbortSignal): AsyncIterable<ListedFile> {
    const { scheme, bucket, key } = splitS3Prefix(prefix);
    const keyPrefix = key === '' ? '' : `${key}/`;
    const [client, { ListObjectsV2Command }] = await this.ready;
    let token: string | undefined;
    do {
      if (signal?.aborted) return;
      this.requests.list += 1;
      let page;
      try {
        page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: keyPrefix, MaxKeys: this.pageSize, ...(token !== undefined ? { ContinuationToken: token } : {}) }));
      } catch (cause) {
        throw new IcebergError('IO', `cannot list objects: ${String(cause)}`, { subject: prefix, cause });
      }
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined || object.Key.endsWith('/')) continue;
        yield { path: `${scheme}://${bucket}/${object.Key}`, sizeBytes: object.Size ?? 0, lastModifiedMs: object.LastModified?.getTime() ?? 0 };
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }
}
