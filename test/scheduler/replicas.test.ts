import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, type CliBundle } from '../support/cli-process.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

let db: TestPostgres;
let bundle: CliBundle;

beforeAll(async () => {
  [db, bundle] = await Promise.all([startPostgres(), bundleCli('test/scheduler/support/replica.ts')]);
});
afterAll(async () => {
  await bundle?.remove();
  await db?.stop();
});

function startReplica(dir: string, id: string): { child: ChildProcess; ready: Promise<void>; exited: Promise<number>; logs: string[] } {
  const child = spawn(process.execPath, [bundle.path, dir, id], { env: { ...process.env, DATABASE_URL: db.url, TICK_MS: '1500' }, stdio: ['ignore', 'pipe', 'pipe'] });
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
    const client = new pg.Client({ connectionString: db.url });
    client.on('error', () => {});
    await client.connect();
    await client.query('CREATE TABLE job_runs (id serial PRIMARY KEY, slot text NOT NULL, replica text NOT NULL, started_at timestamptz NOT NULL, finished_at timestamptz)');
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
    await client.end();

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
});
