/**
 * Slots claimed across replicas with leases, for at-least-once completion without concurrent runs. The first
 * replica to insert a slot's row wins it and holds a lease on it (`lease_expires_at`, in the database's time),
 * which it renews while the job runs (lease.ts). A replica that dies stops renewing; once the lease has expired,
 * another replica takes the slot over with an update that increments `attempt`. The owner and attempt are the
 * fencing token: renewing and recording an outcome only touch the row they still match, so a replica that lost
 * its lease can neither extend it nor complete the slot.
 *
 * Decisions about one job's slots are serialised by a transaction-scoped advisory lock on the job, so a new slot
 * and a take-over never both start while a live lease of that job exists (runs of a job never overlap). Being
 * transaction-scoped, the lock also holds behind a transaction-mode pooler. Within one lease after another slot's
 * lease expired, a new slot is skipped as an overlap: the expired slot is taken over first.
 */
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { keepLease } from './lease.js';

export type ClaimStatus = 'running' | 'succeeded' | 'failed' | 'timed-out' | 'overlap' | 'interrupted';
export type FinalStatus = Exclude<ClaimStatus, 'running' | 'overlap'>;

export interface Claim {
  readonly key: string;
  /** 1 for the first claim of the slot; each take-over adds one. */
  readonly attempt: number;
  /** The replica whose expired lease this claim took over. */
  readonly takenOverFrom?: string;
  /** Aborted when the lease is lost (its reason says why): stop the run; nothing is recorded for it. */
  readonly lost: AbortSignal;
  /**
   * Records the outcome and ends the lease; `lease-lost` when the claim was no longer this replica's, or its
   * lease was lost, and nothing was written. Only the first call counts; later ones return its promise.
   */
  finish(status: FinalStatus, detail?: string): Promise<'recorded' | 'lease-lost'>;
}

export type ClaimResult =
  | { readonly won: true; readonly claim: Claim }
  /**
   * `claimed-elsewhere`: another replica has or had the slot; `overlap`: another slot of the job holds a live
   * lease; `attempts-exhausted`: the slot's lease expired on every allowed attempt, and it is now recorded failed;
   * `busy` (only when asked to `wait`): another slot of the job holds a live lease, and nothing was recorded, so
   * that the slot can be claimed once that run ends.
   */
  | { readonly won: false; readonly reason: 'claimed-elsewhere' | 'overlap' | 'attempts-exhausted' | 'busy' };

export interface ClaimOptions {
  /** A new slot blocked by another slot's live lease is not recorded as an overlap but answered `busy`. */
  readonly wait?: boolean;
}

/** A slot left `running` by a replica whose lease expired. */
export interface ExpiredSlot {
  readonly job: string;
  readonly slot: string;
  readonly owner: string;
  readonly attempt: number;
}

export interface ClaimStore {
  migrate(retentionDays: number): Promise<void>;
  claim(job: string, slot: string, options?: ClaimOptions): Promise<ClaimResult>;
  /** The slots of these jobs whose lease expired while `running`: candidates for a take-over. */
  expired(jobs: readonly string[]): Promise<ExpiredSlot[]>;
  /** The job's most recent claimed slot, whatever became of it; undefined when it never had one. */
  lastSlot(job: string): Promise<Date | undefined>;
  close(): Promise<void>;
}

const CLAIMS_TABLE = 'guardrails_job_claims';
/** A slot whose run kills every replica that takes it (out of memory, say) must not take them all down. */
export const MAX_ATTEMPTS = 3;

/** Errors of connections that are not in use: logged by the owner instead of crashing the process. */
export type ErrorSink = (error: Error) => void;

export interface PgClaimStoreOptions {
  readonly leaseSeconds: number;
  readonly onError?: ErrorSink;
  /** A renewal that failed; the lease survives until two thirds of it pass without one. */
  readonly onRenewFailed?: (slot: { readonly job: string; readonly slot: string }, error: unknown) => void;
}

type Query = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

// Required when a store is made, not imported: loading pg takes a tenth of a second that every CLI
// command would otherwise pay at start-up.
const require = createRequire(import.meta.url);

