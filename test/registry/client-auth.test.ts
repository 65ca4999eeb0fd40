/** Authentication, mutual TLS, and keeping credentials out of every error and log line. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, RegistryError, type RegistryClientHandle } from '../../src/registry/index.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';

const KEY = 'APIKEY7Q';
const SECRET = 'cflt-SeCrEt/with+chars=9z';
const TOKEN = 'eyJhbGciOi.tok3n-value.sig';
const BASIC = Buffer.from(`${KEY}:${SECRET}`).toString('base64');

const opened: RegistryClientHandle[] = [];
const servers: TestRegistry[] = [];
const logLines: string[] = [];
const noWait = {
  sleep: async () => {},
  random: () => 0.5,
  logger: { debug: (m: string) => void logLines.push(m), warn: (m: string) => void logLines.push(m) },
};

async function registry(options: Parameters<typeof startTestRegistry>[0] = {}): Promise<TestRegistry> {
  const sr = await startTestRegistry(options);
  servers.push(sr);
  return sr;
}

function client(settings: Record<string, unknown>): RegistryClientHandle {
  const c = createRegistryClient(settings, noWait);
  opened.push(c);
  return c;
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError');
}

/** Every way an error is commonly turned into text. */
function renderings(error: RegistryError): string[] {
  return [
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    String(error),
    error.stack ?? '',
    JSON.stringify(Object.getOwnPropertyDescriptors(error)),
  ];
}

function expectNoSecret(texts: readonly string[]): void {
  for (const text of texts) {
    for (const secret of [SECRET, encodeURIComponent(SECRET), BASIC, TOKEN]) expect(text).not.toContain(secret);
  }
}

afterEach(async () => {
  for (const c of opened.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.close();
});

describe('authentication', () => {
  it('sends basic credentials and gets through', async () => {
    const sr = await registry({ auth: { type: 'basic', username: KEY, password: SECRET } });
    expect(await client({ url: sr.url, auth: { type: 'basic', username: KEY, password: SECRET } }).listSubjects()).toEqual([]);
    expect(sr.requests[0]?.headers.authorization).toBe(`Basic ${BASIC}`);
  });

  it('takes basic credentials from the URL', async () => {
    const sr = await registry({ auth: { type: 'basic', username: KEY, password: SECRET } });
    const withCredentials = sr.url.replace('http://', `http://${KEY}:${encodeURIComponent(SECRET)}@`);
    expect(await client({ url: withCredentials }).getGlobalMode()).toBe('READWRITE');
  });

  it('answers a 401 with a clear "check the API key/secret" message, without retrying', async () => {
    const sr = await registry({ auth: { type: 'basic', username: KEY, password: 'the-real-one' } });
    const error = await rejection(client({ url: sr.url, auth: { type: 'basic', username: KEY, password: SECRET } }).listSubjects());
    expect(error).toMatchObject({ kind: 'unauthorized', httpStatus: 401, code: 401, attempts: 1 });
    expect(error.message).toMatch(/^Schema Registry: credentials rejected \(401\) — GET \/subjects on http:\/\/127\.0\.0\.1:\d+: Unauthorized\. Check the API key\/secret/);
    expect(sr.requests).toHaveLength(1);
    expectNoSecret(renderings(error));
  });

  it('sends a bearer token with the Confluent Cloud cluster and identity pool headers, and extra headers', async () => {
    const sr = await registry({ auth: { type: 'bearer', token: TOKEN } });
    const c = client({
      url: sr.url,
      auth: { type: 'bearer', token: TOKEN, logicalCluster: 'lsrc-123', identityPoolId: 'pool-abc' },
      headers: { 'X-Team': 'market-data' },
    });
    expect(await c.listContexts()).toEqual(['.']);
    expect(sr.requests[0]?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'target-sr-cluster': 'lsrc-123',
      'confluent-identity-pool-id': 'pool-abc',
      'x-team': 'market-data',
      accept: expect.stringContaining('application/vnd.schemaregistry.v1+json'),
    });
  });
});

