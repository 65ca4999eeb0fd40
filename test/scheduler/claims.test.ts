/**
 * PgClaimStore against a real PostgreSQL: leases, take-overs fenced by the attempt, overlap between slots of one
 * job, the bound on attempts, and the migration of a claims table made before leases. Leases are expired by
 * moving `lease_expires_at` into the past in the database rather than by waiting.
 */
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jsonLogger, MAX_ATTEMPTS, parseScheduleConfig, PgClaimStore, Scheduler, type Claim, type ClaimResult } from '../../src/scheduler/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

let db: TestPostgres;
let client: pg.Client;
const stores: PgClaimStore[] = [];

beforeAll(async () => {
  db = await startPostgres();
  client = new pg.Client({ connectionString: db.url });
  client.on('error', () => {});
  await client.connect();
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await client?.end();
  await db?.stop();
});
beforeEach(async () => {
  await client.query('DROP TABLE IF EXISTS guardrails_job_claims');
});

async function store(owner: string, leaseSeconds = 60): Promise<PgClaimStore> {
  const s = new PgClaimStore(db.url, owner, { leaseSeconds });
  stores.push(s);
  await s.migrate(90);
  return s;
}

function won(result: ClaimResult): Claim {
  if (!result.won) throw new Error(`expected to win the slot, got ${result.reason}`);
  return result.claim;
}

async function row(key: string) {
  const { rows } = await client.query('SELECT owner, status, attempt, detail, lease_expires_at > now() AS live FROM guardrails_job_claims WHERE key = $1', [key]);
  return rows[0] as { owner: string; status: string; attempt: number; detail: string | null; live: boolean } | undefined;
}

const expire = (key: string) => client.query("UPDATE guardrails_job_claims SET lease_expires_at = now() - interval '1 second' WHERE key = $1", [key]);

const SLOT = '2026-01-01T03:00:00.000Z';
const NEXT = '2026-01-01T03:01:00.000Z';

