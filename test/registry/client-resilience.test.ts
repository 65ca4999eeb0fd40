/** Retries, backoff, Retry-After, failover, timeouts, dropped connections, malformed answers, concurrency. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistryClient, RegistryError, type RegistryClientHandle, type TransportDeps } from '../../src/registry/index.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';

let sr: TestRegistry;
const opened: RegistryClientHandle[] = [];
let waits: number[];
let logLines: string[];

const deps = (extra: Partial<TransportDeps> = {}): TransportDeps => ({
  sleep: async (ms) => void waits.push(ms),
  random: () => 0.5,
  logger: { debug: (m) => void logLines.push(m), warn: (m) => void logLines.push(m) },
  ...extra,
});

function clientFor(settings: Record<string, unknown>, extra: Partial<TransportDeps> = {}): RegistryClientHandle {
  const retry = { baseDelayMs: 100, maxDelayMs: 10_000, ...(settings['retry'] as object | undefined) };
  const client = createRegistryClient({ url: sr.url, ...settings, retry }, deps(extra));
  opened.push(client);
  return client;
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

/** A URL nothing listens on: a registry started and stopped. */
async function deadUrl(): Promise<string> {
  const gone = await startTestRegistry();
  await gone.close();
  return gone.url;
}

beforeEach(async () => {
  sr = await startTestRegistry();
  waits = [];
  logLines = [];
});
afterEach(async () => {
  for (const c of opened.splice(0)) c.close();
  await sr.close();
});

describe('retries', () => {
  it('waits as long as Retry-After says (seconds) after a 429, then succeeds', async () => {
    sr.faults.next(1, { kind: 'rate-limit', retryAfter: '2' });
    expect(await clientFor({}).listSubjects()).toEqual([]);
    expect(waits).toEqual([2000]);
    expect(sr.countByRoute()['GET /subjects']).toBe(2);
  });

  it('reads Retry-After as an HTTP date against the injected clock', async () => {
    const now = Date.parse('2026-08-01T12:00:00Z');
    sr.faults.next(1, { kind: 'rate-limit', retryAfter: 'Sat, 01 Aug 2026 12:00:05 GMT' });
    await clientFor({}, { now: () => now }).getGlobalMode();
    expect(waits).toEqual([5000]);
  });

  it('rides out a 503 storm with exponential, jittered backoff', async () => {
    sr.faults.next(3, { kind: 'status', status: 503 });
    expect(await clientFor({ retry: { maxAttempts: 4, baseDelayMs: 100 } }).getGlobalMode()).toBe('READWRITE');
    expect(waits).toEqual([50, 100, 200]);
    expect(sr.countByRoute()['GET /mode']).toBe(4);
    expect(logLines).toHaveLength(3);
    expect(logLines[0]).toMatch(/^retrying GET \/mode: server error on http:\/\/127\.0\.0\.1:\d+; next attempt 2 of 4/);
  });

  it('gives up after the last attempt and says so', async () => {
    sr.faults.next(10, { kind: 'status', status: 503 });
    const error = await rejection(clientFor({ retry: { maxAttempts: 3 } }).getGlobalMode());
    expect(error).toMatchObject({ kind: 'server', httpStatus: 503, attempts: 3, endpoint: 'GET /mode' });
    expect(error.message).toMatch(/^Schema Registry: server error; gave up after 3 attempts \(503\) — GET \/mode on http:\/\/127\.0\.0\.1:\d+: Injected fault: HTTP 503\./);
    expect(sr.countByRoute()['GET /mode']).toBe(3);
  });

  it('stops at once when Retry-After asks for longer than allowed', async () => {
    sr.faults.next(1, { kind: 'rate-limit', retryAfter: '120' });
    const error = await rejection(clientFor({}).listContexts());
    expect(error).toMatchObject({ kind: 'rate-limited', attempts: 1 });
    expect(error.message).toContain('server asked to wait 120 s');
    expect(waits).toEqual([]);
  });

  it('does not retry a request the server refused', async () => {
    const error = await rejection(clientFor({}).getVersion('missing', 1));
    expect(error).toMatchObject({ kind: 'not-found', code: 40401, attempts: 1 });
    expect(sr.requests).toHaveLength(1);
  });
});

