import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { errorFromNetwork, errorFromResponse, RegistryError, type RequestContext } from '../../src/registry/errors.js';
import { describeSettings, parseRegistrySettings } from '../../src/registry/settings.js';

const SECRET = 'sUpEr-SeCrEt-9f8e7d';

function settingsError(input: unknown): RegistryError {
  try {
    parseRegistrySettings(input);
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected invalid settings');
}

describe('parseRegistrySettings', () => {
  it('fills defaults and strips trailing slashes', () => {
    const s = parseRegistrySettings({ url: 'https://sr.example.com/ , http://10.0.0.2:8081' });
    expect(s.baseUrls).toEqual(['https://sr.example.com', 'http://10.0.0.2:8081']);
    expect(s).toMatchObject({ auth: { type: 'none' }, timeoutMs: 30_000, maxConcurrency: 4, pageSize: 1000, headers: {} });
    expect(s.retry).toEqual({ maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 });
  });

  it('takes credentials from the URL and keeps them out of the URL', () => {
    const s = parseRegistrySettings({ url: `https://APIKEY:${encodeURIComponent(SECRET)}@psrc-1.example.com` });
    expect(s.baseUrls).toEqual(['https://psrc-1.example.com']);
    expect(s.auth).toEqual({ type: 'basic', username: 'APIKEY', password: SECRET });
    expect(describeSettings(s)).not.toContain(SECRET);
    expect(describeSettings(s)).not.toContain('APIKEY');
  });

  it('lists every problem with the key and the expected form', () => {
    const error = settingsError({
      url: ['ftp://x', 'not a url'],
      timeoutMs: 0,
      pageSize: 5000,
      headers: { Authorization: 'Basic abc' },
    });
    expect(error.kind).toBe('invalid-settings');
    expect(error.issues).toEqual([
      'timeoutMs must be at least 1',
      'pageSize must be at most 1000',
    ]);
    const second = settingsError({ url: ['ftp://x', 'not a url'], headers: { Authorization: 'Basic abc' } });
    expect(second.issues).toEqual([
      "url[0]: 'ftp://x' must use http or https",
      "url[1]: 'not a url' is not a URL; expected http(s)://host[:port][/path]",
      'headers.Authorization: set by the client; use auth instead',
    ]);
    expect(second.message).toMatch(/^Schema Registry: invalid client settings: .*Fix the registry settings; nothing was sent\.$/);
  });

  it('checks auth and TLS shapes', () => {
    expect(settingsError({ url: 'http://h', auth: { type: 'oauth' } }).issues).toEqual([
      "auth.type must be 'none', 'basic' or 'bearer'",
    ]);
    expect(settingsError({ url: 'http://h', auth: { type: 'basic', username: 'k', password: '' } }).issues).toEqual([
      'auth.password must not be empty',
    ]);
    expect(settingsError({ url: 'http://h', tls: { cert: '-----BEGIN CERTIFICATE-----\n' } }).issues).toEqual([
      'tls.cert and tls.key must be given together',
    ]);
    expect(settingsError({ url: 'http://h', tls: { ca: '/etc/ca.pem' } }).issues?.[0]).toMatch(/tls\.ca must be PEM text/);
    expect(settingsError({ url: 'http://h', extra: 1 }).issues).toEqual(['Unrecognized key: "extra"']);
    expect(settingsError({ url: '' }).issues?.[0]).toMatch(/^url: give at least one Schema Registry URL/);
  });

  it('never quotes a secret in its messages', () => {
    const cases = [
      { url: `https://k:${SECRET}@h`, auth: { type: 'basic', username: 'k', password: SECRET } },
      { url: `notaurl://k:${SECRET}@h` },
      { url: 'http://h', auth: { type: 'bearer', token: SECRET, logicalCluster: 5 } },
      { url: 'http://h', headers: { 'X-Token': `${SECRET}\r\nX: y` } },
    ];
    for (const input of cases) {
      const error = settingsError(input);
      expect(JSON.stringify(error)).not.toContain(SECRET);
      expect(inspect(error, { depth: 5 })).not.toContain(SECRET);
      expect(String(error)).not.toContain(SECRET);
    }
  });
});

const ctx: RequestContext = { endpoint: 'GET /subjects/{subject}/versions', baseUrl: 'https://sr.example.com', subject: 'orders-value', attempts: 1 };
const body = (code: number, message: string) => JSON.stringify({ error_code: code, message });

describe('errorFromResponse', () => {
  it('maps each Confluent code to a kind and an actionable message', () => {
    const cases: [number, number, string, string][] = [
      [404, 40401, 'not-found', 'subject not found'],
      [404, 40402, 'not-found', 'version not found'],
      [404, 40403, 'not-found', 'schema not found'],
      [404, 40404, 'not-found', 'subject is soft-deleted'],
      [404, 40405, 'not-found', 'subject was not soft-deleted first'],
      [404, 40406, 'not-found', 'version is soft-deleted'],
      [404, 40407, 'not-found', 'version was not soft-deleted first'],
      [404, 40408, 'not-found', 'no subject-level compatibility configured'],
      [404, 40409, 'not-found', 'no subject-level mode configured'],
      [404, 40410, 'not-found', 'association not found'],
      [409, 409, 'incompatible', 'schema is incompatible with an earlier version'],
      [409, 40901, 'incompatible', 'schema is incompatible with an earlier version'],
      [422, 42201, 'invalid-request', 'invalid schema'],
      [422, 42202, 'invalid-request', 'invalid version'],
      [422, 42203, 'invalid-request', 'invalid compatibility level'],
      [422, 42204, 'invalid-request', 'invalid mode'],
      [422, 42205, 'invalid-request', 'operation not permitted'],
      [422, 42206, 'invalid-request', 'other schemas reference this schema'],
      [422, 42207, 'invalid-request', 'id does not match the registered schema'],
      [422, 42208, 'invalid-request', 'invalid subject name'],
      [422, 42209, 'invalid-request', 'schema too large'],
      [422, 42210, 'invalid-request', 'invalid rule set'],
      [422, 42211, 'invalid-request', 'context not empty'],
      [422, 42212, 'invalid-request', 'invalid association'],
      [500, 50001, 'server', 'registry store error'],
      [500, 50002, 'timeout', 'registry operation timed out'],
      [500, 50003, 'server', 'registry could not forward the request to its leader'],
      [500, 50004, 'server', 'registry leader unknown'],
    ];
    for (const [status, code, kind, problem] of cases) {
      const error = errorFromResponse(status, body(code, 'server says so'), ctx);
      expect({ kind: error.kind, code: error.code, httpStatus: error.httpStatus, problem: error.problem }).toEqual({
        kind,
        code,
        httpStatus: status,
        problem,
      });
      expect(error.message).toContain(`(${code}) — GET /subjects/{subject}/versions on https://sr.example.com [subject 'orders-value']: server says so.`);
      expect(error.hint).toBeTruthy();
    }
  });

  it('explains 401 and 403 without a Confluent body', () => {
    const unauthorized = errorFromResponse(401, '<html><body>401 Unauthorized</body></html>', ctx);
    expect(unauthorized.kind).toBe('unauthorized');
    expect(unauthorized.message).toMatch(/credentials rejected \(HTTP 401\).*check the API key\/secret/i);
    expect(errorFromResponse(403, '', ctx).message).toMatch(/permission denied \(HTTP 403\).*lack a role/);
  });

  it('flags retryable kinds', () => {
    expect(errorFromResponse(503, '', ctx).retryable).toBe(true);
    expect(errorFromResponse(429, '', ctx).retryable).toBe(true);
    expect(errorFromResponse(408, '', ctx).kind).toBe('timeout');
    expect(errorFromResponse(422, body(42201, 'x'), ctx).retryable).toBe(false);
    expect(errorFromResponse(418, 'teapot', ctx)).toMatchObject({ kind: 'http', problem: 'unexpected HTTP status 418' });
  });

  it('maps failures without a response by their system code', () => {
    expect(errorFromNetwork('ECONNREFUSED', 1000, ctx)).toMatchObject({ kind: 'network', causeCode: 'ECONNREFUSED' });
    expect(errorFromNetwork('ECONNRESET', 1000, ctx).retryable).toBe(true);
    expect(errorFromNetwork('ETIMEDOUT', 1500, ctx).message).toMatch(/no response within 1500 ms/);
    expect(errorFromNetwork('DEPTH_ZERO_SELF_SIGNED_CERT', 1000, ctx)).toMatchObject({ kind: 'tls' });
    expect(errorFromNetwork('DEPTH_ZERO_SELF_SIGNED_CERT', 1000, ctx).retryable).toBe(false);
    expect(errorFromNetwork(undefined, 1000, ctx).message).toMatch(/connection failed \(UNKNOWN\)/);
  });
});
