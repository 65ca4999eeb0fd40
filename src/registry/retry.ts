/**
 * When to retry and how long to wait. Pure: the clock and the random source are parameters.
 *
 * Retried: 408, 429 and 5xx responses and failures without a response (the Java client retries
 * 408, 429, 500, 502, 503, 504). Waits are exponential with full jitter
 * (delay = random × min(cap, base × 2^(retry−1))), and a `Retry-After` header overrides them.
 */
import type { RegistryErrorKind } from './errors.js';
import type { RetryPolicy } from './settings.js';

/** True for HTTP statuses worth asking again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** True for failures another base URL may not have (a node down, not a bad request or a rate limit). */
export function isFailoverKind(kind: RegistryErrorKind): boolean {
  return kind === 'network' || kind === 'timeout' || kind === 'server';
}

/** Full-jitter exponential backoff for the `retry`-th retry (1-based). */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(Math.min(1, Math.max(0, random())) * ceiling);
}

/**
 * Milliseconds to wait according to a `Retry-After` value: delta-seconds or an HTTP date
 * (RFC 9110 §10.2.3). Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export interface RetryDecision {
  readonly retry: boolean;
  /** How long to wait before the next attempt. */
  readonly delayMs: number;
  /** Why the retries end, when they do. */
  readonly reason?: string;
}

/**
 * Decides the next step after failed attempt number `attempt` (1-based). `retryAfterMs` comes from
 * the response; `freshUrl` is true when the next attempt goes to a base URL this request has not
 * tried yet, which needs no wait.
 */
export function decideRetry(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  freshUrl: boolean,
  random: () => number,
): RetryDecision {
  if (attempt >= policy.maxAttempts) return { retry: false, delayMs: 0, reason: `gave up after ${attempt} attempts` };
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) {
    return { retry: false, delayMs: 0, reason: `server asked to wait ${Math.ceil(retryAfterMs / 1000)} s` };
  }
  if (retryAfterMs !== undefined) return { retry: true, delayMs: retryAfterMs };
  return { retry: true, delayMs: freshUrl ? 0 : backoffDelay(attempt, policy, random) };
}
