/**
 * `expireThroughRest(options, deps)`: one whole expiration run against an Iceberg REST catalog, the twin of
 * the SQL catalog's run in job/expire.ts, whose `expire()` calls it for REST options. Opens the catalog (config,
 * endpoints), checks the selection, runs, closes.
 */
import { LocationMap } from '../../io/location-map.js';
import { RoutingFileIO } from '../../io/router.js';
import type { FileSettings, RunOptions } from '../../job/options.js';
import { type RunDeps, runExpiration } from '../../job/run.js';
import type { ExpirationRun } from '../../job/summary.js';
import { checkRestSelection } from './preflight.js';
import { RestCatalog } from './rest-catalog.js';
import type { RestCatalogSettings } from './settings.js';
import { BesideMetadataJournal } from './table-journal.js';
import { VendedCredentialsFileIO } from './vended-io.js';

export interface RestExpireOptions extends RunOptions {
  readonly rest: RestCatalogSettings;
  readonly files: FileSettings;
}

export type RestExpireDeps = Pick<RunDeps, 'log' | 'onTable' | 'signal'> & { readonly fetch?: typeof fetch };

export async function expireThroughRest(options: RestExpireOptions, deps: RestExpireDeps): Promise<ExpirationRun> {
  const { files } = options;
  const base = RoutingFileIO.create(new LocationMap(files.locationMappings), files.warehouse, files.s3, files.maxConcurrentDeletes);
  const io = new VendedCredentialsFileIO(base, new LocationMap(files.locationMappings), files.s3, files.maxConcurrentDeletes);
  try {
    const catalog = await RestCatalog.open(options.selection.catalogName, options.rest, io, {
      ...(deps.fetch !== undefined ? { fetch: deps.fetch } : {}),
      ...(deps.signal !== undefined ? { signal: deps.signal } : {}),
      onLoaded: (_ident, table) => io.offer(table),
    });
    await checkRestSelection(catalog, options.selection);
    const journal = new BesideMetadataJournal(io, (ident) => catalog.loadedLocation(ident));
    return await runExpiration(options, { catalog, io, journal, log: deps.log, ...(deps.onTable ? { onTable: deps.onTable } : {}), ...(deps.signal ? { signal: deps.signal } : {}) });
  } finally {
    io.close();
    base.close();
  }
}
