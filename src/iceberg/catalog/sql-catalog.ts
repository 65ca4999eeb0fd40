/**
 * Tables of an Iceberg SQL catalog in PostgreSQL: list, load the metadata pointer, and commit with the
 * compare-and-swap UPDATE that Iceberg Java, PyIceberg and iceberg-rust all use. Success means exactly one row.
 */
import type pg from 'pg';
import { IcebergError } from '../errors.js';
import type { JsonObject } from '../metadata/json.js';
import { TABLE_TYPE_FILTER } from './schema.js';

export interface TableIdent {
  readonly catalog: string;
  /** Namespace levels joined with '.', as stored. */
  readonly namespace: string;
  readonly name: string;
}

export function identText(ident: TableIdent): string {
  return `${ident.catalog}.${ident.namespace}.${ident.name}`;
}

/**
 * committed: our pointer is in place. conflict: the UPDATE matched no row, someone else moved the pointer (retry;
 * our new metadata file is provably unreferenced). not-applied: the connection dropped and a re-read still shows
 * the old pointer; the lost statement could in theory land later, so the caller may retry (the CAS keeps that
 * safe) but must keep the new metadata file. unknown: cannot tell; delete nothing.
 */
export type CommitOutcome = 'committed' | 'conflict' | 'not-applied' | 'unknown';

export interface TableCatalog {
  listTables(filter: { namespace?: string | undefined; table?: string | undefined }): Promise<TableIdent[]>;
  /** The current metadata location; throws INVALID_INPUT when the table does not exist. */
  loadPointer(ident: TableIdent): Promise<string>;
  commit(ident: TableIdent, oldLocation: string, newLocation: string): Promise<CommitOutcome>;
  /**
   * Present when the catalog writes metadata files itself (REST): commits `next` over the table as it was at
   * `baseLocation`, and the job writes no metadata file of its own. `location` is the file the catalog committed.
   */
  commitChange?(ident: TableIdent, change: MetadataChange): Promise<ChangeCommitted>;
}

export interface MetadataChange {
  readonly baseLocation: string;
  /** The base document, when the caller has it (saves the catalog a read). */
  readonly base?: JsonObject;
  readonly next: JsonObject;
}

export interface ChangeCommitted {
  readonly outcome: CommitOutcome;
  /** The metadata file the catalog committed, when it said so (or a reload showed it). */
  readonly location: string | undefined;
}

/** A SQL error the server returned (it has a SQLSTATE); anything else may have lost the connection. */
function isServerError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57P');
}

export class PostgresSqlCatalog implements TableCatalog {
  private hasTypeColumn: Promise<boolean> | undefined;

  constructor(private readonly pool: Pick<pg.Pool, 'query'>, private readonly catalogName: string) {}

  /** ` AND <only tables>` on a V1 catalog (views skipped), '' on V0. */
  async typeFilter(): Promise<string> {
    // V1 catalogs have iceberg_type; look only at the schemas on the search path, where the unqualified name resolves.
    this.hasTypeColumn ??= this.pool
      .query("SELECT 1 FROM information_schema.columns WHERE table_name = 'iceberg_tables' AND column_name = 'iceberg_type' AND table_schema = ANY (current_schemas(false))")
      .then((r) => (r.rowCount ?? 0) > 0)
      .catch((error: unknown) => {
        this.hasTypeColumn = undefined; // do not cache a failed probe
        throw error;
      });
    return (await this.hasTypeColumn) ? ` AND ${TABLE_TYPE_FILTER}` : '';
  }

  async listTables(filter: { namespace?: string | undefined; table?: string | undefined }): Promise<TableIdent[]> {
    const params: string[] = [this.catalogName];
    let where = 'catalog_name = $1';
    if (filter.namespace !== undefined) { params.push(filter.namespace); where += ` AND table_namespace = $${params.length}`; }
    if (filter.table !== undefined) { params.push(filter.table); where += ` AND table_name = $${params.length}`; }
    const sql = `SELECT table_namespace, table_name FROM iceberg_tables WHERE ${where}${await this.typeFilter()} ORDER BY table_namespace, table_name`;
    const result = await this.pool.query<{ table_namespace: string; table_name: string }>(sql, params);
    return result.rows.map((r) => ({ catalog: this.catalogName, namespace: r.table_namespace, name: r.table_name }));
  }

  async loadPointer(ident: TableIdent): Promise<string> {
    const sql = `SELECT metadata_location FROM iceberg_tables WHERE catalog_name = $1 AND table_namespace = $2 AND table_name = $3${await this.typeFilter()}`;
    const result = await this.pool.query<{ metadata_location: string | null }>(sql, [ident.catalog, ident.namespace, ident.name]);
    const location = result.rows[0]?.metadata_location;
    if (location === undefined || location === null) {
      throw new IcebergError('INVALID_INPUT', 'table not found in the catalog (or it has no metadata location)', { subject: identText(ident) });
    }
    return location;
  }

  async commit(ident: TableIdent, oldLocation: string, newLocation: string): Promise<CommitOutcome> {
    if (newLocation.length > 1000) throw new IcebergError('INVALID_INPUT', 'new metadata location exceeds the catalog column size of 1000', { subject: newLocation });
    const sql = `UPDATE iceberg_tables SET metadata_location = $1, previous_metadata_location = $2
      WHERE catalog_name = $3 AND table_namespace = $4 AND table_name = $5 AND metadata_location = $2${await this.typeFilter()}`;
    try {
      const result = await this.pool.query(sql, [newLocation, oldLocation, ident.catalog, ident.namespace, ident.name]);
      if (result.rowCount === 1) return 'committed';
      if (result.rowCount === 0) return 'conflict';
      return 'unknown';
    } catch (error) {
      if (isServerError(error)) throw new IcebergError('IO', `catalog rejected the commit: ${String(error)}`, { subject: identText(ident), cause: error });
      return this.outcomeAfterLostConnection(ident, oldLocation, newLocation);
    }
  }

  /** The UPDATE may or may not have landed: re-read the row before anything else. */
  private async outcomeAfterLostConnection(ident: TableIdent, oldLocation: string, newLocation: string): Promise<CommitOutcome> {
    try {
      const current = await this.loadPointer(ident);
      if (current === newLocation) return 'committed';
      // Still old: the retry's own CAS stays safe even if the lost statement lands later.
      if (current === oldLocation) return 'not-applied';
      return 'unknown';
    } catch {
      return 'unknown';
    }
  }
}
