/**
 * Read-only checks before any table is touched: the database answers, it is an Iceberg SQL catalog, and
 * the selection (catalog name, namespace, table) matches at least one table. A selection that matches
 * nothing is bad input, not an empty success: the message lists the names that do exist.
 */
import type pg from 'pg';
import { IcebergError } from '../errors.js';
import { connectionError } from './connection.js';
import type { PostgresSqlCatalog } from './sql-catalog.js';

export interface TableSelection {
  readonly catalogName: string;
  readonly namespace: string | undefined;
  readonly table: string | undefined;
}

const SHOWN = 12;

function listed(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, SHOWN).map((n) => JSON.stringify(n)).join(', ');
  return names.length > SHOWN ? `${shown}, … (${names.length} in all)` : shown;
}

export async function checkCatalog(pool: Pick<pg.Pool, 'query'>, catalog: PostgresSqlCatalog, selection: TableSelection, display: string): Promise<void> {
  const query = async <R extends pg.QueryResultRow>(sql: string, params: string[] = []): Promise<R[]> => {
    try {
      return (await pool.query<R>(sql, params)).rows;
    } catch (error) {
      throw connectionError(error, display);
    }
  };
  const [probe] = await query<{ present: boolean }>("SELECT to_regclass('iceberg_tables') IS NOT NULL AS present");
  if (probe?.present !== true) {
    throw new IcebergError('INVALID_INPUT', 'is not an Iceberg SQL catalog: it has no iceberg_tables table', {
      subject: `catalog database ${display}`,
      hint: 'point --catalog-uri at the database of the JdbcCatalog or PyIceberg SqlCatalog',
    });
  }
  const types = await catalog.typeFilter().catch((error: unknown) => Promise.reject(connectionError(error, display)));
  const names = async (column: string, where: string, params: string[]): Promise<string[]> => {
    const rows = await query<{ name: string }>(`SELECT DISTINCT ${column} AS name FROM iceberg_tables WHERE ${where}${types} ORDER BY 1`, params);
    return rows.map((r) => r.name);
  };
  const { catalogName, namespace, table } = selection;
  const catalogs = await names('catalog_name', 'TRUE', []);
  if (!catalogs.includes(catalogName)) {
    throw new IcebergError('INVALID_INPUT', `--catalog-name ${JSON.stringify(catalogName)} matches no table in iceberg_tables; catalog names there: ${listed(catalogs)}`, { hint: 'give one of those names' });
  }
  if (namespace !== undefined) {
    const namespaces = await names('table_namespace', 'catalog_name = $1', [catalogName]);
    if (!namespaces.includes(namespace)) {
      throw new IcebergError('INVALID_INPUT', `--namespace ${JSON.stringify(namespace)} matches no table of catalog ${catalogName}; its namespaces: ${listed(namespaces)}`, { hint: 'give one of those, levels joined with "."' });
    }
  }
  if (table !== undefined) {
    const where = namespace === undefined ? 'catalog_name = $1' : 'catalog_name = $1 AND table_namespace = $2';
    const tables = await names('table_name', where, namespace === undefined ? [catalogName] : [catalogName, namespace]);
    if (!tables.includes(table)) {
      const scope = namespace === undefined ? `catalog ${catalogName}` : `${catalogName}.${namespace}`;
      throw new IcebergError('INVALID_INPUT', `--table ${JSON.stringify(table)} matches no table of ${scope}; its tables: ${listed(tables)}`, { hint: 'give one of those names' });
    }
  }
}
