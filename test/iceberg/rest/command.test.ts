/**
 * `guardrails expire-snapshots --catalog-type rest` end to end through the CLI: OAuth2 client credentials from
 * the environment, a warehouse and a prefix from /v1/config, a real fixture table expired and cleaned; and the
 * secrets (the client secret, a bearer token, the access token the catalog issued) never reach stdout or
 * stderr, even when the catalog quotes them back in an error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { run as runCli } from '../../../src/cli/main.js';
import { scrubbing } from '../../../src/cli/secrets.js';
import { FIXTURES, FIXTURES_PRESENT, copyFixture, listFiles } from '../../support/iceberg/fixtures.js';
import { serveFixtures } from '../../support/iceberg-rest/fixture-catalog.js';
import type { TestAuth, TestRestCatalog } from '../../support/iceberg-rest/server.js';

const SECRET = 'cli-client-secret-7d2e';
const TOKEN = 'cli-bearer-token-51aa';
const servers: TestRestCatalog[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function run(argv: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['expire-snapshots', ...argv], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, cwd: process.cwd() });
  return { code, stdout, stderr };
}

async function serve(auth: TestAuth, forbidTable?: string) {
  const bunnies = copyFixture(FIXTURES.sparkBunnies);
  const java = copyFixture(FIXTURES.javaBunnies);
  const server = await serveFixtures(
    [{ fixture: FIXTURES.sparkBunnies, dir: bunnies, namespace: ['web'], name: 'bunnies' }, { fixture: FIXTURES.javaBunnies, dir: java, namespace: ['web'], name: 'java' }],
    { prefix: 'lake-1', warehouse: 'lake', auth, ...(forbidTable ? { forbidTable } : {}) },
  );
  servers.push(server);
  const argv = ['--catalog-type', 'rest', '--catalog-uri', server.url, '--catalog-warehouse', 'lake', '--catalog-name', 'prod', '--retain-last', '1', '--now', '2026-11-26T00:00:00Z',
    '--map-location', `${FIXTURES.sparkBunnies.prefix}=${bunnies}`, '--map-location', `${FIXTURES.javaBunnies.prefix}=${java}`];
  return { server, argv, dirs: [bunnies, java] };
}

const issuedTokens = (server: TestRestCatalog) => server.exchanges.filter((e) => e.path === '/v1/oauth/tokens').map((e) => (JSON.parse(e.responseText) as { access_token: string }).access_token);

describe.skipIf(!FIXTURES_PRESENT)('expire-snapshots --catalog-type rest (needs ../shared/iceberg-fixtures)', () => {
  it('expires every table of the catalog with OAuth2 client credentials and reports them as JSON', async () => {
    const { server, argv, dirs } = await serve({ kind: 'oauth2', clientId: 'guardrails', clientSecret: SECRET, expiresInSeconds: 3600 });
    const before = dirs.map((d) => listFiles(d).length);
    const result = await run([...argv, '--format', 'json'], { GUARDRAILS_ICEBERG_REST_CREDENTIAL: `guardrails:${SECRET}` });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { catalog: string; tables: Array<{ table: string; status: string; expiredSnapshotIds: string[] }> };
    expect(report.catalog).toBe('prod');
    expect(report.tables.map((t) => [t.table, t.status, t.expiredSnapshotIds.length])).toEqual([['prod.web.bunnies', 'expired', 2], ['prod.web.java', 'expired', 2]]);
    expect(server.exchanges.filter((e) => e.method === 'POST' && e.path.startsWith('/v1/lake-1/')).map((e) => e.status)).toEqual([200, 200]);
    expect(dirs.map((d) => listFiles(d).length).every((n, i) => n < (before[i] as number))).toBe(true);
    for (const secret of [SECRET, ...issuedTokens(server)]) expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
    expect(server.violations).toEqual([]);
  });

  it('keeps an issued access token out of the report when the catalog quotes it in a 403', async () => {
    const { server, argv } = await serve({ kind: 'oauth2', clientId: 'guardrails', clientSecret: SECRET, expiresInSeconds: 3600 }, 'java');
    const result = await run(argv, { GUARDRAILS_ICEBERG_REST_CREDENTIAL: `guardrails:${SECRET}` });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('prod.web.bunnies: expired');
    expect(result.stdout).toMatch(/prod\.web\.java: failed\n {2}INVALID_INPUT: REST catalog prod: forbids table "web\.java" to these credentials \(HTTP 403 ForbiddenException: principal with Bearer \*\*\* may not load web\.java\)/);
    const tokens = issuedTokens(server);
    expect(tokens).toHaveLength(1);
    for (const secret of [SECRET, ...tokens]) expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
    expect(server.violations).toEqual([]);
  });

  it('keeps a bearer token from the environment out of every line', async () => {
    const { server, argv } = await serve({ kind: 'bearer', token: TOKEN }, 'java');
    const result = await run([...argv, '--format', 'json'], { GUARDRAILS_ICEBERG_REST_TOKEN: TOKEN });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('principal with Bearer ***');
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
    expect(server.violations).toEqual([]);
  });

  it('answers a catalog that is down with exit 4 before touching a table', async () => {
    const { server, argv, dirs } = await serve({ kind: 'none' });
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const before = dirs.map((d) => listFiles(d));
    const result = await run(argv, {});
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: REST catalog prod: cannot be reached for warehouse "lake": connect ECONNREFUSED/);
    expect(dirs.map((d) => listFiles(d))).toEqual(before);
  });
});

describe('scrubbing the REST secrets from output lines', () => {
  it('replaces the whole credential, its secret part alone, and the bearer token', () => {
    let out = '';
    const io = scrubbing({ stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) }, env: { GUARDRAILS_ICEBERG_REST_CREDENTIAL: `guardrails:${SECRET}`, GUARDRAILS_ICEBERG_REST_TOKEN: TOKEN }, cwd: '.' });
    io.stdout.write(`credential guardrails:${SECRET}\n`);
    io.stderr.write(`secret ${SECRET} token ${TOKEN}\n`);
    expect(out).toBe('credential ***\nsecret *** token ***\n');
  });

  it('replaces a secret in its percent-encoded spelling too, as a displayed URL shows it', () => {
    let out = '';
    const token = 'tok/with "quotes"+&';
    const io = scrubbing({ stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: { GUARDRAILS_ICEBERG_REST_TOKEN: token }, cwd: '.' });
    io.stdout.write(`raw ${token} encoded ${encodeURIComponent(token)}\n`);
    expect(out).toBe('raw *** encoded ***\n');
  });
});
