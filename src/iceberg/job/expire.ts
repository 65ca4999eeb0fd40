/**
 * `expire(options, deps)`: one whole run against the real catalog and file stores. For the SQL catalog: opens the
 * pool, checks the catalog and the selection (read-only, before any write), runs with the cleanup journal in the
 * same database, and closes every client in order. REST options go to `expireThroughRest`.
 */
import { openCatalogPool } from '../catalog/connection.js';
import { checkCatalog } from '../catalog/preflight.js';
import { type RestExpireDeps, type RestExpireOptions, expireThroughRest } from '../catalog/rest/expire.js';
import { PostgresSqlCatalog } from '../catalog/sql-catalog.js';
import { LocationMap } from '../io/location-map.js';
import { RoutingFileIO } from '../io/router.js';
import { PostgresCleanupJournal } from '../journal/postgres-journal.js';
import type { ExpireOptions } from './options.js';
import { type RunDeps, runExpiration } from './run.js';
import type { ExpirationRun } from './summary.js';

export type ExpireDeps = Pick<RunDeps, 'log' | 'onTable' | 'signal'>;

export type { RestExpireOptions };

export async function expire(options: ExpireOptions | RestExpireOptions, deps: ExpireDeps & Pick<RestExpireDeps, 'fetch'>): Promise<ExpirationRun> {
  if ('rest' in options) return expireThroughRest(options, deps);
  const catalogPool = openCatalogPool(options.connection);
  const { files } = options;
  const io = RoutingFileIO.create(new LocationMap(files.locationMappings), files.warehouse, files.s3, files.maxConcurrentDeletes);
  try {
    const catalog = new PostgresSqlCatalog(catalogPool.pool, options.selection.catalogName);
    await checkCatalog(catalogPool.pool, catalog, options.selection, options.connection.display);
    const journal = new PostgresCleanupJournal(catalogPool.pool);
    if (!options.dryRun) await journal.prepare();
    return await runExpiration(options, { catalog, io, journal, ...deps });
  } finally {
    io.close();
    await catalogPool.close();
  }
}
