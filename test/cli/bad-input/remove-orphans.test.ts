/**
 * The bad-input corpus of `guardrails remove-orphans`, against a real PostgreSQL: one catalog whose table has
 * an old orphan a real run would delete, and one empty database. Every case must be refused before any side
 * effect: afterwards the table's files are exactly as before and no marks table was created.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKS_TABLE } from '../../../src/iceberg/orphans/marks.js';
import { createCatalog, listFiles } from '../../support/iceberg/fixtures.js';
import { type TestDatabase, startTestDatabase } from '../../support/iceberg/postgres.js';
import { register, scratchTable } from '../../support/iceberg/scratch.js';
import { runBadInputCase, startStrictFake, type BadInputCase, type StrictFake } from './harness.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T00:00:00Z');
const FLAG_PASSWORD = 'hunter2-on-the-command-line';

/** `{catalog}`: the catalog's URI without its password (which is in PGPASSWORD); `{empty}` likewise. */
const CASES: BadInputCase[] = [
  { name: 'no catalog database at all', argv: ['--catalog-name', 'prod'], want: { exit: 2, stderr: /no catalog database given: pass --catalog-uri postgres:\/\/USER@HOST:5432\/DATABASE, or set ICEBERG_CATALOG_URI or DATABASE_URL.*\(see guardrails remove-orphans --help\)$/ } },
  { name: 'a password in --catalog-uri', argv: ['--catalog-name', 'prod', '--catalog-uri', `postgres://guardrails:${FLAG_PASSWORD}@127.0.0.1:5432/catalog`], want: { exit: 2, stderr: /--catalog-uri "postgres:\/\/guardrails@127\.0\.0\.1:5432\/catalog" holds a password; put it in PGPASSWORD/ } },
  { name: 'an unreachable catalog database', argv: ['--catalog-name', 'prod', '--catalog-uri', 'postgres://nobody@127.0.0.1:1/none'], want: { exit: 4, stderr: /catalog database postgres:\/\/nobody@127\.0\.0\.1:1\/none: cannot be reached: connect ECONNREFUSED/ } },
  { name: 'a database that is not an Iceberg catalog', argv: ['--catalog-name', 'prod', '--catalog-uri', '{empty}', '--mark'], want: { exit: 2, stderr: /is not an Iceberg SQL catalog: it has no iceberg_tables table/ } },
  { name: 'an unknown catalog name', argv: ['--catalog-name', 'typo', '--catalog-uri', '{catalog}', '--mark'], want: { exit: 2, stderr: /--catalog-name "typo" matches no table in iceberg_tables; catalog names there: "prod"/ } },
  { name: 'an unknown table', argv: ['--catalog-name', 'prod', '--table', 'evnets', '--catalog-uri', '{catalog}'], want: { exit: 2, stderr: /--table "evnets" matches no table of catalog prod; its tables: "events"/ } },
  { name: '--older-than 12h without --force', argv: ['--catalog-name', 'prod', '--catalog-uri', '{catalog}', '--older-than', '12h'], want: { exit: 2, stderr: /^error: --older-than 12h is less than 1 day: files of writes still in progress could be deleted; give 1d or more \(default 3d\), or add --force if no write can take that long \(see guardrails remove-orphans --help\)$/ } },
  { name: '--older-than an instant 6 hours before --now', argv: ['--catalog-name', 'prod', '--catalog-uri', '{catalog}', '--now', '2026-11-26T00:00:00Z', '--older-than', '2026-11-25T18:00:00Z'], want: { exit: 2, stderr: /--older-than an instant 6h before --now is less than 1 day/ } },
  { name: '--older-than an instant after --now', argv: ['--catalog-name', 'prod', '--now', '2026-11-26T00:00:00Z', '--older-than', '2026-12-01'], want: { exit: 2, stderr: /--older-than an instant not before --now is less than 1 day/ } },
  { name: '--older-than 5x', argv: ['--catalog-name', 'prod', '--older-than', '5x'], want: { exit: 2, stderr: /--older-than "5x" is neither a duration nor an ISO 8601 instant; use a whole number and one of the units/ } },
  { name: 'an unknown --prefix-mismatch', argv: ['--catalog-name', 'prod', '--prefix-mismatch', 'none'], want: { exit: 2, stderr: /--prefix-mismatch "none" is not one of error, ignore, delete/ } },
  { name: '--equal-scheme without =', argv: ['--catalog-name', 'prod', '--equal-scheme', 's3a'], want: { exit: 2, stderr: /--equal-scheme "s3a" is not FROM\[,FROM…\]=TO with scheme names; e\.g\. s3a,s3n=s3/ } },
  { name: '--equal-authority with a path', argv: ['--catalog-name', 'prod', '--equal-authority', 'a/b=c'], want: { exit: 2, stderr: /--equal-authority "a\/b=c" is not FROM\[,FROM…\]=TO with authority names/ } },
  { name: '--delete-marked-after without a unit', argv: ['--catalog-name', 'prod', '--delete-marked-after', '10'], want: { exit: 2, stderr: /--delete-marked-after "10" is not a duration; use a whole number and one of the units/ } },
  { name: '--map-location without =', argv: ['--catalog-name', 'prod', '--map-location', 'nowhere'], want: { exit: 2, stderr: /--map-location "nowhere" is not PREFIX=TARGET/ } },
  { name: 'credentials in --s3-endpoint', argv: ['--catalog-name', 'prod', '--s3-endpoint', 'http://minio:minio-secret@127.0.0.1:9000'], want: { exit: 2, stderr: /--s3-endpoint "http:\/\/127\.0\.0\.1:9000" holds credentials/ } },
  { name: '--summary-markdown under a file', argv: ['--catalog-name', 'prod', '--summary-markdown', 'a-file/summary.md'], files: { 'a-file': 'x' }, want: { exit: 2, stderr: /--summary-markdown "a-file\/summary\.md" cannot be created: \S+\/a-file is a file, not a directory/ } },
  { name: '--catalog-warehouse with the SQL catalog', argv: ['--catalog-name', 'prod', '--catalog-warehouse', 'lake'], want: { exit: 2, stderr: /^error: --catalog-warehouse applies to --catalog-type rest only; drop it, or pass --catalog-type rest \(see guardrails remove-orphans --help\)$/ } },
  { name: 'the two-phase mode with a REST catalog', argv: ['--catalog-type', 'rest', '--catalog-uri', '{fake}', '--catalog-name', 'prod', '--delete-marked-after', '10d'], want: { exit: 2, stderr: /--delete-marked-after keeps its marks in the SQL catalog database, which --catalog-type rest does not have/ } },
  { name: 'a REST catalog URI that is not http(s)', argv: ['--catalog-type', 'rest', '--catalog-uri', '{catalog}', '--catalog-name', 'prod'], want: { exit: 2, stderr: /is not an http\(s\) URI; --catalog-type rest needs the catalog's base URI/ } },
  { name: 'an https --catalog-uri without --catalog-type rest', argv: ['--catalog-name', 'prod', '--catalog-uri', 'https://catalog.example.com/api'], want: { exit: 2, stderr: /--catalog-uri "https:\/\/catalog\.example\.com\/api" is an http\(s\) URI, which is a REST catalog; pass --catalog-type rest.*\(see guardrails remove-orphans --help\)$/ } },
  { name: 'an unknown --format', argv: ['--catalog-name', 'prod', '--format', 'yaml'], want: { exit: 2, stderr: /--format "yaml" is not one of text, json/ } },
  { name: 'an unknown option, with the nearest one', argv: ['--catalog-name', 'prod', '--older-then', '3d'], want: { exit: 2, stderr: /Unknown option '--older-then'; did you mean --older-than\?/ } },
  { name: '--max-concurrent-deletes out of range', argv: ['--catalog-name', 'prod', '--max-concurrent-deletes', '0'], want: { exit: 2, stderr: /--max-concurrent-deletes "0" is not a whole number from 1 to 256/ } },
];

let fake: StrictFake;
let db: TestDatabase;
let pool: pg.Pool;
let urls: Record<string, string>;
let password: string;
let tableDir: string;

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

function resolved(c: BadInputCase): BadInputCase {
  const fill = (text: string) => text.replace(/\{(catalog|empty)\}/g, (_, key: string) => urls[key] as string);
  const uses = c.argv.some((t) => /\{(catalog|empty)\}/.test(t));
  return { ...c, argv: c.argv.map(fill), env: { ...(uses ? { PGPASSWORD: password } : {}), ...(c.env ?? {}) } };
}

const marksTableExists = async () => (await pool.query<{ present: boolean }>(`SELECT to_regclass('${MARKS_TABLE}') IS NOT NULL AS present`)).rows[0]?.present;

beforeAll(async () => {
  fake = await startStrictFake();
  db = await startTestDatabase('bad_input_orphans');
  pool = db.pool();
  await createCatalog(pool, 'V1');
  const table = scratchTable('bad-input-orphans');
  await table.builder.commit({ timestampMs: NOW - 20 * DAY, addData: 2 });
  await register(pool, 'prod', 'events', await table.builder.writeMetadata());
  tableDir = table.dir;
  const orphan = join(tableDir, 't', 'data', 'orphan.parquet');
  writeFileSync(orphan, 'orphan');
  utimesSync(orphan, (NOW - 30 * DAY) / 1000, (NOW - 30 * DAY) / 1000);
  const empty = `${new URL(db.url).pathname.slice(1)}_empty`;
  await pool.query(`DROP DATABASE IF EXISTS ${empty}`);
  await pool.query(`CREATE DATABASE ${empty}`);
  const emptyUrl = new URL(db.url);
  emptyUrl.pathname = `/${empty}`;
  password = decodeURIComponent(new URL(db.url).password);
  urls = { catalog: withoutPassword(db.url), empty: withoutPassword(emptyUrl.toString()) };
});
afterAll(async () => {
  await fake?.close();
  await db?.stop();
});

describe('guardrails remove-orphans: bad input', () => {
  it('has at least 12 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = listFiles(tableDir);
    const result = await runBadInputCase('remove-orphans', resolved(c), fake);
    expect(`${result.stdout}${result.stderr}`).not.toContain(FLAG_PASSWORD);
    expect(result.stdout).toBe('');
    expect(listFiles(tableDir), 'the table is untouched').toEqual(before);
    expect(await marksTableExists(), 'no marks table').toBe(false);
  });
});