describe('failover', () => {
  it('moves to the next URL at once when one refuses connections, and stays there', async () => {
    const client = clientFor({ url: [await deadUrl(), sr.url] });
    expect(await client.getGlobalMode()).toBe('READWRITE');
    expect(await client.listSubjects()).toEqual([]);
    expect(waits).toEqual([]);
    expect(sr.requests.map((r) => r.route)).toEqual(['GET /mode', 'GET /subjects']);
  });

  it('moves to the next URL on a 5xx', async () => {
    const second = await startTestRegistry();
    try {
      sr.faults.add({ fault: { kind: 'status', status: 502 } });
      const client = clientFor({ url: `${sr.url},${second.url}` });
      expect(await client.getGlobalMode()).toBe('READWRITE');
      expect([sr.requests.length, second.requests.length]).toEqual([1, 1]);
    } finally {
      await second.close();
    }
  });

  it('reports a network error naming the last URL when every URL is down', async () => {
    const [a, b] = [await deadUrl(), await deadUrl()];
    const error = await rejection(clientFor({ url: [a, b], retry: { maxAttempts: 4 } }).listContexts());
    expect(error).toMatchObject({ kind: 'network', causeCode: 'ECONNREFUSED', attempts: 4, baseUrl: b });
    // a → b at once (untried), then backoff for each URL tried again.
    expect(waits).toEqual([100, 200]);
  });
});

describe('broken connections and answers', () => {
  it('retries a dropped connection, and reports it when attempts run out', async () => {
    sr.faults.next(1, { kind: 'drop' });
    expect(await clientFor({}).listContexts()).toEqual(['.']);
    sr.faults.next(1, { kind: 'drop' });
    const error = await rejection(clientFor({ retry: { maxAttempts: 1 } }).listContexts());
    expect(error).toMatchObject({ kind: 'network', causeCode: 'ECONNRESET' });
    expect(error.message).toMatch(/connection failed \(ECONNRESET\)/);
  });

  it('times out a request that is never answered, then retries it', async () => {
    sr.faults.next(1, { kind: 'hang' });
    const error = await rejection(clientFor({ timeoutMs: 150, retry: { maxAttempts: 1 } }).listContexts());
    expect(error).toMatchObject({ kind: 'timeout', causeCode: 'ETIMEDOUT' });
    expect(error.message).toMatch(/no response within 150 ms/);
    sr.faults.next(1, { kind: 'hang' });
    expect(await clientFor({ timeoutMs: 150, retry: { maxAttempts: 2 } }).listContexts()).toEqual(['.']);
  });

  it('reports a body that is not JSON, naming the endpoint', async () => {
    sr.faults.next(1, { kind: 'raw', status: 200, body: '<html><body>Please sign in</body></html>' });
    const error = await rejection(clientFor({}).listSubjects());
    expect(error).toMatchObject({ kind: 'malformed-response', code: 50005, endpoint: 'GET /subjects', httpStatus: 200 });
    expect(error.message).toMatch(/unexpected response \(body is not JSON: <html><body>Please sign in<\/body><\/html>\) \(50005\) — GET \/subjects on/);
    expect(error.message).toMatch(/not a proxy or login page/);
  });

  it('reports JSON of the wrong shape, naming the field', async () => {
    sr.faults.next(1, { kind: 'raw', status: 200, body: '{"subject":"s","version":"one"}', contentType: 'application/json' });
    const error = await rejection(clientFor({}).getVersion('s', 1));
    expect(error).toMatchObject({ kind: 'malformed-response', endpoint: 'GET /subjects/{subject}/versions/{version}' });
    expect(error.message).toMatch(/wrong shape at version: Invalid input: expected number, received string/);
    sr.faults.next(1, { kind: 'raw', status: 200, body: '{"mode":"SIDEWAYS"}' });
    expect(await rejection(clientFor({}).getGlobalMode())).toMatchObject({ kind: 'malformed-response', endpoint: 'GET /mode' });
  });

  it('treats a redirect as an error instead of following it', async () => {
    sr.faults.next(1, { kind: 'status', status: 302, headers: { Location: 'http://elsewhere.invalid/' } });
    expect(await rejection(clientFor({}).listContexts())).toMatchObject({ kind: 'http', httpStatus: 302, problem: 'unexpected redirect' });
  });
});

describe('concurrency', () => {
  it('keeps at most maxConcurrency requests of one client in flight', async () => {
    sr.faults.add({ fault: { kind: 'latency', ms: 40 } });
    const client = clientFor({ maxConcurrency: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, () => client.listContexts()));
    expect(results).toEqual(Array.from({ length: 6 }, () => ['.']));
    expect(sr.peakInFlight()).toBe(2);
  });
});

describe('bad input', () => {
  it('refuses a body that cannot be written as JSON, before sending', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const error = await rejection(clientFor({}).register('s', { schema: '"string"', metadata: cyclic }));
    expect(error).toMatchObject({ kind: 'invalid-request', endpoint: 'POST /subjects/{subject}/versions' });
    expect(sr.requests).toHaveLength(0);
  });
});
