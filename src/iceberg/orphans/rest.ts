/**
 * `removeOrphansThroughRest(options, deps)`: one whole orphan run against an Iceberg REST catalog, the twin of
 * `removeOrphans` for the SQL catalog. Tables come from the catalog with every snapshot; listing, reads and
 * deletes go through the same FileIO, with the S3 credentials the catalog vends where it vends them. The
 * two-phase mode keeps its marks in a SQL catalog database, so it is not offered here.
 */
import { checkRestSelection } from '../catalog/rest/preflight.js';
import { RestCatalog } from '../catalog/rest/rest-catalog.js';
import type { RestCatalogSettings } from '../catalog/rest/settings.js';
import { VendedCredentialsFileIO } from '../catalog/rest/vended-io.js';
import { IcebergError } from '../errors.js';
import { LocationMap } from '../io/location-map.js';
import { RoutingFileIO } from '../io/router.js';
import type { FileSettings } from '../job/options.js';
import { DELETE_BATCH, type OrphanRunDeps, type OrphanRunOptions, runOrphanRemoval } from './run.js';
import type { OrphanRun } from './summary.js';

export interface RestOrphanOptions extends OrphanRunOptions {
  readonly rest: RestCatalogSettings;
  readonly files: FileSettings;
}

export async function removeOrphansThroughRest(options: RestOrphanOptions, deps: Pick<OrphanRunDeps, 'log' | 'onTable' | 'signal'> & { readonly fetch?: typeof fetch }): Promise<OrphanRun> {
  if (options.mark || options.deleteMarkedAfterMs !== undefined) throw new IcebergError('INTERNAL', 'the two-phase mode needs the SQL catalog database');
  const { files } = options;
  const s3 = { ...files.s3, deleteBatchSize: DELETE_BATCH };
  const base = RoutingFileIO.create(new LocationMap(files.locationMappings), files.warehouse, s3, files.maxConcurrentDeletes);
  const vended = new VendedCredentialsFileIO(base, new LocationMap(files.locationMappings), s3, files.maxConcurrentDeletes);
  try {
    const catalog = await RestCatalog.open(options.selection.catalogName, options.rest, vended, {
      ...(deps.fetch !== undefined ? { fetch: deps.fetch } : {}),
      ...(deps.signal !== undefined ? { signal: deps.signal } : {}),
      onLoaded: (_ident, table) => vended.offer(table),
    });
    await checkRestSelection(catalog, options.selection);
    return await runOrphanRemoval(options, { catalog, io: vended, marks: undefined, log: deps.log, onTable: deps.onTable, signal: deps.signal });
  } finally {
    vended.close();
    base.close();
  }
}
