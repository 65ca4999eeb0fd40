import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleCli, type CliBundle } from '../support/cli-process.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

let db: TestPostgres;
let bundle: CliBundle;
let client: pg.Client;

beforeAll(async () => {
  [db, bundle] = await Promise.all([startPostgres(), bundleCli('test/scheduler/support/replica.ts')]);
  client = new pg.Client({ connectionString: db.url });
  client.on('error', () => {});
  await client.connect();
  await client.query('CREATE TABLE job_runs (id serial PRIMARY KEY, slot text NOT NULL, replica text NOT NULL, started_at timestamptz NOT NULL, finished_at timestamptz)');
});
afterAll(async () => {
  await client?.end();
  await bundle?.remove();
  await db?.stop();
});
beforeEach(async () => {
  await client.query('TRUNCATE job_runs');
  await client.query('DROP TABLE IF EXISTS guardrails_job_claims');
});

interface Run { slot: string; replica: string; started_at: Date; finished_at: Date | null }

async function until<T>(what: string, probe: () => Promise<T | undefined>, attempts = 300): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function startReplica(dir: string, id: string, tickMs = 1500): { child: ChildProcess; ready: Promise<void>; exited: Promise<number>; logs: string[] } {
  const child = spawn(process.execPath, [bundle.path, dir, id], { env: { ...process.env, DATABASE_URL: db.url, TICK_MS: String(tickMs) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  let buffer = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      logs.push(...lines);
      if (lines.some((l) => l.includes('"scheduler started"'))) resolve();
    });
    child.once('exit', (code) => reject(new Error(`replica ${id} exited early (${code}): ${logs.join('\n')}`)));
  });
  child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  return { child, ready, exited, logs };
}

