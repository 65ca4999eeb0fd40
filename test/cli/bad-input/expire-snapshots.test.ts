/**
 * The bad-input corpus of `guardrails expire-snapshots`, against a real PostgreSQL: one catalog whose
 * table a real run would expire, and one empty database. Every case must be refused before any side
 * effect, so afterwards the catalog row still points at the same metadata and the table's files are
 * exactly as before.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, listFiles } from '../../support/iceberg/fixtures.js';
import { type TestDatabase, startTestDatabase } from '../../support/iceberg/postgres.js';
import { register, scratchTable } from '../../support/iceberg/scratch.js';
import { runBadInputCase, startStrictFake, type BadInputCase, type StrictFake } from './harness.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T00:00:00Z');
/** A password that must never be echoed. */
const FLAG_PASSWORD = 'hunter2-on-the-command-line';

/** `{catalog}`: the catalog's URI without its password (which is in PGPASSWORD); `{catalog-with-password}`, `{empty}` likewise. */
const CASES: BadInputCase[] = [
  { name: 'no catalog database at all', argv: ['--catalog-name', 'prod'], want: { exit: 2, stderr: /no catalog database given: pass --catalog-uri postgres:\/\/USER@HOST:5432\/DATABASE, or set ICEBERG_CATALOG_URI or DATABASE_URL/ } },
  {
    name: 'a password in --catalog-uri',
    argv: ['--catalog-name', 'prod', '--catalog-uri', `postgres://guardrails:${FLAG_PASSWORD}@127.0.0.1:5432/catalog`],
    want: { exit: 2, stderr: /--catalog-uri "postgres:\/\/guardrails@127\.0\.0\.1:5432\/catalog" holds a password; put it in PGPASSWORD, or in ICEBERG_CATALOG_URI or DATABASE_URL/ },
  },
  {
    name: 'a password in the query of a jdbc: --catalog-uri',
    argv: ['--catalog-name', 'prod', '--catalog-uri', `jdbc:postgresql://127.0.0.1:5432/catalog?user=guardrails&password=${FLAG_PASSWORD}`],
    want: { exit: 2, stderr: /--catalog-uri "postgresql:\/\/127\.0\.0\.1:5432\/catalog" holds a password; put it in PGPASSWORD/ },
  },
  { name: 'an unreachable catalog database', argv: ['--catalog-name', 'prod', '--catalog-uri', 'postgres://nobody@127.0.0.1:1/none'], want: { exit: 4, stderr: /catalog database postgres:\/\/nobody@127\.0\.0\.1:1\/none: cannot be reached: connect ECONNREFUSED 127\.0\.0\.1:1 \(check the host and port in --catalog-uri and that PostgreSQL is running\)/ } },
  { name: 'a database that is not an Iceberg catalog', argv: ['--catalog-name', 'prod', '--catalog-uri', '{empty}'], want: { exit: 2, stderr: /catalog database \S+@127\.0\.0\.1:\d+\/\w+_empty: is not an Iceberg SQL catalog: it has no iceberg_tables table \(point --catalog-uri at the database/ } },
  { name: 'an unknown catalog name', argv: ['--catalog-name', 'typo', '--catalog-uri', '{catalog}'], want: { exit: 2, stderr: /--catalog-name "typo" matches no table in iceberg_tables; catalog names there: "prod" \(give one of those names\)/ } },
  { name: 'an unknown namespace', argv: ['--catalog-name', 'prod', '--namespace', 'nsx', '--catalog-uri', '{catalog}'], want: { exit: 2, stderr: /--namespace "nsx" matches no table of catalog prod; its namespaces: "ns"/ } },
  { name: 'an unknown table', argv: ['--catalog-name', 'prod', '--table', 'evnets', '--catalog-uri', '{catalog}'], want: { exit: 2, stderr: /--table "evnets" matches no table of catalog prod; its tables: "events"/ } },
  { name: 'the catalog URI in $ICEBERG_CATALOG_URI, with an unknown table', argv: ['--catalog-name', 'prod', '--namespace', 'ns', '--table', 'nope'], env: { ICEBERG_CATALOG_URI: '{catalog-with-password}' }, want: { exit: 2, stderr: /--table "nope" matches no table of prod\.ns; its tables: "events"/ } },
  { name: 'a $DATABASE_URL that is not PostgreSQL', argv: ['--catalog-name', 'prod'], env: { DATABASE_URL: 'mysql://root:pw@db:3306/x' }, want: { exit: 2, stderr: /\$DATABASE_URL "mysql:\/\/root@db:3306\/x" is not a postgres:\/\/ URI/ } },
  { name: 'a wrong password', argv: ['--catalog-name', 'prod', '--catalog-uri', '{catalog}'], env: { PGPASSWORD: 'not-the-password' }, want: { exit: 2, stderr: /catalog database postgres:\/\/postgres@127\.0\.0\.1:\d+\/\w+: refused the login: password authentication failed for user "postgres" \(check the user in --catalog-uri and the password in PGPASSWORD/ } },
  { name: 'no --catalog-name', argv: ['--catalog-uri', '{catalog}'], want: { exit: 2, stderr: /--catalog-name NAME is required \(or set ICEBERG_CATALOG_NAME\)/ } },
  { name: '--older-than 5x', argv: ['--catalog-name', 'prod', '--older-than', '5x'], want: { exit: 2, stderr: /^error: --older-than "5x" is neither a duration nor an ISO 8601 instant; use a whole number and one of the units ms, s, m, h, d, w \(e\.g\. 90d, 36h, 15m\), or a date-time with a zone \(see guardrails expire-snapshots --help\)$/ } },
  { name: '--older-than 2026-13-45', argv: ['--catalog-name', 'prod', '--older-than', '2026-13-45'], want: { exit: 2, stderr: /--older-than "2026-13-45" is not a real date or time; use an ISO 8601 date/ } },
  { name: '--now without a zone', argv: ['--catalog-name', 'prod', '--now', '2026-11-20T02:00'], want: { exit: 2, stderr: /--now "2026-11-20T02:00" has no time zone; add Z \(UTC\) or an offset/ } },
  { name: '--shard 4/4', argv: ['--catalog-name', 'prod', '--shard', '4/4'], want: { exit: 2, stderr: /--shard "4\/4" is not k\/n with 0 <= k < n; e\.g\. --shard 0\/4/ } },
  { name: '--retain-last 0', argv: ['--catalog-name', 'prod', '--retain-last', '0'], want: { exit: 2, stderr: /--retain-last "0" is not a whole number from 1 to 1000000/ } },
  { name: 'a snapshot id that is not a number', argv: ['--catalog-name', 'prod', '--expire-snapshot-id', '12ab'], want: { exit: 2, stderr: /--expire-snapshot-id "12ab" is not a 64-bit snapshot id; give the decimal snapshot-id/ } },
  { name: 'a snapshot id beyond 64 bits', argv: ['--catalog-name', 'prod', '--expire-snapshot-id', '9223372036854775808'], want: { exit: 2, stderr: /--expire-snapshot-id "9223372036854775808" is not a 64-bit snapshot id/ } },
  { name: '--map-location without =', argv: ['--catalog-name', 'prod', '--map-location', 'nowhere'], want: { exit: 2, stderr: /--map-location "nowhere" is not PREFIX=TARGET; e\.g\. --map-location s3a:\/\/bucket\/warehouse=\/mnt\/warehouse/ } },
  { name: '--map-location to a missing directory', argv: ['--catalog-name', 'prod', '--map-location', 's3a://lake/t=missing'], want: { exit: 2, stderr: /--map-location "s3a:\/\/lake\/t=missing" has a target that does not exist/ } },
  { name: '--summary-markdown under a file', argv: ['--catalog-name', 'prod', '--summary-markdown', 'a-file/summary.md'], files: { 'a-file': 'x' }, want: { exit: 2, stderr: /--summary-markdown "a-file\/summary\.md" cannot be created: \S+\/a-file is a file, not a directory/ } },
  { name: '--warehouse that is a file', argv: ['--catalog-name', 'prod', '--warehouse', 'a-file'], files: { 'a-file': 'x' }, want: { exit: 2, stderr: /--warehouse "a-file" is a file, not a directory/ } },
  { name: 'credentials in --s3-endpoint', argv: ['--catalog-name', 'prod', '--s3-endpoint', 'http://minio:minio-secret@127.0.0.1:9000'], want: { exit: 2, stderr: /--s3-endpoint "http:\/\/127\.0\.0\.1:9000" holds credentials; put them in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/ } },
  { name: 'an unknown --catalog-ssl-mode', argv: ['--catalog-name', 'prod', '--catalog-ssl-mode', 'sometimes'], want: { exit: 2, stderr: /--catalog-ssl-mode "sometimes" is not one of disable, allow, prefer, require, verify-ca, verify-full/ } },
  { name: 'a $PGPORT that is not a port', argv: ['--catalog-name', 'prod'], env: { PGHOST: '127.0.0.1', PGUSER: 'postgres', PGPORT: 'fivefourthreetwo' }, want: { exit: 2, stderr: /\$PGPORT "fivefourthreetwo" is not a port number; give 1-65535/ } },
  { name: 'an unknown --format', argv: ['--catalog-name', 'prod', '--format', 'yaml'], want: { exit: 2, stderr: /--format "yaml" is not one of text, json/ } },
  { name: 'an unknown option, with the nearest one', argv: ['--catalog-name', 'prod', '--older-then', '90d'], want: { exit: 2, stderr: /Unknown option '--older-then'; did you mean --older-than\?/ } },
  { name: '--max-concurrent-deletes out of range', argv: ['--catalog-name', 'prod', '--max-concurrent-deletes', '1000'], want: { exit: 2, stderr: /--max-concurrent-deletes "1000" is not a whole number from 1 to 256/ } },
];

let fake: StrictFake;
let db: TestDatabase;
let pool: pg.Pool;
let urls: Record<string, string>;
let password: string;
let tableDir: string;
let pointer: string;

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

/** The case with the databases' URIs put in, and the catalog's password in PGPASSWORD unless the case sets it. */
function resolved(c: BadInputCase): BadInputCase {
  const fill = (text: string) => text.replace(/\{(catalog-with-password|catalog|empty)\}/g, (_, key: string) => urls[key] as string);
  const uses = [...c.argv, ...Object.values(c.env ?? {})].some((t) => /\{(catalog|empty)\}/.test(t));
  const env = { ...(uses ? { PGPASSWORD: password } : {}), ...Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, fill(v)])) };
  return { ...c, argv: c.argv.map(fill), env };
}

