/** Wiring shared by the Iceberg tests: real catalog and file IO over a temporary copy, a fixed clock, no sleeping. */
import type pg from 'pg';
import { PostgresSqlCatalog, type TableCatalog } from '../../../src/iceberg/catalog/sql-catalog.js';
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import { LocationMap, type LocationMapping } from '../../../src/iceberg/io/location-map.js';
import { RoutingFileIO } from '../../../src/iceberg/io/router.js';
import type { TableJobDeps } from '../../../src/iceberg/job/expire-table.js';

export function mappedIO(mappings: readonly LocationMapping[], cwd = process.cwd()): FileIO {
  return RoutingFileIO.create(new LocationMap(mappings), cwd, {}, 8);
}

export function jobDeps(catalog: TableCatalog, io: FileIO, now: number, log: string[] = []): TableJobDeps {
  return { catalog, io, now: () => now, sleep: async () => {}, random: () => 0.5, log: (line) => log.push(line) };
}

export function sqlCatalog(pool: pg.Pool, name: string): PostgresSqlCatalog {
  return new PostgresSqlCatalog(pool, name);
}
