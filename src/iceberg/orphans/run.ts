/**
 * `removeOrphans(options, deps)`: one whole run against the real catalog database and file stores. Opens the
 * pool, checks the catalog and the selection (read-only, before any write), then cleans one table at a time: a
 * failing table is reported and the others still run; after a stop no new table starts.
 */
import { type CatalogConnectionSettings, openCatalogPool } from '../catalog/connection.js';
import { type TableSelection, checkCatalog } from '../catalog/preflight.js';
import { PostgresSqlCatalog, type TableCatalog } from '../catalog/sql-catalog.js';
import type { FileIO } from '../io/file-io.js';
import { LocationMap } from '../io/location-map.js';
import { RoutingFileIO } from '../io/router.js';
import type { FileSettings } from '../job/options.js';
import type { Shard } from '../job/shard.js';
import { forEachTable, selectTables } from '../job/table-loop.js';
import type { Equivalences, PrefixMismatchMode } from './locations.js';
import { OrphanMarks } from './marks.js';
import { type OrphanRun, type OrphanTableSummary, ZERO_COUNTS, addCounts, filesPerSecond } from './summary.js';
import { type TableOrphanOptions, removeTableOrphans } from './table.js';

/** Iceberg Java's default: files younger than 3 days may belong to a write still in progress. */
export const DEFAULT_ORPHAN_AGE_MS = 3 * 86_400_000;
/** Below this a cutoff needs --force (Java's procedure refuses less than 24 h). */
export const MIN_ORPHAN_AGE_MS = 86_400_000;
/** Keys per DeleteObjects request. */
export const DELETE_BATCH = 1000;

export interface OrphanRunOptions {
  readonly selection: TableSelection;
  readonly shard: Shard;
  readonly cutoffMs: number;
  readonly nowMs: number;
  readonly prefixMismatch: PrefixMismatchMode;
  readonly equivalences: Equivalences;
  readonly dryRun: boolean;
  readonly mark: boolean;
  readonly deleteMarkedAfterMs: number | undefined;
  readonly maxConcurrentDeletes: number;
}

export interface RemoveOrphansOptions extends OrphanRunOptions {
  readonly connection: CatalogConnectionSettings;
  readonly files: FileSettings;
}

export interface OrphanRunDeps {
  readonly catalog: TableCatalog;
  readonly io: FileIO;
  readonly marks: OrphanMarks | undefined;
  readonly log: (line: string) => void;
  readonly onTable?: (summary: OrphanTableSummary) => void;
  readonly signal?: AbortSignal | undefined;
  readonly clock?: () => number;
}

function modeOf(options: OrphanRunOptions): OrphanRun['mode'] {
  if (options.deleteMarkedAfterMs === undefined) return options.mark ? 'mark' : 'delete';
  return options.mark ? 'mark-and-delete-marked' : 'delete-marked';
}

export async function runOrphanRemoval(options: OrphanRunOptions, deps: OrphanRunDeps): Promise<OrphanRun> {
  const tables = await selectTables(deps.catalog, options);
  const tableOptions: TableOrphanOptions = {
    cutoffMs: options.cutoffMs, nowMs: options.nowMs, prefixMismatch: options.prefixMismatch, equivalences: options.equivalences,
    dryRun: options.dryRun, mark: options.mark, deleteMarkedAfterMs: options.deleteMarkedAfterMs,
    roundSize: DELETE_BATCH * options.maxConcurrentDeletes,
  };
  const tableDeps = { catalog: deps.catalog, io: deps.io, marks: deps.marks, log: deps.log, signal: deps.signal, clock: deps.clock ?? Date.now };
  const loop = { command: 'remove-orphans', shard: options.shard, dryRun: options.dryRun, log: deps.log, signal: deps.signal, onTable: deps.onTable };
  const { summaries, notStarted } = await forEachTable(tables, loop, (ident) => removeTableOrphans(ident, tableOptions, tableDeps));
  const counts = summaries.reduce((sum, t) => addCounts(sum, t.counts), ZERO_COUNTS);
  const deleteMs = summaries.reduce((n, t) => n + t.deleteMs, 0);
  return {
    catalog: options.selection.catalogName,
    shard: { index: options.shard.index, count: options.shard.count },
    dryRun: options.dryRun,
    now: new Date(options.nowMs).toISOString(),
    cutoff: new Date(options.cutoffMs).toISOString(),
    prefixMismatch: options.prefixMismatch,
    mode: modeOf(options),
    stopped: deps.signal?.aborted === true,
    totals: { ...counts, filesPerSecond: filesPerSecond(counts.deleted, deleteMs) },
    tables: summaries,
    notStarted,
  };
}

export async function removeOrphans(options: RemoveOrphansOptions, deps: Pick<OrphanRunDeps, 'log' | 'onTable' | 'signal'>): Promise<OrphanRun> {
  const catalogPool = openCatalogPool(options.connection);
  const { files } = options;
  const io = RoutingFileIO.create(new LocationMap(files.locationMappings), files.warehouse, { ...files.s3, deleteBatchSize: DELETE_BATCH }, files.maxConcurrentDeletes);
  try {
    const catalog = new PostgresSqlCatalog(catalogPool.pool, options.selection.catalogName);
    await checkCatalog(catalogPool.pool, catalog, options.selection, options.connection.display);
    const twoPhase = options.mark || options.deleteMarkedAfterMs !== undefined;
    return await runOrphanRemoval(options, { catalog, io, marks: twoPhase ? new OrphanMarks(catalogPool.pool) : undefined, ...deps });
  } finally {
    io.close();
    await catalogPool.close();
  }
}