describe('PgClaimStore leases', () => {
  it('grants a lease to the first claim only, records its outcome, and lists nothing as expired', async () => {
    const [a, b] = [await store('a'), await store('b')];
    const claim = won(await a.claim('backup', SLOT));
    expect(claim).toMatchObject({ key: `backup:${SLOT}`, attempt: 1 });
    expect(claim.takenOverFrom).toBeUndefined();
    expect(await b.claim('backup', SLOT)).toEqual({ won: false, reason: 'claimed-elsewhere' });
    expect(await row(`backup:${SLOT}`)).toMatchObject({ owner: 'a', status: 'running', attempt: 1, live: true });
    expect(await b.expired(['backup'])).toEqual([]);
    expect(await b.lastSlot('backup')).toEqual(new Date(SLOT));
    expect(await b.lastSlot('drift')).toBeUndefined();
    expect(await claim.finish('succeeded')).toBe('recorded');
    expect(await row(`backup:${SLOT}`)).toMatchObject({ status: 'succeeded' });
    // A finished slot is never taken over, even with its lease in the past.
    await expire(`backup:${SLOT}`);
    expect(await b.expired(['backup'])).toEqual([]);
    expect(await b.claim('backup', SLOT)).toEqual({ won: false, reason: 'claimed-elsewhere' });
  });

  it('lets another replica take over an expired lease; the old owner can then neither renew nor complete the slot', async () => {
    // A 3 s lease renews every second: the old owner learns of the take-over at its next renewal.
    const [a, b] = [await store('a', 3), await store('b', 3)];
    const old = won(await a.claim('backup', SLOT));
    await expire(`backup:${SLOT}`);
    expect(await b.expired(['backup', 'drift'])).toEqual([{ job: 'backup', slot: SLOT, owner: 'a', attempt: 1 }]);
    expect(await b.expired(['drift'])).toEqual([]);
    const taken = won(await b.claim('backup', SLOT));
    expect(taken).toMatchObject({ attempt: 2, takenOverFrom: 'a' });
    expect(await row(`backup:${SLOT}`)).toMatchObject({ owner: 'b', status: 'running', attempt: 2, live: true, detail: 'taken over from a, whose lease expired' });
    const reason = await new Promise<unknown>((resolve) => old.lost.addEventListener('abort', () => resolve(old.lost.reason), { once: true }));
    expect(String(reason)).toBe(`LeaseLost: the lease on backup:${SLOT} was lost: another replica took the slot over`);
    expect(await old.finish('succeeded')).toBe('lease-lost');
    expect(await row(`backup:${SLOT}`)).toMatchObject({ owner: 'b', status: 'running', attempt: 2 });
    expect(await taken.finish('succeeded')).toBe('recorded');
    expect(await row(`backup:${SLOT}`)).toMatchObject({ owner: 'b', status: 'succeeded', attempt: 2 });
  });

  it('fences a completion racing the take-over: the first update wins, the other records nothing', async () => {
    const [a, b] = [await store('a'), await store('b')];
    const old = won(await a.claim('backup', SLOT));
    await expire(`backup:${SLOT}`);
    // The old owner finishes just before the take-over: the slot is complete and not taken over.
    expect(await old.finish('succeeded')).toBe('recorded');
    expect(await b.claim('backup', SLOT)).toEqual({ won: false, reason: 'claimed-elsewhere' });
  });

  it('never lets two slots of one job hold live leases; a new slot waits one lease for an expired one to be taken over', async () => {
    const [a, b] = [await store('a'), await store('b')];
    const first = won(await a.claim('backup', SLOT));
    // A replica that queues the slot (overlap: queue-one) is told `busy`, and nothing is recorded.
    expect(await b.claim('backup', NEXT, { wait: true })).toEqual({ won: false, reason: 'busy' });
    expect(await row(`backup:${NEXT}`)).toBeUndefined();
    expect(await b.claim('backup', NEXT)).toEqual({ won: false, reason: 'overlap' });
    expect(await row(`backup:${NEXT}`)).toMatchObject({ status: 'overlap', detail: 'an earlier run of this job was still running on another replica' });
    // Other jobs are not affected.
    won(await b.claim('drift', NEXT));
    // Expired but within one more lease: still blocks a new slot, which leaves the take-over its turn.
    await expire(`backup:${SLOT}`);
    expect(await b.claim('backup', '2026-01-01T03:02:00.000Z')).toEqual({ won: false, reason: 'overlap' });
    const taken = won(await b.claim('backup', SLOT));
    // And a take-over waits for another slot's live lease too.
    await taken.finish('succeeded');
    const later = won(await a.claim('backup', '2026-01-01T03:03:00.000Z'));
    await client.query(`UPDATE guardrails_job_claims SET status = 'running', lease_expires_at = now() - interval '1 second' WHERE key = $1`, [`backup:${SLOT}`]);
    expect(await b.claim('backup', SLOT)).toEqual({ won: false, reason: 'overlap' });
    expect(await row(`backup:${SLOT}`)).toMatchObject({ status: 'running' });
    await later.finish('succeeded');
    await first.finish('failed');
  });

  it(`gives a slot up after ${MAX_ATTEMPTS} expired attempts and records it failed`, async () => {
    const replicas = [await store('a'), await store('b'), await store('c'), await store('d')];
    for (const [i, replica] of replicas.slice(0, MAX_ATTEMPTS).entries()) {
      expect(won(await replica.claim('backup', SLOT)).attempt).toBe(i + 1);
      await expire(`backup:${SLOT}`);
    }
    expect(await replicas[MAX_ATTEMPTS]!.claim('backup', SLOT)).toEqual({ won: false, reason: 'attempts-exhausted' });
    expect(await row(`backup:${SLOT}`)).toMatchObject({ status: 'failed', attempt: MAX_ATTEMPTS, detail: `the lease expired on all ${MAX_ATTEMPTS} attempts (the last on c); not taken over again` });
    expect(await replicas[0]!.expired(['backup'])).toEqual([]);
  });

  it('migrates a claims table made before leases; its running rows are never taken over and block nothing', async () => {
    await client.query(`CREATE TABLE guardrails_job_claims (key text PRIMARY KEY, job text NOT NULL, slot timestamptz NOT NULL, owner text NOT NULL,
      status text NOT NULL DEFAULT 'running', detail text, claimed_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz)`);
    await client.query(`INSERT INTO guardrails_job_claims (key, job, slot, owner) VALUES ($1, 'backup', $2, 'old-version')`, [`backup:${SLOT}`, SLOT]);
    const a = await store('a');
    await a.migrate(90);
    const { rows } = await client.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'guardrails_job_claims' AND column_name IN ('attempt', 'lease_expires_at') ORDER BY 1");
    expect(rows.map((r: { column_name: string }) => r.column_name)).toEqual(['attempt', 'lease_expires_at']);
    expect(await row(`backup:${SLOT}`)).toMatchObject({ owner: 'old-version', status: 'running', attempt: 1, live: null });
    expect(await a.expired(['backup'])).toEqual([]);
    expect(await a.claim('backup', SLOT)).toEqual({ won: false, reason: 'claimed-elsewhere' });
    expect(won(await a.claim('backup', NEXT)).attempt).toBe(1);
  });

  it('with overlap: queue-one, a slot that fired during a run on another replica runs there once that run ends', async () => {
    const config = parseScheduleConfig({ lease: 3, jobs: { backup: { cron: '0 3 1 1 *', overlap: 'queue-one' } } });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let startedOnA!: () => void;
    const running = new Promise<void>((r) => (startedOnA = r));
    const ran: string[] = [];
    const job = (replica: string) => async ({ slot }: { slot: string }) => {
      ran.push(`${slot}@${replica}`);
      if (replica === 'a') {
        startedOnA();
        await gate;
      }
    };
    const a = new Scheduler({ config, jobs: { backup: job('a') }, claims: await store('a', 3), logger: jsonLogger(() => {}) });
    const b = new Scheduler({ config, jobs: { backup: job('b') }, claims: await store('b', 3), logger: jsonLogger(() => {}) });
    const first = a.runSlot('backup', new Date(SLOT));
    await running;
    expect(await b.runSlot('backup', new Date(NEXT))).toMatchObject({ result: 'queued' });
    // Still running on a: the queued slot waits, and nothing is recorded for it.
    await b.takeOverExpired();
    expect(await row(`backup:${NEXT}`)).toBeUndefined();
    release();
    await first;
    await b.takeOverExpired();
    await expect.poll(async () => (await row(`backup:${NEXT}`))?.status).toBe('succeeded');
    expect(ran).toEqual([`${SLOT}@a`, `${NEXT}@b`]);
    await Promise.all([a.stop(1000), b.stop(1000)]);
  });
});
