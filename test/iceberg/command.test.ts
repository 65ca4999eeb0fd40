import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExpireSnapshotsCommand } from '../../src/iceberg/job/index.js';
import { FIXTURES, FIXTURES_PRESENT, copyFixture, createCatalog, listFiles, registerTable } from '../support/iceberg/fixtures.js';
import { newPool } from '../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runExpireSnapshotsCommand(argv, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, env, cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('expire-snapshots usage errors', () => {
  it('prints help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--older-than');
  });

  it.each([
    [['--catalog-name', 'c', '--shard', '3/3'], '--shard "3/3" is not k/n'],
    [['--catalog-name', 'c', '--older-than', 'ninety days'], '--older-than "ninety days" is neither a duration nor a timestamp'],
    [['--catalog-name', 'c', '--retain-last', '0'], '--retain-last "0" is not a positive integer'],
    [['--catalog-name', 'c', '--bogus'], "Unknown option '--bogus'"],
    [[], '--catalog-name is required'],
    [['--catalog-name', 'c', '--map-location', 'nowhere'], '--map-location "nowhere" is not prefix=target'],
  ])('rejects %j with a one-line message and exit 2', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('expire-snapshots process boundaries', () => {
  it('reports an unreachable catalog in one line with exit 2', async () => {
    const result = await run(['--catalog-name', 'c', '--catalog-uri', 'postgres://nobody:x@127.0.0.1:1/none']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^expire-snapshots: 0 table|catalog error: .*ECONNREFUSED/m);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs as a bundled entry point (jobs/expire-snapshots.ts)', async () => {
    const outfile = join(process.cwd(), '.tmp', 'test-iceberg', 'expire-snapshots.mjs');
    await build({ entryPoints: ['jobs/expire-snapshots.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
    const help = spawnSync(process.execPath, [outfile, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: guardrails expire-snapshots');
    const bad = spawnSync(process.execPath, [outfile, '--catalog-name', 'c', '--shard', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('expire-snapshots: --shard "x" is not k/n with 0 <= k < n (e.g. --shard 0/4 … --shard 3/4)\n');
  });
});

describe.skipIf(!FIXTURES_PRESENT)('expire-snapshots against a real catalog (needs ../shared/iceberg-fixtures)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await startTestDatabase('command');
    pool = newPool(db.url);
    await createCatalog(pool, 'V1');
  });
  afterAll(async () => {
    await pool?.end();
    await db?.stop();
  });

  it('dry-runs, then expires, each table its own unit; a broken table fails alone', async () => {
    const bunnies = copyFixture(FIXTURES.sparkBunnies);
    const broken = copyFixture(FIXTURES.eqDeletes);
    await registerTable(pool, { catalog: 'prod', namespace: 'web', name: 'bunnies', metadataLocation: FIXTURES.sparkBunnies.metadataLocation });
    await registerTable(pool, { catalog: 'prod', namespace: 'web', name: 'broken', metadataLocation: FIXTURES.eqDeletes.metadataLocation });
    await pool.query("INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location, iceberg_type) VALUES ('prod', 'web', 'a_view', 'nowhere/view.metadata.json', 'VIEW')");
    const common = ['--catalog-uri', db.url, '--catalog-name', 'prod', '--retain-last', '5', '--now', '2026-11-26T00:00:00Z',
      '--map-location', `${FIXTURES.sparkBunnies.prefix}=${bunnies}`, '--map-location', `${FIXTURES.eqDeletes.prefix}=${broken}`];
    const before = [listFiles(bunnies), listFiles(broken)];

    const dry = await run([...common, '--dry-run']);
    expect(dry.stdout).toContain('web.broken: failed');
    expect(dry.stdout).toContain('web.bunnies: dry-run (dry run: nothing written)');
    expect(dry.stdout).toMatch(/snapshots: 3 -> 3 \(0 expire/);
    expect([listFiles(bunnies), listFiles(broken)]).toEqual(before);
    expect(dry.code).toBe(1);

    const real = await run([...common, '--retain-last', '1', '--format', 'json']);
    const lines = real.stdout.trim().split('\n').map((l) => JSON.parse(l) as { table: string; status: string; files: Record<string, { count: number }> });
    expect(lines.map((l) => [l.table, l.status])).toEqual([['prod.web.broken', 'expired'], ['prod.web.bunnies', 'expired']]);
    expect(lines[1]?.files['manifest-lists']?.count).toBe(2);
    expect(real.code).toBe(0);
    expect(real.stderr).toContain('[2/2] web.bunnies');
  });

  it('connects through the PG* variables of its environment when no URI is given', async () => {
    const dir = copyFixture(FIXTURES.v3Puffin);
    await registerTable(pool, { catalog: 'pgvars', namespace: 'default', name: 'dv', metadataLocation: FIXTURES.v3Puffin.metadataLocation });
    const url = new URL(db.url);
    const env = { PGHOST: url.hostname, PGPORT: url.port, PGUSER: decodeURIComponent(url.username), PGPASSWORD: decodeURIComponent(url.password), PGDATABASE: url.pathname.slice(1) };
    const dry = await run(['--catalog-name', 'pgvars', '--dry-run', '--format', 'json', '--now', '2026-11-26T00:00:00Z', '--map-location', `${FIXTURES.v3Puffin.prefix}=${dir}`], env);
    expect(dry.code).toBe(0);
    const summary = JSON.parse(dry.stdout) as { table: string; expiredSnapshotIds: string[]; files: Record<string, { count: number }> };
    expect(summary.table).toBe('pgvars.default.dv');
    expect(summary.expiredSnapshotIds).toEqual(['4008342791228255080', '6085737399650530681']);
    expect(summary.files['deletion-vectors']?.count).toBe(0);
  });

  it('prints a readable dry-run plan with counts and bytes, and a Markdown job summary', async () => {
    const dir = copyFixture(FIXTURES.javaBunnies);
    await registerTable(pool, { catalog: 'dry', namespace: 'ns', name: 'java_bunnies', metadataLocation: FIXTURES.javaBunnies.metadataLocation });
    const markdown = join(mkdtempSync(join(tmpdir(), 'gr-summary-')), 'summary.md');
    const dry = await run(['--catalog-uri', db.url, '--catalog-name', 'dry', '--dry-run', '--now', '2026-11-26T00:00:00Z', '--map-location', `${FIXTURES.javaBunnies.prefix}=${dir}`, '--summary-markdown', markdown]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('snapshots: 3 -> 1 (2 expire; refs dropped: none)');
    expect(dry.stdout).toMatch(/would delete 2 file\(s\), [\d.]+ KiB:/);
    expect(dry.stdout).toMatch(/manifest lists\s+2/);
    expect(dry.stdout).toMatch(/data files\s+0\s+0 B/);
    const md = readFileSync(markdown, 'utf8');
    expect(md).toContain('| dry.ns.java_bunnies | dry-run | 3 → 1 | 0 | 0 | 0 | 2 | 0 |');
    expect(md).toContain('xychart-beta');
    expect(md).toContain('  bar [3]\n  bar [1]');
  });
});
