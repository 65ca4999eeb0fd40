/**
 * The two-phase mode's memory, in the catalog database beside iceberg_tables (S3 Tables' rule: mark what is
 * unreferenced, delete it only once it has stayed so for N days). One row per marked file with the instant it
 * was first found orphaned; a mark run also forgets files that are no longer orphans (referenced again, or gone),
 * so a file that was referenced in between starts its wait again.
 */
import type pg from 'pg';
import type { TableIdent } from '../catalog/sql-catalog.js';

export const MARKS_TABLE = 'guardrails_orphan_marks';

const CREATE = `CREATE TABLE IF NOT EXISTS ${MARKS_TABLE} (
  catalog_name varchar(255) NOT NULL,
  table_namespace varchar(255) NOT NULL,
  table_name varchar(255) NOT NULL,
  file_path text NOT NULL,
  size_bytes bigint NOT NULL,
  marked_at_ms bigint NOT NULL,
  PRIMARY KEY (catalog_name, table_namespace, table_name, file_path))`;

const KEY = 'catalog_name = $1 AND table_namespace = $2 AND table_name = $3';
const keyOf = (ident: TableIdent) => [ident.catalog, ident.namespace, ident.name];

export class OrphanMarks {
  private ready: Promise<boolean> | undefined;

  constructor(private readonly pool: Pick<pg.Pool, 'query' | 'connect'>) {}

  private async exists(): Promise<boolean> {
    const { rows } = await this.pool.query<{ present: boolean }>(`SELECT to_regclass('${MARKS_TABLE}') IS NOT NULL AS present`);
    return rows[0]?.present === true;
  }

  /** Creates the table if absent (only runs that write marks call this). */
  async ensure(): Promise<void> {
    this.ready ??= this.pool.query(CREATE).then(() => true);
    await this.ready;
  }

  /** path → instant first marked (epoch ms); empty when the table does not exist yet. */
  async read(ident: TableIdent): Promise<Map<string, number>> {
    if (this.ready === undefined && !(await this.exists())) return new Map();
    const { rows } = await this.pool.query<{ file_path: string; marked_at_ms: string }>(`SELECT file_path, marked_at_ms FROM ${MARKS_TABLE} WHERE ${KEY}`, keyOf(ident));
    return new Map(rows.map((r) => [r.file_path, Number(r.marked_at_ms)]));
  }

  /** Marks `orphans` not marked yet at `nowMs`, and forgets every mark of this table not among them; one transaction. */
  async record(ident: TableIdent, orphans: ReadonlyArray<{ path: string; sizeBytes: number }>, nowMs: number): Promise<{ added: number; forgotten: number }> {
    await this.ensure();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const paths = orphans.map((o) => o.path);
      const forgotten = await client.query(`DELETE FROM ${MARKS_TABLE} WHERE ${KEY} AND NOT (file_path = ANY ($4::text[]))`, [...keyOf(ident), paths]);
      const added = await client.query(
        `INSERT INTO ${MARKS_TABLE} (catalog_name, table_namespace, table_name, file_path, size_bytes, marked_at_ms)
         SELECT $1, $2, $3, p, s, $6 FROM unnest($4::text[], $5::bigint[]) AS u(p, s)
         ON CONFLICT DO NOTHING`,
        [...keyOf(ident), paths, orphans.map((o) => o.sizeBytes), nowMs],
      );
      await client.query('COMMIT');
      return { added: added.rowCount ?? 0, forgotten: forgotten.rowCount ?? 0 };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Forgets the marks of files that were deleted. */
  async forget(ident: TableIdent, paths: readonly string[]): Promise<void> {
    if (paths.length === 0 || (this.ready === undefined && !(await this.exists()))) return;
    await this.pool.query(`DELETE FROM ${MARKS_TABLE} WHERE ${KEY} AND file_path = ANY ($4::text[])`, [...keyOf(ident), paths]);
  }
}