describe('secret redaction', () => {
  it('keeps credentials out of network, timeout and server errors, and out of log lines', async () => {
    const sr = await registry();
    const dead = await startTestRegistry();
    await dead.close();
    const url = (base: string) => base.replace('http://', `http://${KEY}:${encodeURIComponent(SECRET)}@`);
    const errors = [
      await rejection(client({ url: url(dead.url), retry: { maxAttempts: 2 } }).listSubjects()),
      await (async () => {
        sr.faults.next(1, { kind: 'hang' });
        return rejection(client({ url: url(sr.url), timeoutMs: 100, retry: { maxAttempts: 1 } }).listSubjects());
      })(),
      await (async () => {
        sr.faults.next(1, { kind: 'status', status: 500, body: { error_code: 50001, message: `proxy saw Authorization: Basic ${BASIC} (${SECRET})` } });
        return rejection(client({ url: url(sr.url), retry: { maxAttempts: 1 } }).listSubjects());
      })(),
      await (async () => {
        sr.faults.next(1, { kind: 'raw', status: 200, body: `<html>echo ${SECRET} ${BASIC}</html>` });
        return rejection(client({ url: url(sr.url) }).listSubjects());
      })(),
      await (async () => {
        sr.faults.next(1, { kind: 'status', status: 401, body: { error_code: 401, message: `bad token ${TOKEN}` } });
        return rejection(client({ url: sr.url, auth: { type: 'bearer', token: TOKEN } }).listSubjects());
      })(),
    ];
    expect(errors.map((e) => e.kind)).toEqual(['network', 'timeout', 'server', 'malformed-response', 'unauthorized']);
    expect(errors[2]?.serverMessage).toBe('proxy saw Authorization: Basic *** (***)');
    for (const error of errors) {
      expect(error.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expectNoSecret(renderings(error));
    }
    expect(logLines.length).toBeGreaterThan(0);
    expectNoSecret(logLines);
  });

  it('shows no credentials when the client itself is inspected or serialised', () => {
    const c = client({ url: 'https://sr.example.com', auth: { type: 'basic', username: KEY, password: SECRET } });
    expectNoSecret([inspect(c, { depth: Infinity, showHidden: true }), JSON.stringify(c)]);
  });
});

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'ignore' });
}

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasOpenssl())('mutual TLS (skipped: needs the openssl command to make test certificates)', () => {
  let dir: string;
  const pem: Record<string, string> = {};

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sr-mtls-'));
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=test-ca'], dir);
    writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
    for (const who of ['server', 'client']) {
      openssl(['req', ...ec, '-keyout', `${who}.key`, '-out', `${who}.csr`, '-subj', `/CN=${who}`], dir);
      const ext = who === 'server' ? ['-extfile', 'server.ext'] : [];
      openssl(['x509', '-req', '-in', `${who}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${who}.crt`, '-days', '1', ...ext], dir);
    }
    for (const name of ['ca.crt', 'server.key', 'server.crt', 'client.key', 'client.crt']) pem[name] = readFileSync(join(dir, name), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const server = () =>
    registry({ tls: { key: pem['server.key'] as string, cert: pem['server.crt'] as string, ca: pem['ca.crt'], requestCert: true } });

  it('connects with the CA, client certificate and key', async () => {
    const sr = await server();
    const tls = { ca: pem['ca.crt'], cert: pem['client.crt'], key: pem['client.key'] };
    expect(await client({ url: sr.url, tls }).getGlobalMode()).toBe('READWRITE');
  });

  it('fails as TLS, without retrying, when the server certificate is not trusted', async () => {
    const sr = await server();
    const error = await rejection(client({ url: sr.url, tls: { cert: pem['client.crt'], key: pem['client.key'] } }).getGlobalMode());
    expect(error).toMatchObject({ kind: 'tls', attempts: 1 });
    expect(error.message).toMatch(/TLS failure \(\w+\).*Check tls\.ca/);
    expect(sr.requests).toHaveLength(0);
  });

  it('is refused without a client certificate', async () => {
    const sr = await server();
    const error = await rejection(client({ url: sr.url, tls: { ca: pem['ca.crt'] }, retry: { maxAttempts: 1 } }).getGlobalMode());
    expect(['tls', 'network']).toContain(error.kind);
    expect(sr.requests).toHaveLength(0);
  });
});
