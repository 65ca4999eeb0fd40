import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runCli } from '../../src/cli/main.js';
import { FIXTURES, FIXTURES_PRESENT, copyFixture, createCatalog, listFiles, registerTable } from '../support/iceberg/fixtures.js';
import { createJournalTableSql } from '../../src/iceberg/catalog/schema.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['expire-snapshots', ...argv], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, cwd: process.cwd() });
  return { code, stdout, stderr };
}

interface JsonRun {
  reportVersion: number;
  command: string;
  exitCode: number;
  catalog: string;
  stopped: boolean;
  notStarted: string[];
  tables: Array<{ table: string; status: string; expiredSnapshotIds: string[]; files: Record<string, { count: number }> }>;
}

describe('expire-snapshots help and entry point', () => {
  it('prints help generated from its declaration, with every group and the exit codes', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const text of ['Usage: guardrails expire-snapshots', 'Catalog:', 'Retention:', 'Files:', 'Output:', '--older-than AGE|INSTANT', '[env ICEBERG_CATALOG_NAME]', '4  the catalog database cannot be reached']) {
      expect(result.stdout).toContain(text);
    }
  });

  it('runs as a bundled entry point (jobs/expire-snapshots.ts), refusing bad input through the command layer', async () => {
    const outfile = join(process.cwd(), '.tmp', 'test-iceberg', 'expire-snapshots.mjs');
    await build({ entryPoints: ['jobs/expire-snapshots.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
    const help = spawnSync(process.execPath, [outfile, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: guardrails expire-snapshots');
    const bad = spawnSync(process.execPath, [outfile, '--catalog-name', 'c', '--shard', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('error: --shard "x" is not k/n with 0 <= k < n; e.g. --shard 0/4 … --shard 3/4 (see guardrails expire-snapshots --help)\n');
  });
});

describe.skipIf(!FIXTURES_PRESENT)('expire-snapshots against a real catalog (needs ../shared/iceberg-fixtures)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await startTestDatabase('command');
    pool = db.pool();
    await createCatalog(pool, 'V1');
  });
  afterAll(async () => {
    await db?.stop();
  });

  it('dry-runs, then expires, each table its own unit; a broken table fails alone', async () => {
    const bunnies = copyFixture(FIXTURES.sparkBunnies);
    const broken = copyFixture(FIXTURES.eqDeletes);
    await registerTable(pool, { catalog: 'prod', namespace: 'web', name: 'bunnies', metadataLocation: FIXTURES.sparkBunnies.metadataLocation });
    await registerTable(pool, { catalog: 'prod', namespace: 'web', name: 'broken', metadataLocation: FIXTURES.eqDeletes.metadataLocation });
    await pool.query("INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location, iceberg_type) VALUES ('prod', 'web', 'a_view', 'nowhere/view.metadata.json', 'VIEW')");
    const common = ['--catalog-name', 'prod', '--retain-last', '5', '--now', '2026-11-26T00:00:00Z',
      '--map-location', `${FIXTURES.sparkBunnies.prefix}=${bunnies}`, '--map-location', `${FIXTURES.eqDeletes.prefix}=${broken}`];
    const before = [listFiles(bunnies), listFiles(broken)];

    const env = { ICEBERG_CATALOG_URI: db.url };
    const dry = await run([...common, '--dry-run'], env);
    expect(dry.stdout).toContain('web.broken: failed');
    expect(dry.stdout).toContain('web.bunnies: dry-run (dry run: nothing written)');
    expect(dry.stdout).toMatch(/snapshots: 3 -> 3 \(0 expire/);
    expect([listFiles(bunnies), listFiles(broken)]).toEqual(before);
    expect(dry.code).toBe(1);

    const real = await run([...common, '--retain-last', '1', '--format', 'json'], env);
    const report = JSON.parse(real.stdout) as JsonRun;
    expect([report.reportVersion, report.command, report.exitCode, report.catalog, report.stopped, report.notStarted]).toEqual([1, 'expire-snapshots', 0, 'prod', false, []]);
    expect(report.tables.map((l) => [l.table, l.status])).toEqual([['prod.web.broken', 'expired'], ['prod.web.bunnies', 'expired']]);
    expect(report.tables[1]?.files['manifest-lists']?.count).toBe(2);
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
    const summary = (JSON.parse(dry.stdout) as JsonRun).tables[0] as JsonRun['tables'][number];
    expect(summary.table).toBe('pgvars.default.dv');
    expect(summary.expiredSnapshotIds).toEqual(['4008342791228255080', '6085737399650530681']);
    expect(summary.files['deletion-vectors']?.count).toBe(0);
  });

  it('--clean-expired-metadata removes the schema no kept snapshot uses, and the journal leaves no row behind', async () => {
    const dir = copyFixture(FIXTURES.javaBunnies);
    await registerTable(pool, { catalog: 'clean', namespace: 'ns', name: 'java_bunnies', metadataLocation: FIXTURES.javaBunnies.metadataLocation });
    const args = ['--catalog-name', 'clean', '--clean-expired-metadata', '--now', '2026-11-26T00:00:00Z', '--map-location', `${FIXTURES.javaBunnies.prefix}=${dir}`];
    const dry = await run([...args, '--dry-run'], { DATABASE_URL: db.url });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('  unused metadata to remove: partition specs [], schemas [0]');
    const real = await run([...args, '--format', 'json'], { DATABASE_URL: db.url });
    expect(real.code, real.stderr).toBe(0);
    const summary = (JSON.parse(real.stdout) as { tables: Array<{ removedSchemaIds: string[]; sparkCounts: Record<string, number> }> }).tables[0];
    expect(summary?.removedSchemaIds).toEqual(['0']);
    expect(summary?.sparkCounts['deleted_manifest_lists_count']).toBe(2);
    expect((await pool.query('SELECT count(*)::int AS n FROM guardrails_cleanup_journal')).rows[0]).toEqual({ n: 0 });
  });

  it('a role that may not create the cleanup journal is refused once, before any table is touched; its dry runs still work', async () => {
    const dir = copyFixture(FIXTURES.javaBunnies);
    await registerTable(pool, { catalog: 'nocreate', namespace: 'ns', name: 'java_bunnies', metadataLocation: FIXTURES.javaBunnies.metadataLocation });
    await pool.query("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'expirer') THEN CREATE ROLE expirer LOGIN PASSWORD 'expirer-pw'; END IF; END $$");
    await pool.query('GRANT SELECT, UPDATE ON iceberg_tables, iceberg_namespace_properties TO expirer');
    await pool.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await pool.query('DROP TABLE IF EXISTS guardrails_cleanup_journal'); // as on a catalog no real run has used yet
    const url = new URL(db.url);
    url.username = 'expirer';
    url.password = 'expirer-pw';
    const args = ['--catalog-name', 'nocreate', '--now', '2026-11-26T00:00:00Z', '--map-location', `${FIXTURES.javaBunnies.prefix}=${dir}`];
    const before = listFiles(dir);
    const dry = await run([...args, '--dry-run'], { ICEBERG_CATALOG_URI: url.href });
    expect(dry.code, dry.stderr).toBe(0);
    const real = await run(args, { ICEBERG_CATALOG_URI: url.href });
    expect(real.code).toBe(1);
    expect(real.stderr.trim().split('\n').filter((l) => l.startsWith('error:'))).toEqual([
      'error: cannot create the cleanup journal table guardrails_cleanup_journal in the catalog database: permission denied for schema public (grant CREATE on its schema to this role, or have the owner create guardrails_cleanup_journal once (docs/iceberg-expiration.md))',
    ]);
    expect(real.stdout).toBe('');
    expect(listFiles(dir)).toEqual(before);
    const pointer = await pool.query("SELECT metadata_location FROM iceberg_tables WHERE catalog_name = 'nocreate'");
    expect(pointer.rows[0]).toEqual({ metadata_location: FIXTURES.javaBunnies.metadataLocation });

    // Once the owner has created the journal and granted it, the same role expires the table.
    for (const sql of createJournalTableSql()) await pool.query(sql);
    await pool.query('GRANT SELECT, INSERT, UPDATE, DELETE ON guardrails_cleanup_journal TO expirer');
    const granted = await run(args, { ICEBERG_CATALOG_URI: url.href });
    expect(granted.code, granted.stderr).toBe(0);
    expect(granted.stdout).toContain('nocreate.ns.java_bunnies: expired');
  });

  it('prints a readable dry-run plan with counts and bytes, and a Markdown job summary', async () => {
    const dir = copyFixture(FIXTURES.javaBunnies);
    await registerTable(pool, { catalog: 'dry', namespace: 'ns', name: 'java_bunnies', metadataLocation: FIXTURES.javaBunnies.metadataLocation });
    const markdown = join(mkdtempSync(join(tmpdir(), 'gr-summary-')), 'summary.md');
    const dry = await run(['--catalog-name', 'dry', '--dry-run', '--now', '2026-11-26T00:00:00Z', '--map-location', `${FIXTURES.javaBunnies.prefix}=${dir}`, '--summary-markdown', markdown], { DATABASE_URL: db.url });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('snapshots: 3 -> 1 (2 expire; refs dropped: none)');
    expect(dry.stdout).toMatch(/would delete 2 file\(s\), [\d.]+ KiB:/);
    expect(dry.stdout).toMatch(/manifest lists\s+2/);
    expect(dry.stdout).toMatch(/data files\s+0\s+0 B/);
    const md = readFileSync(markdown, 'utf8');
    // The six Spark counts (data, position deletes, equality deletes, manifests, lists, statistics), then metadata files.
    expect(md).toContain('| dry.ns.java_bunnies | dry-run | 3 → 1 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 8.8 KiB | 0 B | – |');
    expect(md).toContain('xychart-beta');
    expect(md).toContain('  bar [3]\n  bar [1]');
  });
});
