/**
 * The one place an Octokit is built: token auth, the API base URL (GITHUB_API_URL on GHES or a test
 * fake), throttling that waits out rate limits at most twice with writes in a token bucket
 * (write-limiter.ts), and retries of transient failures only.
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type Bottleneck from 'bottleneck/light.js';
import { writeLimiter } from './write-limiter.js';

export type GitHubClient = InstanceType<typeof Octokit>;

export interface ClientOptions {
  readonly token: string;
  /** e.g. https://api.github.com; no trailing slash. */
  readonly baseUrl: string;
  /** Called with one line when a rate limit makes the client wait. */
  readonly log?: (line: string) => void;
  /** Counts requests (for benchmarks and logs). */
  readonly onRequest?: () => void;
  /** The writes' limiter; a fresh token bucket (write-limiter.ts) when absent. */
  readonly writes?: Bottleneck.Group;
}

const ThrottledOctokit = Octokit.plugin(throttling, retry);

export function createClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? (() => undefined);
  const client = new ThrottledOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: 'guardrails-schema-check',
    log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    throttle: {
      write: options.writes ?? writeLimiter(),
      onRateLimit: (after: number, request: { method: string; url: string }, _o: unknown, count: number) => {
        log(`GitHub rate limit hit on ${request.method} ${request.url}; retrying in ${after}s`);
        return count < 2;
      },
      onSecondaryRateLimit: (after: number, request: { method: string; url: string }, _o: unknown, count: number) => {
        log(`GitHub secondary rate limit hit on ${request.method} ${request.url}; retrying in ${after}s`);
        return count < 2;
      },
    },
    // Client errors will not succeed on retry; 429 is left to the throttling plugin.
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
  });
  if (options.onRequest) {
    const count = options.onRequest;
    client.hook.before('request', () => count());
  }
  return client;
}
