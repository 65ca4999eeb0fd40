/**
 * Destination: S3 (or an S3-compatible store), one object per backup file under
 * `<prefix><name>/`. SHA256SUMS is uploaded last, so an interrupted upload never looks complete
 * (a reader refuses a backup without it). Retention on S3 is the bucket's job (lifecycle rules,
 * versioning, Object Lock); see docs/backup-restore.md.
 *
 * Credentials come from the AWS SDK's default chain (environment, OIDC web identity in Actions).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { BackupError, messageOf } from '../errors.js';
import { SUMS_FILE } from '../paths.js';

export interface S3Options {
  readonly bucket: string;
  /** Key prefix, e.g. `registry-backups/`. */
  readonly prefix: string;
  readonly region?: string;
  /** For S3-compatible stores and tests. */
  readonly endpoint?: string;
  readonly forcePathStyle?: boolean;
}

/** Uploads every file; returns the key prefix of the backup. */
export async function uploadToS3(files: ReadonlyMap<string, string>, name: string, options: S3Options, signal?: AbortSignal): Promise<string> {
  const { S3Client: Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
  const client: S3Client = new Client({
    ...(options.region ? { region: options.region } : { region: 'us-east-1' }),
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: options.forcePathStyle ?? true } : {}),
  });
  const base = `${options.prefix.replace(/^\/+/, '')}${name}/`;
  const ordered = [...[...files.keys()].filter((p) => p !== SUMS_FILE).sort(), SUMS_FILE];
  try {
    for (const path of ordered) {
      const body = files.get(path);
      if (body === undefined) continue;
      // SHA256SUMS goes last, so an upload stopped here never looks complete to a reader.
      if (signal?.aborted) {
        throw new BackupError('stopped', `the upload to s3://${options.bucket}/${base} was stopped by a signal before ${path}; SHA256SUMS was not uploaded, so it is not a usable backup`, 'The local backup is complete; upload again');
      }
      await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: `${base}${path}`, Body: body, ContentType: path.endsWith('.json') ? 'application/json' : 'text/plain' }));
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('destination', `upload to s3://${options.bucket}/${base} failed: ${messageOf(error)}`, 'The local backup is complete; check the bucket, the credentials and the region, then upload again');
  } finally {
    client.destroy();
  }
  return `s3://${options.bucket}/${base}`;
}

/** Every object under the backup's prefix, by path relative to it (for restoring from S3). */
export async function downloadFromS3(location: string, options: Omit<S3Options, 'bucket' | 'prefix'>): Promise<Map<string, Buffer>> {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(location);
  if (!match) throw new BackupError('invalid-input', `'${location}' is not s3://bucket/prefix/`, 'e.g. --from s3://my-bucket/registry-backups/backup-20261126T020000Z/');
  const [, bucket, rawPrefix] = match as unknown as [string, string, string];
  const prefix = rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`;
  const { S3Client: Client, ListObjectsV2Command, GetObjectCommand } = await import('@aws-sdk/client-s3');
  const client: S3Client = new Client({
    region: options.region ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: options.forcePathStyle ?? true } : {}),
  });
  const out = new Map<string, Buffer>();
  try {
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key }));
        out.set(object.Key.slice(prefix.length), Buffer.from(await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()));
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } catch (error) {
    throw new BackupError('destination', `download from ${location} failed: ${messageOf(error)}`, 'Check the location, the credentials and the region');
  } finally {
    client.destroy();
  }
  return out;
}
