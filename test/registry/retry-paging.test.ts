import { describe, expect, it } from 'vitest';
import { collectPages, type PageRequest } from '../../src/registry/paging.js';
import { backoffDelay, decideRetry, isRetryableStatus, parseRetryAfter } from '../../src/registry/retry.js';
import { Semaphore } from '../../src/registry/semaphore.js';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 30_000 };

describe('retry policy', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });

  it('draws each wait uniformly below an exponential, capped ceiling (full jitter)', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(100);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-08-01T12:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Sat, 01 Aug 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Aug 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('honours Retry-After, gives up when it is too long or attempts run out', () => {
    expect(decideRetry(1, policy, 2000, false, () => 0.5)).toEqual({ retry: true, delayMs: 2000 });
    expect(decideRetry(1, policy, 60_000, false, () => 0.5)).toEqual({ retry: false, delayMs: 0, reason: 'server asked to wait 60 s' });
    expect(decideRetry(4, policy, undefined, false, () => 0.5)).toEqual({ retry: false, delayMs: 0, reason: 'gave up after 4 attempts' });
    expect(decideRetry(2, policy, undefined, false, () => 0.5)).toEqual({ retry: true, delayMs: 100 });
  });

  it('tries an untried base URL at once', () => {
    expect(decideRetry(1, policy, undefined, true, () => 0.9)).toEqual({ retry: true, delayMs: 0 });
  });
});

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once, in arrival order', async () => {
    const semaphore = new Semaphore(2);
    const releases: (() => void)[] = [];
    const started: number[] = [];
    let peak = 0;
    const tasks = [0, 1, 2, 3].map((n) =>
      semaphore.run(async () => {
        started.push(n);
        peak = Math.max(peak, semaphore.active);
        await new Promise<void>((resolve) => releases.push(resolve));
        return n;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    while (releases.length) {
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
    expect(semaphore.active).toBe(0);
  });

  it('releases the permit when a task fails', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await semaphore.run(() => Promise.resolve('ok'))).toBe('ok');
  });

  it('refuses a limit below one', () => {
    expect(() => new Semaphore(0)).toThrow(/positive integer, got 0/);
  });
});

/** A server listing `total` rows that caps pages at `cap` and answers a larger limit with `fallback`. */
function cappedServer(total: number, cap: number, fallback: number) {
  const rows = Array.from({ length: total }, (_, i) => `s${String(i).padStart(5, '0')}`);
  const calls: PageRequest[] = [];
  const fetchPage = async (p: PageRequest) => {
    calls.push(p);
    const size = p.limit > 0 && p.limit <= cap ? p.limit : fallback;
    return rows.slice(p.offset, p.offset + size);
  };
  return { rows, calls, fetchPage };
}

describe('collectPages', () => {
  it('pages until a short page', async () => {
    const server = cappedServer(2500, 1000, 1000);
    const result = await collectPages(server.fetchPage, (r) => r, 1000);
    expect(result.rows).toEqual(server.rows);
    expect(server.calls.map((c) => c.offset)).toEqual([0, 1000, 2000]);
  });

  it('follows a server that silently answers with a smaller page than asked', async () => {
    const server = cappedServer(1250, 500, 500);
    const result = await collectPages(server.fetchPage, (r) => r, 1000);
    expect(result.rows).toEqual(server.rows);
    expect(server.calls.map((c) => c.offset)).toEqual([0, 500, 1000]);
  });

  it('confirms a short first page with one more request', async () => {
    const server = cappedServer(3, 1000, 1000);
    const result = await collectPages(server.fetchPage, (r) => r, 1000);
    expect(result).toEqual({ rows: server.rows, pages: 2 });
  });

  it('stops when the server ignores the offset (pre-7.7.4 subject listing)', async () => {
    const rows = ['a', 'b', 'c'];
    const result = await collectPages(async () => rows, (r) => r, 3);
    expect(result).toEqual({ rows, pages: 2 });
  });

  it('takes a page larger than asked for as the whole listing', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `s${i}`);
    const result = await collectPages(async () => rows, (r) => r, 1000);
    expect(result).toEqual({ rows, pages: 1 });
  });

  it('reads an exact multiple of the page size', async () => {
    const server = cappedServer(2000, 1000, 1000);
    const result = await collectPages(server.fetchPage, (r) => r, 1000);
    expect(result.rows).toHaveLength(2000);
    expect(result.pages).toBe(3);
  });

  it('fails when a row added mid-listing shifts a page onto rows already seen', async () => {
    const server = cappedServer(2500, 1000, 1000);
    const fetchPage = async (p: PageRequest) => {
      // After the first page, a row sorting first is registered: every later row moves one on.
      if (p.offset > 0 && server.rows[0] !== 'a-new') server.rows.unshift('a-new');
      return server.fetchPage(p);
    };
    await expect(collectPages(fetchPage, (r) => r, 1000)).rejects.toThrow(/registry changed during the listing.*run again/);
  });

  it('still stops quietly when a whole page repeats rows already seen', async () => {
    const server = cappedServer(1000, 1000, 1000);
    const result = await collectPages(async () => server.rows.slice(0, 1000), (r) => r, 1000);
    expect(result).toEqual({ rows: server.rows, pages: 2 });
  });
});