export class PgClaimStore implements ClaimStore {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, private readonly owner: string, private readonly options: PgClaimStoreOptions) {
    const { Pool } = require('pg') as typeof pg;
    this.pool = new Pool({ connectionString, max: 8 });
    // An idle client losing its connection must not crash the scheduler; the next query reconnects.
    this.pool.on('error', options.onError ?? (() => {}));
  }

  async migrate(retentionDays: number): Promise<void> {
    await this.transaction(async (query) => {
      // Replicas start together: serialise the DDL so CREATE TABLE IF NOT EXISTS cannot race on the catalog.
      await query("SELECT pg_advisory_xact_lock(hashtextextended('guardrails_job_claims:migrate', 0))");
      await query(`CREATE TABLE IF NOT EXISTS ${CLAIMS_TABLE} (
        key text PRIMARY KEY,
        job text NOT NULL,
        slot timestamptz NOT NULL,
        owner text NOT NULL,
        status text NOT NULL DEFAULT 'running',
        detail text,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz)`);
      // Tables made before leases: their running rows keep a NULL lease, which is never taken over (a replica of
      // that version does not renew), and never blocks a new slot.
      await query(`ALTER TABLE ${CLAIMS_TABLE} ADD COLUMN IF NOT EXISTS attempt integer NOT NULL DEFAULT 1`);
      await query(`ALTER TABLE ${CLAIMS_TABLE} ADD COLUMN IF NOT EXISTS lease_expires_at timestamptz`);
      await query(`CREATE INDEX IF NOT EXISTS ${CLAIMS_TABLE}_running ON ${CLAIMS_TABLE} (job) WHERE status = 'running'`);
      await query(`DELETE FROM ${CLAIMS_TABLE} WHERE claimed_at < now() - make_interval(days => $1)`, [retentionDays]);
    });
  }

  async claim(job: string, slot: string, options: ClaimOptions = {}): Promise<ClaimResult> {
    const key = `${job}:${slot}`;
    const lease = this.options.leaseSeconds;
    const sentAt = performance.now();
    const won = await this.transaction(async (query): Promise<ClaimResult | { attempt: number; takenOverFrom?: string }> => {
      await query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${CLAIMS_TABLE}:${job}`]);
      const { rows: [existing] } = await query<{ owner: string; status: string; attempt: number; expired: boolean }>(
        `SELECT owner, status, attempt, coalesce(lease_expires_at < now(), false) AS expired FROM ${CLAIMS_TABLE} WHERE key = $1`, [key]);
      if (existing && !(existing.status === 'running' && existing.expired)) return { won: false, reason: 'claimed-elsewhere' };
      if (existing && existing.attempt >= MAX_ATTEMPTS) {
        await query(`UPDATE ${CLAIMS_TABLE} SET status = 'failed', finished_at = now(), detail = $2 WHERE key = $1`,
          [key, `the lease expired on all ${MAX_ATTEMPTS} attempts (the last on ${existing.owner}); not taken over again`]);
        return { won: false, reason: 'attempts-exhausted' };
      }
      // Another slot of the job blocks this one while its lease is live. A new slot also waits one more lease for
      // an expired one, so that the take-over (every third of a lease) is not starved by new slots.
      const live = await query(
        `SELECT 1 FROM ${CLAIMS_TABLE} WHERE job = $1 AND key <> $2 AND status = 'running'
         AND lease_expires_at + make_interval(secs => $3) >= now() LIMIT 1`, [job, key, existing ? 0 : lease]);
      if (live.rowCount) {
        // A new slot is skipped for good, unless its replica waits to claim it later; an expired one stays a
        // candidate for a later take-over.
        if (!existing && options.wait) return { won: false, reason: 'busy' };
        if (!existing) {
          await query(`INSERT INTO ${CLAIMS_TABLE} (key, job, slot, owner, status, finished_at, detail) VALUES ($1, $2, $3, $4, 'overlap', now(), $5)`,
            [key, job, slot, this.owner, 'an earlier run of this job was still running on another replica']);
        }
        return { won: false, reason: 'overlap' };
      }
      if (existing) {
        const { rows: [row] } = await query<{ attempt: number }>(
          `UPDATE ${CLAIMS_TABLE} SET owner = $2, attempt = attempt + 1, lease_expires_at = now() + make_interval(secs => $3), detail = $4
           WHERE key = $1 RETURNING attempt`, [key, this.owner, lease, `taken over from ${existing.owner}, whose lease expired`]);
        return { attempt: row!.attempt, takenOverFrom: existing.owner };
      }
      await query(`INSERT INTO ${CLAIMS_TABLE} (key, job, slot, owner, lease_expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
        [key, job, slot, this.owner, lease]);
      return { attempt: 1 };
    });
    if ('won' in won) return won;
    return { won: true, claim: this.leasedClaim({ job, slot }, won.attempt, won.takenOverFrom, sentAt) };
  }

  private leasedClaim(slot: { readonly job: string; readonly slot: string }, attempt: number, takenOverFrom: string | undefined, grantedAt: number): Claim {
    const key = `${slot.job}:${slot.slot}`;
    const lost = new AbortController();
    const fence = [key, this.owner, attempt];
    const keeper = keepLease({
      leaseMs: this.options.leaseSeconds * 1000,
      grantedAt,
      renew: async () => {
        const res = await this.pool.query(
          `UPDATE ${CLAIMS_TABLE} SET lease_expires_at = now() + make_interval(secs => $4) WHERE key = $1 AND owner = $2 AND attempt = $3 AND status = 'running'`,
          [...fence, this.options.leaseSeconds]);
        return res.rowCount === 1;
      },
      onLost: (reason) => lost.abort(new LeaseLost(`the lease on ${key} was lost: ${reason}`)),
      onRenewFailed: (error) => this.options.onRenewFailed?.(slot, error),
    });
    let finished: Promise<'recorded' | 'lease-lost'> | undefined;
    const finish = async (status: FinalStatus, detail: string | undefined): Promise<'recorded' | 'lease-lost'> => {
      keeper.stop();
      // A lost lease leaves the row running, so that the slot is taken over and completed elsewhere.
      if (lost.signal.aborted) return 'lease-lost';
      const res = await this.pool.query(
        `UPDATE ${CLAIMS_TABLE} SET status = $4, detail = $5, finished_at = now() WHERE key = $1 AND owner = $2 AND attempt = $3 AND status = 'running'`,
        [...fence, status, detail ?? null]);
      return res.rowCount === 1 ? 'recorded' : 'lease-lost';
    };
    return {
      key, attempt, lost: lost.signal, ...(takenOverFrom !== undefined ? { takenOverFrom } : {}),
      finish: (status, detail) => (finished ??= finish(status, detail)),
    };
  }

  async expired(jobs: readonly string[]): Promise<ExpiredSlot[]> {
    if (jobs.length === 0) return [];
    const { rows } = await this.pool.query<{ job: string; slot: Date; owner: string; attempt: number }>(
      `SELECT job, slot, owner, attempt FROM ${CLAIMS_TABLE} WHERE status = 'running' AND lease_expires_at < now() AND job = ANY($1) ORDER BY slot`, [jobs]);
    return rows.map((r) => ({ job: r.job, slot: r.slot.toISOString(), owner: r.owner, attempt: r.attempt }));
  }

  async lastSlot(job: string): Promise<Date | undefined> {
    const { rows } = await this.pool.query<{ slot: Date | null }>(`SELECT max(slot) AS slot FROM ${CLAIMS_TABLE} WHERE job = $1`, [job]);
    return rows[0]?.slot ?? undefined;
  }

  private async transaction<T>(work: (query: Query) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // Between two queries a checked-out client reports a lost connection as an event; the next query fails anyway.
    let broken: Error | undefined;
    const onError = (e: Error) => (broken = e);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work((text, values) => client.query(text, values));
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.off('error', onError);
      // A broken session is destroyed rather than returned to the pool.
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The reason of a claim's `lost` signal. */
export class LeaseLost extends Error {
  override readonly name = 'LeaseLost';
}

/** For a single replica without PostgreSQL (local use): claims always win; nothing is shared, nothing expires. */
export class MemoryClaimStore implements ClaimStore {
  private readonly keys = new Set<string>();
  async migrate(): Promise<void> {}
  async claim(job: string, slot: string): Promise<ClaimResult> {
    const key = `${job}:${slot}`;
    if (this.keys.has(key)) return { won: false, reason: 'claimed-elsewhere' };
    this.keys.add(key);
    return { won: true, claim: { key, attempt: 1, lost: new AbortController().signal, finish: async () => 'recorded' } };
  }
  async expired(): Promise<ExpiredSlot[]> {
    return [];
  }
  /** Nothing is remembered across starts, so nothing is caught up. */
  async lastSlot(): Promise<Date | undefined> {
    return undefined;
  }
  async close(): Promise<void> {}
}
