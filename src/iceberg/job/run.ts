/**
 * Runs expiration over every selected table of the catalog, one table at a time: a failing table is reported
 * and the others still run. After a stop no new table starts; the result says what was done and what was not.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { TableCatalog } from '../catalog/sql-catalog.js';
import type { FileIO } from '../io/file-io.js';
import type { CleanupJournal } from '../journal/journal.js';
import { type TableJobDeps, expireTable } from './expire-table.js';
import { DEFAULT_MAX_SNAPSHOT_AGE_MS, type RunOptions, cutoffMs } from './options.js';
import type { ExpirationRun, TableSummary } from './summary.js';
import { forEachTable, selectTables } from './table-loop.js';

export interface RunDeps {
  readonly catalog: TableCatalog;
  readonly io: FileIO;
  /** Progress, one line each (stderr in the CLI). */
  readonly log: (line: string) => void;
  /** Each table's summary as soon as it is done. */
  readonly onTable?: (summary: TableSummary) => void;
  readonly signal?: AbortSignal;
  /** Cleanup intent, recorded before each commit and finished by a later run after a crash. */
  readonly journal?: CleanupJournal;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Wall clock, for elapsed time; ages are measured from `options.now`. */
  readonly clock?: () => number;
}

function abortableSleep(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
  return (ms) => delay(ms, undefined, signal ? { signal } : {}).catch(() => undefined);
}

export async function runExpiration(options: RunOptions, deps: RunDeps): Promise<ExpirationRun> {
  const tables = await selectTables(deps.catalog, options);
  const { shard, dryRun } = options;
  const jobDeps: TableJobDeps = {
    catalog: deps.catalog,
    io: deps.io,
    // One fixed instant for every cutoff (the age option, table properties, the 90-day default, ref ages), as
    // Java's RemoveSnapshots takes `now` once: a snapshot exactly at the cutoff is kept however long the run takes.
    now: () => options.now,
    clock: deps.clock ?? Date.now,
    ...(deps.journal ? { journal: deps.journal } : {}),
    sleep: deps.sleep ?? abortableSleep(deps.signal),
    random: Math.random,
    log: deps.log,
    ...(deps.signal ? { signal: deps.signal } : {}),
  };
  const retention = {
    expireOlderThanMs: cutoffMs(options.retention.olderThan, options.now),
    defaultMaxSnapshotAgeMs: DEFAULT_MAX_SNAPSHOT_AGE_MS,
    retainLast: options.retention.retainLast,
    expireSnapshotIds: options.retention.expireSnapshotIds,
  };
  const tableOptions = { dryRun, retention, cleanExpiredMetadata: options.cleanExpiredMetadata === true };
  const loop = { command: 'expire-snapshots', shard, dryRun, log: deps.log, signal: deps.signal, onTable: deps.onTable };
  const { summaries, notStarted } = await forEachTable(tables, loop, (ident) => expireTable(ident, tableOptions, jobDeps));
  return {
    catalog: options.selection.catalogName,
    shard: { index: shard.index, count: shard.count },
    dryRun,
    now: new Date(options.now).toISOString(),
    stopped: deps.signal?.aborted === true,
    tables: summaries,
    notStarted,
  };
}
