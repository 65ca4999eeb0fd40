/**
 * The REST client's authentication and listing against the test catalog: OAuth2 client credentials (form body,
 * scope `catalog`) fetched once and reused, fetched again before expiry and after a 401, from the catalog's
 * /v1/oauth/tokens or an external token endpoint; a fixed bearer token; and namespace and table listings that
 * follow next-page-token through every page of nested namespaces. Every exchange conforms to the description.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RestCatalog } from '../../../src/iceberg/catalog/rest/rest-catalog.js';
import type { RestAuth } from '../../../src/iceberg/catalog/rest/settings.js';
import { FIXTURES, FIXTURES_PRESENT, copyFixture } from '../../support/iceberg/fixtures.js';
import { mappedIO } from '../../support/iceberg/harness.js';
import { serveFixtures } from '../../support/iceberg-rest/fixture-catalog.js';
import type { TestAuth, TestRestCatalog } from '../../support/iceberg-rest/server.js';

const FIXTURE = FIXTURES.sparkBunnies;
const SECRET = 'client-secret-for-tests';
const servers: TestRestCatalog[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    expect(s.violations).toEqual([]);
    await s.close();
  }
});

async function serve(auth: TestAuth, extra: { pageSize?: number; clock?: () => number } = {}): Promise<TestRestCatalog> {
  const dir = copyFixture(FIXTURE);
  const server = await serveFixtures([{ fixture: FIXTURE, dir, namespace: ['web'], name: 'bunnies' }], { prefix: 'wh', auth, ...extra });
  servers.push(server);
  return server;
}

function open(server: TestRestCatalog, auth: RestAuth, clock?: () => number): Promise<RestCatalog> {
  return RestCatalog.open('prod', { uri: server.url, warehouse: undefined, auth, requestTimeoutMs: 10_000 }, mappedIO([]), clock ? { clock } : {});
}

const oauth2 = (serverUri?: string): RestAuth => ({ kind: 'oauth2', clientId: 'guardrails', clientSecret: SECRET, serverUri, scope: 'catalog' });
const ident = { catalog: 'prod', namespace: 'web', name: 'bunnies' };
const tokenRequests = (server: TestRestCatalog, path = '/v1/oauth/tokens') => server.exchanges.filter((e) => e.path === path);

describe.skipIf(!FIXTURES_PRESENT)('REST authentication and listing (needs ../shared/iceberg-fixtures)', () => {
  it('sends the client-credentials grant once, form-encoded with scope catalog, and reuses the token', async () => {
    const server = await serve({ kind: 'oauth2', clientId: 'guardrails', clientSecret: SECRET, expiresInSeconds: 3600 });
    const catalog = await open(server, oauth2());
    await catalog.loadPointer(ident);
    await catalog.listTables({});
    const tokens = tokenRequests(server);
    expect(tokens).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(tokens[0]?.requestText))).toEqual({ grant_type: 'client_credentials', client_id: 'guardrails', client_secret: SECRET, scope: 'catalog' });
    expect(tokens[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const others = server.exchanges.filter((e) => e.path !== '/v1/oauth/tokens');
    expect(others.every((e) => /^Bearer token-1-/.test(e.headers['authorization'] ?? ''))).toBe(true);
    expect(others.some((e) => e.requestText.includes(SECRET) || e.path.includes(SECRET))).toBe(false);
  });

  it('fetches a new token before the old one expires (a tenth of its lifetime, at most five minutes, early)', async () => {
    let now = 1_000_000;
    const clock = () => now;
    const server = await serve({ kind: 'oauth2', clientId: 'guardrails', clientSecret: SECRET, expiresInSeconds: 600 }, { clock });
    const catalog = await open(server, oauth2(), clock);
    await catalog.loadPointer(ident);
    now += 539_000; // 61 s before expiry: outside the 60 s refresh window
    await catalog.loadPointer(ident);
    expect(server.tokensIssued()).toBe(1);
    now += 2_000; // 59 s before expiry: refresh now, while the old token still works
    await catalog.loadPointer(ident);
    expect(server.tokensIssued()).toBe(2);
    const loads = server.exchanges.filter((e) => e.method === 'GET' && e.path.endsWith('/bunnies'));
    expect(loads.map((e) => e.status)).toEqual([200, 200, 200]);
    expect(loads[2]?.headers['authorization']).toMatch(/^Bearer token-2-/);
  });

  it('after a 401 it fetches a new token once and repeats the request', async () => {
    const server = await serve({ kind: 'oauth2', clientId: 'guardrails', clientSecret: SECRET, expiresInSeconds: 3600 });
    const catalog = await open(server, oauth2());
    server.revokeTokens();
    expect(await catalog.loadPointer(ident)).toBe(FIXTURE.metadataLocation);
    const loads = server.exchanges.filter((e) => e.path.endsWith('/bunnies'));
    expect(loads.map((e) => e.status)).toEqual([401, 200]);
    expect(server.tokensIssued()).toBe(2);
  });

  it('uses the token endpoint it is given instead of the deprecated /v1/oauth/tokens', async () => {
    const server = await serve({ kind: 'oauth2', clientId: 'guardrails', clientSecret: SECRET, expiresInSeconds: 3600, tokenPath: '/idp/token' });
    const catalog = await open(server, oauth2(`${server.url}/idp/token`));
    await catalog.loadPointer(ident);
    expect(tokenRequests(server, '/idp/token')).toHaveLength(1);
    expect(tokenRequests(server)).toHaveLength(0);
  });

  it('sends a fixed bearer token as is', async () => {
    const server = await serve({ kind: 'bearer', token: 'fixed-token-123' });
    const catalog = await open(server, { kind: 'bearer', token: 'fixed-token-123' });
    await catalog.loadPointer(ident);
    expect(server.exchanges.map((e) => [e.status, e.headers['authorization']])).toEqual([[200, 'Bearer fixed-token-123'], [200, 'Bearer fixed-token-123']]);
  });

  it('lists nested namespaces and their tables through every page, with the prefix from /v1/config', async () => {
    const server = await serve({ kind: 'none' }, { pageSize: 2 });
    for (const [ns, name] of [[['web'], 'a'], [['web'], 'c'], [['web', 'events'], 'clicks'], [['zoo'], 'keeper'], [['zoo', 'a', 'b'], 'deep']] as const) server.register(ns, name, FIXTURE.metadataLocation);
    const catalog = await open(server, { kind: 'none' });
    const all = await catalog.listTables({});
    expect(all.map((t) => `${t.namespace}.${t.name}`)).toEqual(['web.a', 'web.bunnies', 'web.c', 'web.events.clicks', 'zoo.keeper', 'zoo.a.b.deep']);
    const listings = server.exchanges.filter((e) => e.path === '/v1/wh/namespaces/web/tables');
    expect(listings.map((e) => e.query['pageToken'])).toEqual(['', '2']);
    expect(server.exchanges.some((e) => e.path === `/v1/wh/namespaces/${encodeURIComponent('zoo\x1Fa\x1Fb')}/tables`)).toBe(true);
    expect(await catalog.listTables({ namespace: 'zoo.a.b' })).toEqual([{ catalog: 'prod', namespace: 'zoo.a.b', name: 'deep' }]);
  });
});
