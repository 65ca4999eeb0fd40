/**
 * A safe stop of the real `guardrails` process: SIGTERM once the first table's deletes have started. The
 * run must exit 1 within 10 s, say what was done and what was not, leave every table loadable with every
 * file a kept snapshot needs, and a plain re-run must finish the cleanup exactly as an uninterrupted run.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { bundleCli, spawnCli, type CliBundle } from '../support/cli-process.js';
import { createCatalog, listFiles } from '../support/iceberg/fixtures.js';
import { sqlCatalog } from '../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';
import { register, scratchTable, type ScratchTable } from '../support/iceberg/scratch.js';
import { missingReferencedFiles } from '../support/iceberg/verify.js';
import { commitPropertyChange } from './support/other-writer.js';

const DAY = 86_400_000;
const NOW = '2026-11-26T00:00:00Z';
const TABLES = ['t1', 't2', 't3', 't4'];
const ARGS = ['--older-than', '10d', '--now', NOW, '--format', 'json'];

let db: TestDatabase;
let pool: pg.Pool;
let bundle: CliBundle;

/** 20 daily snapshots of 100 data files each, every one replacing the previous: 10 snapshots and 1,000 data files expire. */
async function history(table: ScratchTable): Promise<string> {
  let previous: bigint | undefined;
  for (let day = 20; day >= 1; day--) {
    const remove = previous === undefined ? [] : table.builder.liveFiles(previous);
    previous = await table.builder.commit({ timestampMs: Date.parse(NOW) - day * DAY, addData: 100, remove });
  }
  return table.builder.writeMetadata();
}

const withoutMetadataJson = (files: string[]) => files.filter((f) => !f.endsWith('.metadata.json'));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['expire-snapshots', ...args], { cwd: process.cwd(), env: { ICEBERG_CATALOG_URI: db.url }, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

interface Report {
  exitCode: number;
  stopped: boolean;
  notStarted: string[];
  tables: Array<{ table: string; status: string; pendingDeletions: number }>;
}

describe('expire-snapshots on SIGTERM', () => {
  const tables = new Map<string, ScratchTable>();
  let reference: string[];

  beforeAll(async () => {
    db = await startTestDatabase('signals');
    pool = db.pool();
    await createCatalog(pool, 'V1');
    bundle = await bundleCli();
    for (const name of [...TABLES, 'reference', 'k1']) {
      const table = scratchTable(`signal-${name}`);
      await register(pool, name === 'reference' ? 'ref' : name === 'k1' ? 'kill' : 'sig', name, await history(table));
      tables.set(name, table);
    }
    const uninterrupted = await cli(['--catalog-name', 'ref', ...ARGS]);
    expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
    reference = withoutMetadataJson(listFiles((tables.get('reference') as ScratchTable).dir));
  });
  afterAll(async () => {
    await bundle?.remove();
    await db?.stop();
  });

  it('stops within 10 s with exit 1, says what was and was not done, and a re-run finishes the cleanup', async () => {
    const before = withoutMetadataJson(listFiles((tables.get('t1') as ScratchTable).dir));
    expect(before.length - reference.length).toBeGreaterThan(1000);
    const child = spawnCli(bundle, ['expire-snapshots', '--catalog-name', 'sig', ...ARGS], { env: { ...process.env, ICEBERG_CATALOG_URI: db.url } });
    await child.waitFor(/sig\.ns\.t1: deleting \d+ data/);
    const killedAt = Date.now();
    child.child.kill('SIGTERM');
    const exit = await child.exited();

    expect(exit.signal).toBeNull();
    expect(exit.code).toBe(1);
    expect(exit.at - killedAt).toBeLessThan(10_000);
    expect(child.stderr()).toContain('SIGTERM received: starting no new write');
    expect(child.stderr()).toMatch(/^stopped by a signal: \d+ table\(s\) committed/m);
    expect(child.stderr()).toMatch(/^not done: \d+ table\(s\) stopped before their commit .*; run again to finish$/m);
    const report = JSON.parse(child.stdout()) as Report;
    expect([report.exitCode, report.stopped]).toEqual([1, true]);
    expect(report.tables[0]?.table).toBe('sig.ns.t1');
    expect([...report.tables.map((t) => t.table), ...report.notStarted]).toEqual(TABLES.map((t) => `sig.ns.${t}`));
    expect(report.tables.filter((t) => t.status !== 'expired').length + report.notStarted.length).toBeGreaterThan(0);
    expect(report.tables.map((t) => t.status).every((s) => s === 'expired' || s === 'stopped')).toBe(true);

    for (const name of TABLES) {
      const table = tables.get(name) as ScratchTable;
      const pointer = await sqlCatalog(pool, 'sig').loadPointer({ catalog: 'sig', namespace: 'ns', name });
      expect(await missingReferencedFiles(table.io, pointer), `${name}: no committed file lost`).toEqual([]);
    }

    const rerun = await cli(['--catalog-name', 'sig', ...ARGS]);
    expect(rerun.code, rerun.stderr).toBe(0);
    for (const name of TABLES) {
      expect(withoutMetadataJson(listFiles((tables.get(name) as ScratchTable).dir)), `${name} after the re-run`).toEqual(reference);
    }
  });

  it('SIGKILL of the real process mid-delete, then another writer commits: a re-run finishes from the journal to exactly the uninterrupted result', async () => {
    const table = tables.get('k1') as ScratchTable;
    const ident = { catalog: 'kill', namespace: 'ns', name: 'k1' };
    const child = spawnCli(bundle, ['expire-snapshots', '--catalog-name', 'kill', ...ARGS], { env: { ...process.env, ICEBERG_CATALOG_URI: db.url } });
    await child.waitFor(/kill\.ns\.k1: deleting \d+ data/);
    child.child.kill('SIGKILL');
    const exit = await child.exited();
    expect(exit.signal).toBe('SIGKILL');
    expect(await missingReferencedFiles(table.io, await sqlCatalog(pool, 'kill').loadPointer(ident))).toEqual([]);
    await commitPropertyChange(sqlCatalog(pool, 'kill'), table.io, ident, 'written.by', 'another-engine');
    const rerun = await cli(['--catalog-name', 'kill', ...ARGS]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(withoutMetadataJson(listFiles(table.dir))).toEqual(reference);
    expect((await pool.query("SELECT count(*)::int AS n FROM guardrails_cleanup_journal WHERE catalog_name = 'kill'")).rows[0]).toEqual({ n: 0 });
  });
});
