/**
 * Exactly-once runs across replicas. A run of (job, slot) is claimed with an insert-or-nothing row: the first
 * replica to insert wins, and a late or clock-skewed replica loses even after the winner finished. While the job
 * runs, the winner also holds a session advisory lock on the job name, so a slow run of one slot and the next
 * slot (claimed by another replica) never overlap. Crashes release the lock (the session ends); the row stays.
 */
import pg from 'pg';

export type ClaimStatus = 'running' | 'succeeded' | 'failed' | 'overlap' | 'interrupted';

export interface Claim {
  readonly key: string;
  /** Records the outcome and releases the advisory lock. Only the first call counts; later ones return its promise. */
  finish(status: Exclude<ClaimStatus, 'running' | 'overlap'>, detail?: string): Promise<void>;
}

export type ClaimResult =
  | { readonly won: true; readonly claim: Claim }
  | { readonly won: false; readonly reason: 'claimed-elsewhere' | 'overlap' };

export interface ClaimStore {
  migrate(retentionDays: number): Promise<void>;
  claim(job: string, slot: string): Promise<ClaimResult>;
  close(): Promise<void>;
}

const CLAIMS_TABLE = 'guardrails_job_claims';

/** Errors of connections that are not in use: logged by the owner instead of crashing the process. */
export type ErrorSink = (error: Error) => void;

export class PgClaimStore implements ClaimStore {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, private readonly owner: string, onError: ErrorSink = () => {}) {
    this.pool = new pg.Pool({ connectionString, max: 8 });
    // An idle client losing its connection must not crash the scheduler; the next query reconnects.
    this.pool.on('error', onError);
  }

  async migrate(retentionDays: number): Promise<void> {
    const client = await this.pool.connect();
    // Between two queries a checked-out client reports a lost connection as an event; the next query fails anyway.
    const ignore = () => {};
    client.on('error', ignore);
    try {
      await client.query('BEGIN');
      // Replicas start together: serialise the DDL so CREATE TABLE IF NOT EXISTS cannot race on the catalog.
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('guardrails_job_claims:migrate', 0))");
      await client.query(`CREATE TABLE IF NOT EXISTS ${CLAIMS_TABLE} (
        key text PRIMARY KEY,
        job text NOT NULL,
        slot timestamptz NOT NULL,
        owner text NOT NULL,
        status text NOT NULL DEFAULT 'running',
        detail text,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz)`);
      await client.query(`DELETE FROM ${CLAIMS_TABLE} WHERE claimed_at < now() - make_interval(days => $1)`, [retentionDays]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.off('error', ignore);
      client.release();
    }
  }

  async claim(job: string, slot: string): Promise<ClaimResult> {
    const key = `${job}:${slot}`;
    const inserted = await this.pool.query(
      `INSERT INTO ${CLAIMS_TABLE} (key, job, slot, owner) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING RETURNING 1`,
      [key, job, slot, this.owner],
    );
    if (inserted.rowCount !== 1) return { won: false, reason: 'claimed-elsewhere' };
    // The lock lives on one session: keep that client checked out until the run finishes.
    const client = await this.pool.connect();
    const onError = () => {};
    client.on('error', onError);
    let locked = false;
    try {
      const res = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [job]);
      locked = res.rows[0]?.locked === true;
    } finally {
      client.off('error', onError);
      if (!locked) client.release();
    }
    if (!locked) {
      await this.pool.query(`UPDATE ${CLAIMS_TABLE} SET status = 'overlap', finished_at = now(), detail = $2 WHERE key = $1`,
        [key, 'an earlier run of this job was still running on another replica']);
      return { won: false, reason: 'overlap' };
    }
    return { won: true, claim: this.heldClaim(key, job, client) };
  }

  private heldClaim(key: string, job: string, client: pg.PoolClient): Claim {
    // A checked-out client is not covered by the pool's listener: losing the session while the job runs is
    // recorded when the claim finishes (the query fails), not thrown from an event.
    let lost: Error | undefined;
    const onError = (e: Error) => (lost = e);
    client.on('error', onError);
    let finished: Promise<void> | undefined;
    const finish = async (status: string, detail: string | undefined) => {
      try {
        if (lost) throw lost;
        await client.query(`UPDATE ${CLAIMS_TABLE} SET status = $2, detail = $3, finished_at = now() WHERE key = $1`, [key, status, detail ?? null]);
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [job]);
      } finally {
        client.off('error', onError);
        // A broken session is destroyed rather than returned to the pool.
        client.release(lost);
      }
    };
    return { key, finish: (status, detail) => (finished ??= finish(status, detail)) };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** For a single replica without PostgreSQL (local use): claims always win; nothing is shared. */
export class MemoryClaimStore implements ClaimStore {
  private readonly keys = new Set<string>();
  async migrate(): Promise<void> {}
  async claim(job: string, slot: string): Promise<ClaimResult> {
    const key = `${job}:${slot}`;
    if (this.keys.has(key)) return { won: false, reason: 'claimed-elsewhere' };
    this.keys.add(key);
    return { won: true, claim: { key, finish: async () => {} } };
  }
  async close(): Promise<void> {}
}
