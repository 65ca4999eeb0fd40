/** Table properties that govern expiration and commits, with Iceberg Java's defaults (TableProperties.java). */
import { IcebergError } from '../errors.js';

export interface ExpirationProperties {
  readonly gcEnabled: boolean;
  /** undefined when the table does not set it (the job default applies then). */
  readonly maxSnapshotAgeMs: number | undefined;
  readonly minSnapshotsToKeep: number;
  readonly maxRefAgeMs: number;
  readonly previousVersionsMax: number;
  /** write.metadata.delete-after-commit.enabled: delete the metadata files a commit trims from the log. */
  readonly deleteAfterCommit: boolean;
  readonly metadataPath: string | undefined;
  readonly metadataCompression: 'none' | 'gzip';
}

export interface CommitRetryProperties {
  readonly numRetries: number;
  readonly minWaitMs: number;
  readonly maxWaitMs: number;
  readonly totalTimeoutMs: number;
}

function intProperty(props: Readonly<Record<string, string>>, key: string): number | undefined {
  const raw = props[key];
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || !Number.isInteger(value)) {
    throw new IcebergError('INVALID_INPUT', `table property ${key}=${JSON.stringify(raw)} is not an integer`, { hint: 'fix the table property' });
  }
  return value;
}

export function expirationProperties(props: Readonly<Record<string, string>>): ExpirationProperties {
  const codec = (props['write.metadata.compression-codec'] ?? 'none').toLowerCase();
  return {
    gcEnabled: (props['gc.enabled'] ?? 'true').trim().toLowerCase() !== 'false',
    maxSnapshotAgeMs: intProperty(props, 'history.expire.max-snapshot-age-ms'),
    minSnapshotsToKeep: intProperty(props, 'history.expire.min-snapshots-to-keep') ?? 1,
    maxRefAgeMs: intProperty(props, 'history.expire.max-ref-age-ms') ?? Number.MAX_SAFE_INTEGER,
    previousVersionsMax: intProperty(props, 'write.metadata.previous-versions-max') ?? 100,
    deleteAfterCommit: (props['write.metadata.delete-after-commit.enabled'] ?? 'false').trim().toLowerCase() === 'true',
    metadataPath: props['write.metadata.path'],
    metadataCompression: codec === 'gzip' ? 'gzip' : 'none',
  };
}

export function commitRetryProperties(props: Readonly<Record<string, string>>): CommitRetryProperties {
  return {
    numRetries: intProperty(props, 'commit.retry.num-retries') ?? 4,
    minWaitMs: intProperty(props, 'commit.retry.min-wait-ms') ?? 100,
    maxWaitMs: intProperty(props, 'commit.retry.max-wait-ms') ?? 60_000,
    totalTimeoutMs: intProperty(props, 'commit.retry.total-timeout-ms') ?? 1_800_000,
  };
}
