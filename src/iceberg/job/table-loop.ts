/**
 * The loop both Iceberg jobs share: the catalog's tables in the selection and the shard, one at a
 * time, a failing table reported by its own summary while the others still run, and after a stop no
 * new table started.
 */
import { type TableCatalog, type TableIdent, identText } from '../catalog/sql-catalog.js';
import type { TableSelection } from '../catalog/preflight.js';
import { type Shard, inShard } from './shard.js';

export async function selectTables(catalog: TableCatalog, options: { readonly selection: Pick<TableSelection, 'namespace' | 'table'>; readonly shard: Shard }): Promise<TableIdent[]> {
  const all = await catalog.listTables({ namespace: options.selection.namespace, table: options.selection.table });
  return all.filter((t) => inShard(`${t.namespace}.${t.name}`, options.shard));
}

export interface TableLoop<S> {
  /** The command, for the first progress line. */
  readonly command: string;
  readonly shard: Shard;
  readonly dryRun: boolean;
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal | undefined;
  /** Each table's summary as soon as it is done. */
  readonly onTable?: ((summary: S) => void) | undefined;
}

export interface TableLoopResult<S> {
  readonly summaries: S[];
  /** Tables a stop kept from starting, as `namespace.name`. */
  readonly notStarted: string[];
}

export async function forEachTable<S>(tables: readonly TableIdent[], loop: TableLoop<S>, work: (ident: TableIdent) => Promise<S>): Promise<TableLoopResult<S>> {
  const { shard } = loop;
  loop.log(`${loop.command}: ${tables.length} table(s) in shard ${shard.index}/${shard.count}${loop.dryRun ? ' (dry run)' : ''}`);
  const summaries: S[] = [];
  const notStarted: string[] = [];
  for (const [i, ident] of tables.entries()) {
    if (loop.signal?.aborted) {
      notStarted.push(identText(ident));
      continue;
    }
    loop.log(`[${i + 1}/${tables.length}] ${ident.namespace}.${ident.name}`);
    const summary = await work(ident);
    summaries.push(summary);
    loop.onTable?.(summary);
  }
  return { summaries, notStarted };
}
