/**
 * The real `guardrails` executable running `schedule --run backup` against the test registry, with claims in a
 * real PostgreSQL: a clean run, and SIGTERM while the backup's first request is in flight.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleCli, spawnCli, type CliBundle } from '../support/cli-process.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const SCHEMA = JSON.stringify({ type: 'record', name: 'Tick', namespace: 'com.market', fields: [{ name: 'price', type: 'double' }] });

let db: TestPostgres;
let registry: TestRegistry;
let bundle: CliBundle;
let client: pg.Client;

beforeAll(async () => {
  [db, registry, bundle] = await Promise.all([startPostgres(), startTestRegistry(), bundleCli()]);
  registry.seed('market.ticks-value', { schema: SCHEMA });
  client = new pg.Client({ connectionString: db.url });
  client.on('error', () => {});
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await Promise.all([registry?.close(), bundle?.remove()]);
  await db?.stop();
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'schedule-stop-'));
  writeFileSync(join(dir, 'guardrails.yaml'), 'version: 1\nschedule:\n  shutdownTimeoutSeconds: 5\n  jobs:\n    backup: { cron: "0 2 * * *", args: ["--out", "backups"] }\n');
  return dir;
}

const env = () => ({ PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: db.url, GUARDRAILS_REGISTRY_URL: registry.url });

// Both runs claim the current minute's slot of `backup`: each starts from an empty claim table.
beforeEach(async () => {
  await client.query('DROP TABLE IF EXISTS guardrails_job_claims');
});

async function claimsOf(replica: string) {
  const { rows } = await client.query<{ status: string; detail: string | null }>('SELECT status, detail FROM guardrails_job_claims WHERE owner = $1', [replica]);
  return rows;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('guardrails schedule --run, as a process', () => {
  it('runs the backup command as the job and prints one versioned JSON report', async () => {
    const dir = folder();
    const cli = spawnCli(bundle, ['schedule', '--run', 'backup', '--replica-id', 'clean-run', '--format', 'json'], { env: env(), cwd: dir });
    const { code } = await cli.exited();
    expect(code, cli.stderr()).toBe(0);
    const report = JSON.parse(cli.stdout()) as Record<string, unknown>;
    expect(report).toMatchObject({ reportVersion: 1, command: 'schedule', exitCode: 0, mode: 'run', replica: 'clean-run', run: { job: 'backup', result: 'succeeded', exitCode: 0 } });
    // The job's own output became JSON log lines of the job, on stderr next to the scheduler's.
    const logs = cli.stderr().trim().split('\n').map((l) => JSON.parse(l) as { msg: string; job?: string; stream?: string });
    expect(logs[0]).toMatchObject({ msg: 'job started', job: 'backup' });
    expect(logs.at(-1)).toMatchObject({ msg: 'job succeeded', job: 'backup' });
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
    expect(await claimsOf('clean-run')).toEqual([{ status: 'succeeded', detail: null }]);
  });

  it('on SIGTERM during the backup, lets its request settle, records the claim as interrupted and exits 1 within 10 s', async () => {
    registry.resetCounts();
    registry.faults.add({ method: 'GET', times: 1, fault: { kind: 'latency', ms: 2000 } });
    const dir = folder();
    const cli = spawnCli(bundle, ['schedule', '--run', 'backup', '--replica-id', 'stopped-run'], { env: env(), cwd: dir });
    await cli.waitFor(/"msg":"job started"/);
    await until(() => registry.requests.length > 0, 'the backup to send its first request');
    const sent = Date.now();
    cli.child.kill('SIGTERM');
    const { code, at } = await cli.exited();
    expect(code, cli.stderr()).toBe(1);
    expect(at - sent).toBeLessThan(10_000);
    expect(cli.stderr()).toContain('SIGTERM received: starting no new write');
    expect(await claimsOf('stopped-run')).toEqual([{ status: 'interrupted', detail: expect.any(String) }]);
    const logs = cli.stdout().trim().split('\n').map((l) => JSON.parse(l) as { msg: string; runs?: { job: string; ending: string; result: string }[] });
    expect(logs.find((l) => l.msg === 'run stopped')?.runs).toEqual([expect.objectContaining({ job: 'backup', ending: 'settled', result: 'interrupted' })]);
  });
});
