/**
 * The bad-input corpus of `guardrails expire-snapshots --catalog-type rest`, against the test REST catalog
 * (OAuth2 client credentials, a warehouse, a prefix) serving a fixture table that a real run would expire.
 * Every case is refused before any side effect: no commit reached the catalog, its pointer and the table's
 * files are as before, and neither the client secret nor the bearer token is echoed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, FIXTURES_PRESENT, copyFixture, listFiles } from '../../support/iceberg/fixtures.js';
import { serveFixtures } from '../../support/iceberg-rest/fixture-catalog.js';
import type { TestRestCatalog } from '../../support/iceberg-rest/server.js';
import { runBadInputCase, type BadInputCase, type StrictFake } from './harness.js';

const SECRET = 'rest-client-secret-4c1d';
const TOKEN = 'rest-bearer-token-9e0f';
const CREDENTIAL = `guardrails:${SECRET}`;
const FIXTURE = FIXTURES.sparkBunnies;
const BASE = ['--catalog-type', 'rest', '--catalog-name', 'prod', '--retain-last', '1', '--now', '2026-11-26T00:00:00Z'];
const ok = { GUARDRAILS_ICEBERG_REST_CREDENTIAL: CREDENTIAL };

/** `{fake}` is the test REST catalog's URL, `{dead}` a port nothing listens on; `{map}` the --map-location of the fixture copy. */
const CASES: BadInputCase[] = [
  { name: '--catalog-type rest without a URI', argv: [...BASE], env: ok, want: { exit: 2, stderr: /no REST catalog URI given: pass --catalog-uri https:\/\/HOST\/PATH \(the base before \/v1\), or set ICEBERG_CATALOG_URI/ } },
  { name: 'an unknown --catalog-type', argv: ['--catalog-type', 'hive', '--catalog-name', 'prod'], want: { exit: 2, stderr: /--catalog-type "hive" is not one of sql, rest/ } },
  { name: 'an unknown $ICEBERG_CATALOG_TYPE', argv: ['--catalog-name', 'prod'], env: { ICEBERG_CATALOG_TYPE: 'glue' }, want: { exit: 2, stderr: /ICEBERG_CATALOG_TYPE "glue" is not one of sql, rest/ } },
  { name: 'credentials in a REST --catalog-uri', argv: [...BASE, '--catalog-uri', `http://guardrails:${SECRET}@127.0.0.1:8181/api`], want: { exit: 2, stderr: /--catalog-uri "http:\/\/127\.0\.0\.1:8181\/api" holds credentials; put them in GUARDRAILS_ICEBERG_REST_CREDENTIAL \(client_id:secret\) or GUARDRAILS_ICEBERG_REST_TOKEN, never in a URL/ } },
  { name: 'a token in the query of a REST --catalog-uri', argv: [...BASE, '--catalog-uri', `http://127.0.0.1:8181/api?token=${TOKEN}`], want: { exit: 2, stderr: /--catalog-uri "http:\/\/127\.0\.0\.1:8181\/api" has a query or fragment; give the base URL only/ } },
  { name: 'a postgres URI with --catalog-type rest', argv: [...BASE, '--catalog-uri', 'postgres://guardrails@127.0.0.1:5432/catalog'], env: ok, want: { exit: 2, stderr: /--catalog-uri "postgres:\/\/guardrails@127\.0\.0\.1:5432\/catalog" is not an http\(s\) URI; --catalog-type rest needs the catalog's base URI/ } },
  { name: 'a $ICEBERG_CATALOG_URI with credentials, for rest', argv: [...BASE], env: { ICEBERG_CATALOG_URI: `https://guardrails:${SECRET}@catalog.example.com/api` }, want: { exit: 2, stderr: /\$ICEBERG_CATALOG_URI "https:\/\/catalog\.example\.com\/api" holds credentials/ } },
  { name: 'an https --catalog-uri without --catalog-type rest', argv: ['--catalog-name', 'prod', '--catalog-uri', 'https://catalog.example.com/api'], want: { exit: 2, stderr: /--catalog-uri "https:\/\/catalog\.example\.com\/api" is an http\(s\) URI, which is a REST catalog; pass --catalog-type rest, or a postgres:\/\/ URI for the SQL catalog/ } },
  { name: '--catalog-warehouse with the SQL catalog', argv: ['--catalog-name', 'prod', '--catalog-warehouse', 'lake'], want: { exit: 2, stderr: /--catalog-warehouse applies to --catalog-type rest only; drop it, or pass --catalog-type rest/ } },
  { name: '--catalog-ssl-mode with the REST catalog', argv: [...BASE, '--catalog-uri', '{fake}', '--catalog-ssl-mode', 'require'], env: ok, want: { exit: 2, stderr: /--catalog-ssl-mode applies to --catalog-type sql only/ } },
  { name: 'both a credential and a token', argv: [...BASE, '--catalog-uri', '{fake}'], env: { ...ok, GUARDRAILS_ICEBERG_REST_TOKEN: TOKEN }, want: { exit: 2, stderr: /both GUARDRAILS_ICEBERG_REST_CREDENTIAL and GUARDRAILS_ICEBERG_REST_TOKEN are set; set only one/ } },
  { name: 'a credential with an empty secret', argv: [...BASE, '--catalog-uri', '{fake}'], env: { GUARDRAILS_ICEBERG_REST_CREDENTIAL: 'guardrails:' }, want: { exit: 2, stderr: /\$GUARDRAILS_ICEBERG_REST_CREDENTIAL has an empty secret; give client_id:client_secret/ } },
  { name: 'credentials in --catalog-oauth2-server-uri', argv: [...BASE, '--catalog-uri', '{fake}', '--catalog-oauth2-server-uri', `https://id:${SECRET}@idp.example.com/token`], env: ok, want: { exit: 2, stderr: /--catalog-oauth2-server-uri "https:\/\/idp\.example\.com\/token" holds credentials; put them in GUARDRAILS_ICEBERG_REST_CREDENTIAL/ } },
  { name: 'a wrong client secret', argv: [...BASE, '--catalog-uri', '{fake}', '--catalog-warehouse', 'lake', '{map}'], env: { GUARDRAILS_ICEBERG_REST_CREDENTIAL: `guardrails:wrong-${SECRET}` }, want: { exit: 2, stderr: /OAuth2 token endpoint http:\/\/127\.0\.0\.1:\d+\/v1\/oauth\/tokens: refused the client credentials: invalid_client: unknown client or wrong secret \(check GUARDRAILS_ICEBERG_REST_CREDENTIAL/ } },
  { name: 'a refused bearer token', argv: [...BASE, '--catalog-uri', '{fake}', '--catalog-warehouse', 'lake', '{map}'], env: { GUARDRAILS_ICEBERG_REST_TOKEN: TOKEN }, want: { exit: 2, stderr: /REST catalog prod: refused the credentials \(HTTP 401 NotAuthorizedException: Not authorized to make this request\) for warehouse "lake" \(check GUARDRAILS_ICEBERG_REST_CREDENTIAL/ } },
  { name: 'no credentials for a catalog that needs them', argv: [...BASE, '--catalog-uri', '{fake}', '--catalog-warehouse', 'lake', '{map}'], want: { exit: 2, stderr: /REST catalog prod: refused the credentials \(HTTP 401/ } },
  { name: 'an unknown warehouse', argv: [...BASE, '--catalog-uri', '{fake}', '--catalog-warehouse', 'lakehouse', '{map}'], env: ok, want: { exit: 2, stderr: /REST catalog prod: has no warehouse "lakehouse" \(HTTP 404 NoSuchWarehouseException: The given warehouse does not exist: lakehouse\) \(check --catalog-warehouse/ } },
  { name: 'an unknown namespace', argv: [...BASE, '--catalog-uri', '{fake}', '--catalog-warehouse', 'lake', '--namespace', 'wbe', '{map}'], env: ok, want: { exit: 2, stderr: /--namespace "wbe" matches no namespace of REST catalog prod; its namespaces: "web", "web\.events" \(give one of those/ } },
  { name: 'an unknown table', argv: [...BASE, '--catalog-uri', '{fake}', '--catalog-warehouse', 'lake', '--table', 'bunny', '{map}'], env: ok, want: { exit: 2, stderr: /--table "bunny" matches no table of REST catalog prod; its tables: "bunnies", "clicks" \(give one of those names\)/ } },
  { name: 'an unreachable REST catalog', argv: [...BASE, '--catalog-uri', '{dead}/api', '{map}'], env: ok, want: { exit: 4, stderr: /OAuth2 token endpoint http:\/\/127\.0\.0\.1:\d+\/api\/v1\/oauth\/tokens: cannot be reached: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(check --catalog-oauth2-server-uri/ } },
  { name: 'an unreachable REST catalog, no credentials', argv: [...BASE, '--catalog-uri', '{dead}/api', '{map}'], want: { exit: 4, stderr: /REST catalog prod: cannot be reached for its configuration: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(check --catalog-uri and that the catalog is running\)/ } },
];

let server: TestRestCatalog;
let dir: string;
let fake: StrictFake;
let dead: string;

/** A loopback URL whose port was just free: connecting to it is refused. */
async function closedPort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  dead = await closedPort();
  dir = copyFixture(FIXTURE);
  server = await serveFixtures([{ fixture: FIXTURE, dir, namespace: ['web'], name: 'bunnies' }], {
    prefix: 'lake-prefix',
    warehouse: 'lake',
    auth: { kind: 'oauth2', clientId: 'guardrails', clientSecret: SECRET, expiresInSeconds: 3600 },
  });
  // A nested namespace, so the listing of namespaces is recursive.
  server.register(['web', 'events'], 'clicks', FIXTURE.metadataLocation);
  const catalogRequests = () => server.exchanges.filter((e) => e.path !== '/v1/oauth/tokens').map((e) => ({ method: e.method, url: e.path }));
  fake = {
    url: server.url,
    get requests() {
      return catalogRequests();
    },
    mutating: () => catalogRequests().filter((r) => r.method !== 'GET'),
    close: () => server.close(),
  };
});
afterAll(async () => {
  await fake?.close();
});

describe.skipIf(!FIXTURES_PRESENT)('guardrails expire-snapshots --catalog-type rest: bad input (needs ../shared/iceberg-fixtures)', () => {
  it('has at least 12 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = listFiles(dir);
    const pointer = server.metadataLocation(['web'], 'bunnies');
    const map = `${FIXTURE.prefix}=${dir}`;
    const argv = c.argv.flatMap((a) => (a === '{map}' ? ['--map-location', map] : [a.replace('{dead}', dead)]));
    const result = await runBadInputCase('expire-snapshots', { ...c, argv }, fake);
    for (const secret of [SECRET, TOKEN]) expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
    expect(result.stdout).toBe('');
    expect(server.metadataLocation(['web'], 'bunnies'), 'no table committed').toBe(pointer);
    expect(listFiles(dir), 'the table is untouched').toEqual(before);
  });

  it('every request and response of the corpus conforms to the OpenAPI description', () => {
    expect(server.exchanges.length).toBeGreaterThan(0);
    expect(server.violations).toEqual([]);
  });
});