const pointerNow = async () => (await pool.query<{ metadata_location: string }>("SELECT metadata_location FROM iceberg_tables WHERE table_name = 'events'")).rows[0]?.metadata_location;

beforeAll(async () => {
  fake = await startStrictFake();
  db = await startTestDatabase('bad_input_expire');
  pool = db.pool();
  await createCatalog(pool, 'V1');
  const table = scratchTable('bad-input-expire');
  const first = await table.builder.commit({ timestampMs: NOW - 200 * DAY, addData: 3 });
  await table.builder.commit({ timestampMs: NOW - 100 * DAY, remove: table.builder.liveFiles(first).slice(0, 2), addData: 1 });
  pointer = await table.builder.writeMetadata();
  await register(pool, 'prod', 'events', pointer);
  tableDir = table.dir;
  const empty = `${new URL(db.url).pathname.slice(1)}_empty`;
  await pool.query(`DROP DATABASE IF EXISTS ${empty}`);
  await pool.query(`CREATE DATABASE ${empty}`);
  const emptyUrl = new URL(db.url);
  emptyUrl.pathname = `/${empty}`;
  password = decodeURIComponent(new URL(db.url).password);
  urls = { catalog: withoutPassword(db.url), 'catalog-with-password': db.url, empty: withoutPassword(emptyUrl.toString()) };
});
afterAll(async () => {
  await fake?.close();
  await db?.stop();
});

describe('guardrails expire-snapshots: bad input', () => {
  it('has at least 12 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = listFiles(tableDir);
    const result = await runBadInputCase('expire-snapshots', resolved(c), fake);
    expect(`${result.stdout}${result.stderr}`).not.toContain(FLAG_PASSWORD);
    expect(result.stdout).toBe('');
    expect(await pointerNow(), 'no table committed').toBe(pointer);
    expect(listFiles(tableDir), 'the table is untouched').toEqual(before);
  });
});
