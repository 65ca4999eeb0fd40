/**
 * Runs expiration over every selected table of the catalog, one table at a time: a failing table is reported
 * and the others still run. After a stop no new table starts; the result says what was done and what was not.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { type TableCatalog, type TableIdent, identText } from '../catalog/sql-catalog.js';
import type { FileIO } from '../io/file-io.js';
import type { CleanupJournal } from '../journal/journal.js';
import { type TableJobDeps, expireTable } from './expire-table.js';
import { DEFAULT_MAX_SNAPSHOT_AGE_MS, type RunOptions, cutoffMs } from './options.js';
import { inShard } from './shard.js';
import type { ExpirationRun, TableSummary } from './summary.js';

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

export async function selectTables(catalog: TableCatalog, options: Pick<RunOptions, 'selection' | 'shard'>): Promise<TableIdent[]> {
  const all = await catalog.listTables({ namespace: options.selection.namespace, table: options.selection.table });
  return all.filter((t) => inShard(`${t.namespace}.${t.name}`, options.shard));
}

function abortableSleep(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
  return (ms) => delay(ms, undefined, signal ? { signal } : {}).catch(() => undefined);
}

export async function runExpiration(options: RunOptions, deps: RunDeps): Promise<ExpirationRun> {
  const tables = await selectTables(deps.catalog, options);
  const { shard, dryRun } = options;
  deps.log(`expire-snapshots: ${tables.length} table(s) in shard ${shard.index}/${shard.count}${dryRun ? ' (dry run)' : ''}`);
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
  const summaries: TableSummary[] = [];
  const notStarted: string[] = [];
  for (const [i, ident] of tables.entries()) {
    if (deps.signal?.aborted) {
      notStarted.push(identText(ident));
      continue;
    }
    deps.log(`[${i + 1}/${tables.length}] ${ident.namespace}.${ident.name}`);
    const summary = await expireTable(ident, { dryRun, retention, cleanExpiredMetadata: options.cleanExpiredMetadata === true }, jobDeps);
    summaries.push(summary);
    deps.onTable?.(summary);
  }
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
