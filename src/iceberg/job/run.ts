/**
 * Runs expiration over every selected table of the catalog, one table at a time: a failing table is reported
 * and the others still run. Exit code 0 when every table succeeded, 1 otherwise.
 */
import { type TableCatalog, type TableIdent } from '../catalog/sql-catalog.js';
import type { FileIO } from '../io/file-io.js';
import { type TableJobDeps, expireTable } from './expire-table.js';
import { renderTableJson, renderTableText } from './report.js';
import { DEFAULT_MAX_SNAPSHOT_AGE_MS, type ExpireSettings } from './settings.js';
import { inShard } from './shard.js';
import type { TableSummary } from './summary.js';

export interface RunOutput {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

export interface RunDeps {
  readonly catalog: TableCatalog;
  readonly io: FileIO;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly clock?: () => number;
}

export async function selectTables(catalog: TableCatalog, settings: ExpireSettings): Promise<TableIdent[]> {
  const all = await catalog.listTables({ namespace: settings.namespace, table: settings.table });
  return all.filter((t) => inShard(`${t.namespace}.${t.name}`, settings.shard));
}

export async function runExpiration(settings: ExpireSettings, deps: RunDeps, out: RunOutput): Promise<TableSummary[]> {
  const tables = await selectTables(deps.catalog, settings);
  out.stderr(`expire-snapshots: ${tables.length} table(s) in shard ${settings.shard.index}/${settings.shard.count}${settings.dryRun ? ' (dry run)' : ''}\n`);
  const clock = deps.clock ?? Date.now;
  const jobDeps: TableJobDeps = {
    catalog: deps.catalog,
    io: deps.io,
    now: () => settings.now + (clock() - startedAt),
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: Math.random,
    log: (line) => out.stderr(`${line}\n`),
  };
  const startedAt = clock();
  const summaries: TableSummary[] = [];
  for (const [i, ident] of tables.entries()) {
    out.stderr(`[${i + 1}/${tables.length}] ${ident.namespace}.${ident.name}\n`);
    const summary = await expireTable(ident, {
      dryRun: settings.dryRun,
      retention: {
        expireOlderThanMs: settings.expireOlderThanMs,
        defaultMaxSnapshotAgeMs: DEFAULT_MAX_SNAPSHOT_AGE_MS,
        retainLast: settings.retainLast,
        expireSnapshotIds: settings.expireSnapshotIds,
      },
    }, jobDeps);
    summaries.push(summary);
    out.stdout(`${settings.format === 'json' ? renderTableJson(summary) : renderTableText(summary)}\n`);
  }
  return summaries;
}
