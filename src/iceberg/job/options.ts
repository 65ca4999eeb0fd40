/**
 * What one expiration run is asked to do, as typed values: the command layer (src/cli/commands/
 * expire-snapshots.ts) is the only reader of flags and variables and hands these over validated.
 */
import type { CatalogConnectionSettings } from '../catalog/connection.js';
import type { TableSelection } from '../catalog/preflight.js';
import type { LocationMapping } from '../io/location-map.js';
import type { S3Settings } from '../io/s3.js';
import type { Shard } from './shard.js';

/** Runbook Scenario 4: expire snapshots older than 90 days, for tables that set no age of their own. */
export const DEFAULT_MAX_SNAPSHOT_AGE_MS = 90 * 86_400_000;

/** An age before the run's `now` (`90d`) or an absolute instant (`2026-01-31T00:00:00Z`), in ms. */
export type OlderThan = { readonly kind: 'age'; readonly ms: number } | { readonly kind: 'instant'; readonly ms: number };

export interface ExpireRetention {
  /** undefined → the table's history.expire.max-snapshot-age-ms, else 90 days. */
  readonly olderThan: OlderThan | undefined;
  /** undefined → the table's history.expire.min-snapshots-to-keep, else 1. */
  readonly retainLast: number | undefined;
  /** Decimal snapshot ids to expire as well. */
  readonly expireSnapshotIds: readonly string[];
}

/** Which tables, and how: everything a run needs besides its clients. */
export interface RunOptions {
  readonly selection: TableSelection;
  readonly shard: Shard;
  readonly retention: ExpireRetention;
  /** Plan only: nothing written, committed or deleted. */
  readonly dryRun: boolean;
  /** `--clean-expired-metadata`: also remove partition specs and schemas no kept snapshot uses. */
  readonly cleanExpiredMetadata?: boolean;
  /** The instant ages are measured from (epoch ms), fixed once per run. */
  readonly now: number;
}

export interface FileSettings {
  /** Base for relative table locations. */
  readonly warehouse: string;
  readonly locationMappings: readonly LocationMapping[];
  readonly s3: S3Settings;
  readonly maxConcurrentDeletes: number;
}

export interface ExpireOptions extends RunOptions {
  readonly connection: CatalogConnectionSettings;
  readonly files: FileSettings;
}

/** The cutoff an `OlderThan` means at `now`. */
export function cutoffMs(olderThan: OlderThan | undefined, now: number): number | undefined {
  if (olderThan === undefined) return undefined;
  return olderThan.kind === 'age' ? now - olderThan.ms : olderThan.ms;
}