describe('three scheduler replicas against one PostgreSQL', () => {
  it('run each slot of a job exactly once, never overlapping, and stop on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sched-'));
    writeFileSync(join(dir, 'guardrails.yaml'), 'schedule:\n  shutdownTimeoutSeconds: 5\n  jobs:\n    tick: { cron: "* * * * * *" }\n');

    const replicas = ['a', 'b', 'c'].map((id) => startReplica(dir, `replica-${id}`));
    await Promise.all(replicas.map((r) => r.ready));
    // Let several slots fire, then stop: wait for enough finished runs rather than for a fixed time.
    for (let i = 0; i < 200; i++) {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM job_runs WHERE finished_at IS NOT NULL');
      if (rows[0]!.n >= 3) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const r of replicas) r.child.kill('SIGTERM');
    const codes = await Promise.all(replicas.map((r) => r.exited));
    // Stopped by a signal: exit 1, by the contract (a run still going was let settle and recorded as interrupted).
    expect(codes, replicas.map((r) => r.logs.join('\n')).join('\n---\n')).toEqual([1, 1, 1]);

    const runs = (await client.query('SELECT slot, replica, started_at, finished_at FROM job_runs ORDER BY started_at')).rows;
    const claims = (await client.query("SELECT key, owner, status, detail FROM guardrails_job_claims WHERE key LIKE 'tick:%'")).rows;

    expect(runs.length).toBeGreaterThanOrEqual(3);
    // Exactly once: no slot ran twice, and each run is the one claim that won its slot.
    expect(new Set(runs.map((r) => r.slot)).size).toBe(runs.length);
    const ran = (c: { status: string; detail: string | null }) => c.status === 'succeeded' || (c.status === 'interrupted' && !c.detail?.startsWith('not started'));
    const won = claims.filter(ran);
    expect(won.map((c) => `${c.key}@${c.owner}`).sort()).toEqual(runs.map((r) => `tick:${r.slot}@${r.replica}`).sort());
    // A slot claimed while the stop began is interrupted before it starts: it has a claim and no run.
    expect(claims.every((c) => ['succeeded', 'overlap', 'interrupted'].includes(c.status))).toBe(true);
    expect(runs.every((r) => r.finished_at !== null)).toBe(true);
    // The advisory lock: a run never starts before the previous one finished, whichever replica ran it.
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.started_at >= runs[i - 1]!.finished_at).toBe(true);
    // Every replica logged JSON lines only.
    for (const r of replicas) for (const line of r.logs.filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('complete the slot of a replica killed mid-job on another replica, within the lease and one interval, exactly once and never concurrently', async () => {
    const leaseSeconds = 3;
    const intervalSeconds = leaseSeconds / 3;
    const dir = mkdtempSync(join(tmpdir(), 'sched-kill-'));
    writeFileSync(join(dir, 'guardrails.yaml'), `schedule:\n  lease: ${leaseSeconds}s\n  jobs:\n    tick: { cron: "* * * * * *" }\n`);
    // Each run holds 4 s: longer than the lease, so the run the kill interrupts had renewed its lease.
    const replicas = new Map(['a', 'b', 'c'].map((id) => [`replica-${id}`, startReplica(dir, `replica-${id}`, 4000)]));
    await Promise.all([...replicas.values()].map((r) => r.ready));

    const victim = await until('a run in progress', async () =>
      (await client.query<Run>('SELECT slot, replica, started_at, finished_at FROM job_runs WHERE finished_at IS NULL ORDER BY id LIMIT 1')).rows[0]);
    replicas.get(victim.replica)!.child.kill('SIGKILL');
    const killedAt = (await client.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0]!.now;
    expect(await replicas.get(victim.replica)!.exited).toBe(-1);

    const completion = await until('the killed slot to complete elsewhere', async () =>
      (await client.query<Run>('SELECT slot, replica, started_at, finished_at FROM job_runs WHERE slot = $1 AND finished_at IS NOT NULL', [victim.slot])).rows[0]);
    const survivors = [...replicas].filter(([id]) => id !== victim.replica).map(([, r]) => r);
    for (const r of survivors) r.child.kill('SIGTERM');
    expect(await Promise.all(survivors.map((r) => r.exited))).toEqual([1, 1]);

    const runs = (await client.query<Run>('SELECT slot, replica, started_at, finished_at FROM job_runs ORDER BY started_at')).rows;
    const claim = (await client.query('SELECT owner, status, attempt, detail FROM guardrails_job_claims WHERE key = $1', [`tick:${victim.slot}`])).rows[0];
    const logs = survivors.flatMap((r) => r.logs).filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

    // The killed run never finished; exactly one other replica completed its slot, as the second attempt.
    expect(runs.filter((r) => r.slot === victim.slot).map((r) => [r.replica, r.finished_at === null])).toEqual([[victim.replica, true], [completion.replica, false]]);
    expect(completion.replica).not.toBe(victim.replica);
    expect(claim).toMatchObject({ owner: completion.replica, status: 'succeeded', attempt: 2, detail: null });
    // Taken over once the lease expired: at most a lease after the kill, plus one sweep interval. The margin is
    // for process scheduling on a loaded machine; without a take-over the slot would never complete.
    const takeoverSeconds = (completion.started_at.getTime() - killedAt.getTime()) / 1000;
    expect(takeoverSeconds).toBeLessThanOrEqual(leaseSeconds + intervalSeconds + 2);
    expect(logs.filter((l) => l.msg === 'slot taken over: the lease of the replica running it expired')).toEqual([
      expect.objectContaining({ level: 'warn', job: 'tick', slot: victim.slot, replica: completion.replica, previousOwner: victim.replica, attempt: 2 }),
    ]);
    // No slot completed twice, and no two runs overlapped (the killed one ended at the kill).
    const completed = runs.filter((r) => r.finished_at !== null);
    expect(new Set(completed.map((r) => r.slot)).size).toBe(completed.length);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.started_at >= (runs[i - 1]!.finished_at ?? killedAt)).toBe(true);
  });
});
