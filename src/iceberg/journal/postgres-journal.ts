/** The cleanup journal as a table of ours in the catalog database, created on first write. */
import type pg from 'pg';
import { JOURNAL_TABLE, createJournalTableSql } from '../catalog/schema.js';
import type { TableIdent } from '../catalog/sql-catalog.js';
import { IcebergError } from '../errors.js';
import type { FileKind, PlannedDeletion } from '../plan/file-plan.js';
import type { CleanupJournal, JournalEntry, JournalState } from './journal.js';

/** Two shards creating the table at once: the loser sees a duplicate type or relation, which is fine. */
const ALREADY_CREATED = new Set(['23505', '42P07', '42710']);

interface Row {
  id: string;
  catalog_name: string;
  table_namespace: string;
  table_name: string;
  base_metadata_location: string;
  new_metadata_location: string;
  state: string;
  candidates: string;
}

function parseCandidates(text: string, id: string): PlannedDeletion[] {
  const raw: unknown = JSON.parse(text);
  if (!Array.isArray(raw)) throw new IcebergError('UNREADABLE', `journal entry ${id} has no list of candidates`, { hint: `inspect ${JOURNAL_TABLE}` });
  return raw.map((c: { path: string; kind: FileKind; sizeBytes: number }) => ({ path: c.path, kind: c.kind, sizeBytes: c.sizeBytes }));
}

export class PostgresCleanupJournal implements CleanupJournal {
  private created: Promise<void> | undefined;

  constructor(private readonly pool: Pick<pg.Pool, 'query'>) {}

  /** Creates the journal table when absent; a real run calls it before touching any table, so a role without
   * CREATE fails once, up front, instead of once per table. */
  prepare(): Promise<void> {
    return this.ensureTable();
  }

  private ensureTable(): Promise<void> {
    this.created ??= (async () => {
      if (await this.isCurrent()) return; // no DDL at all then: a role without CREATE may use a journal its owner made
      for (const sql of createJournalTableSql()) {
        try {
          await this.pool.query(sql);
        } catch (error) {
          if (!ALREADY_CREATED.has(String((error as { code?: unknown }).code))) throw error;
        }
      }
    })().catch((error: unknown) => {
      this.created = undefined;
      const reason = error instanceof Error ? error.message : String(error);
      throw new IcebergError('IO', `cannot create the cleanup journal table ${JOURNAL_TABLE} in the catalog database: ${reason}`, { hint: `grant CREATE on its schema to this role, or have the owner create ${JOURNAL_TABLE} once (docs/iceberg-expiration.md)`, cause: error });
    });
    return this.created;
  }

  /** The journal exists with every column this version writes. */
  private async isCurrent(): Promise<boolean> {
    const result = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.columns
       WHERE table_name = '${JOURNAL_TABLE}' AND column_name = 'journal_version' AND table_schema = ANY (current_schemas(false))`,
    );
    return (result.rows[0]?.n ?? 0) > 0;
  }

  async pending(table: TableIdent): Promise<JournalEntry[]> {
    const exists = await this.pool.query<{ present: boolean }>(`SELECT to_regclass('${JOURNAL_TABLE}') IS NOT NULL AS present`);
    if (exists.rows[0]?.present !== true) return [];
    const result = await this.pool.query<Row>(
      `SELECT id, catalog_name, table_namespace, table_name, base_metadata_location, new_metadata_location, state, candidates
       FROM ${JOURNAL_TABLE} WHERE catalog_name = $1 AND table_namespace = $2 AND table_name = $3 ORDER BY created_at, id`,
      [table.catalog, table.namespace, table.name],
    );
    return result.rows.map((r) => ({
      id: r.id,
      table: { catalog: r.catalog_name, namespace: r.table_namespace, name: r.table_name },
      baseLocation: r.base_metadata_location,
      newLocation: r.new_metadata_location,
      state: r.state === 'writing' ? 'writing' : 'committing',
      candidates: parseCandidates(r.candidates, r.id),
    }));
  }

  async record(entry: JournalEntry): Promise<void> {
    // The SQL catalog has no commitChange, so the job always wrote a file of its own.
    if (entry.newLocation === undefined) throw new IcebergError('INTERNAL', `journal entry ${entry.id} has no metadata file of ours, which the SQL catalog always has`);
    await this.ensureTable();
    await this.pool.query(
      `INSERT INTO ${JOURNAL_TABLE} (id, catalog_name, table_namespace, table_name, base_metadata_location, new_metadata_location, state, candidates)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.id, entry.table.catalog, entry.table.namespace, entry.table.name, entry.baseLocation, entry.newLocation, entry.state, JSON.stringify(entry.candidates)],
    );
  }

  async setState(id: string, state: JournalState): Promise<void> {
    await this.pool.query(`UPDATE ${JOURNAL_TABLE} SET state = $2 WHERE id = $1`, [id, state]);
  }

  async setCandidates(id: string, candidates: readonly PlannedDeletion[]): Promise<void> {
    if (candidates.length === 0) return this.finish(id);
    await this.pool.query(`UPDATE ${JOURNAL_TABLE} SET candidates = $2 WHERE id = $1`, [id, JSON.stringify(candidates)]);
  }

  async finish(id: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${JOURNAL_TABLE} WHERE id = $1`, [id]);
  }
}
