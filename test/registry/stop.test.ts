/** A stopped client: nothing more is sent, and what is in flight is cut after the settle time. */
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { createRegistryClient, RegistryError, type RegistryClientHandle } from '../../src/registry/index.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';

let sr: TestRegistry;
const opened: RegistryClientHandle[] = [];

beforeEach(async () => {
  sr = await startTestRegistry();
});
afterEach(async () => {
  for (const c of opened.splice(0)) c.close();
  await sr.close();
});

function clientWith(signal: AbortSignal, settleMs?: number, maxConcurrency = 2): RegistryClientHandle {
  const client = createRegistryClient({ url: sr.url, maxConcurrency, retry: { maxAttempts: 1 } }, { signal, ...(settleMs !== undefined ? { settleMs } : {}) });
  opened.push(client);
  return client;
}

describe('a client with a stop signal', () => {
  it('sends no request queued behind the concurrency limit once stopped, and lets those in flight settle', async () => {
    sr.faults.add({ method: 'POST', fault: { kind: 'latency', ms: 200 } });
    const stop = new AbortController();
    const client = clientWith(stop.signal);
    const calls = Array.from({ length: 6 }, (_, i) => client.register(`s${i}`, { schema: '"string"' }).then(() => 'ok', (e: unknown) => e));
    while (sr.requests.length < 2) await new Promise((resolve) => setImmediate(resolve));
    stop.abort();
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(2);
    const refused = outcomes.filter((o): o is RegistryError => o instanceof RegistryError);
    expect(refused.map((e) => [e.kind, e.attempts, e.problem])).toEqual(Array.from({ length: 4 }, () => ['cancelled', 0, 'not sent: the run was stopped']));
    expect(sr.requests).toHaveLength(2);
  });

  it('cuts a request that does not settle within the settle time', async () => {
    sr.faults.add({ method: 'GET', fault: { kind: 'hang' } });
    const stop = new AbortController();
    const client = clientWith(stop.signal, 50);
    const pending = client.listSubjects().catch((e: unknown) => e);
    while (sr.requests.length < 1) await new Promise((resolve) => setImmediate(resolve));
    stop.abort();
    const error = (await pending) as RegistryError;
    expect(error).toBeInstanceOf(RegistryError);
    expect(error.kind).toBe('cancelled');
    expect(error.message).toMatch(/no answer before the stop; the request may or may not have taken effect/);
  });

  it('ends a backoff wait at the stop instead of retrying', async () => {
    sr.faults.add({ method: 'GET', fault: { kind: 'status', status: 503 } });
    const stop = new AbortController();
    // A minute of backoff before the second attempt: only the stop can end the wait within the test's time.
    const client = createRegistryClient({ url: sr.url, retry: { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 } }, { signal: stop.signal, random: () => 1 });
    opened.push(client);
    const pending = client.listSubjects().catch((e: unknown) => e);
    while (sr.requests.length < 1) await new Promise((resolve) => setImmediate(resolve));
    stop.abort();
    const error = (await pending) as RegistryError;
    expect(error.kind).toBe('server');
    expect(error.message).toContain('not retried: the run was stopped');
    expect(sr.requests).toHaveLength(1);
  });

  it('holds one abort listener on the run\'s signal however many requests back off at once (Node warns past ten)', async () => {
    sr.faults.add({ method: 'GET', fault: { kind: 'status', status: 503 } });
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    onTestFinished(() => void process.off('warning', onWarning));
    const stop = new AbortController();
    const client = createRegistryClient({ url: sr.url, maxConcurrency: 32, retry: { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 } }, { signal: stop.signal, random: () => 1 });
    opened.push(client);
    const pending = Array.from({ length: 20 }, (_, i) => client.listVersions(`s${i}`).catch((e: unknown) => e));
    while (sr.requests.length < 20) await new Promise((resolve) => setImmediate(resolve));
    // Every request is now in its minute-long backoff wait.
    await new Promise((resolve) => setImmediate(resolve));
    expect(getEventListeners(stop.signal, 'abort').length).toBeLessThanOrEqual(2);
    stop.abort();
    // Node reports a listener overflow as a process warning (on the user's stderr): none may have been emitted.
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    const errors = (await Promise.all(pending)) as RegistryError[];
    expect(errors.map((e) => e.kind)).toEqual(Array.from({ length: 20 }, () => 'server'));
  });

  it('names the flag to raise when the registry does not answer in time', async () => {
    sr.faults.add({ method: 'GET', fault: { kind: 'hang' } });
    const client = createRegistryClient({ url: sr.url, timeoutMs: 50, retry: { maxAttempts: 1 } });
    opened.push(client);
    const error = (await client.listSubjects().catch((e: unknown) => e)) as RegistryError;
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('raise --registry-timeout-ms (registry.timeout-ms in guardrails.yaml)');
  });
});
