/**
 * HTTP to the registry over axios: auth headers, TLS, per-attempt timeout, retries with backoff and
 * `Retry-After`, failover across base URLs, bounded concurrency, and the mapping of every failure
 * to a RegistryError.
 *
 * Security: axios errors and responses carry the request config with its Authorization header, so
 * none of them leaves this module. Only status, body text (redacted) and the system error code are
 * read from them.
 */
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { z } from 'zod';
import { errorFromNetwork, errorFromResponse, malformedResponse, RegistryError, type RequestContext } from './errors.js';
import { excerpt, redact, secretVariants } from './redact.js';
import { decideRetry, isFailoverKind, parseRetryAfter } from './retry.js';
import { Semaphore } from './semaphore.js';
import type { RegistrySettings } from './settings.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  readonly method: HttpMethod;
  /** Path below the base URL, segments already encoded (see paths.ts). */
  readonly path: string;
  /** Method and path template for messages, e.g. `GET /subjects/{subject}/versions`. */
  readonly endpoint: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
  /** For error messages. */
  readonly subject?: string;
  readonly version?: number | string;
}

/** Where the client reports retries and failovers. Lines never contain credentials. */
export interface RegistryLogger {
  debug(message: string): void;
  warn(message: string): void;
}

/** Injected for tests: nothing here waits for real time or uses real randomness unless defaulted. */
export interface TransportDeps {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  readonly logger?: RegistryLogger;
  /**
   * A stop: once aborted, no request is sent (each attempt checks it right before it goes out,
   * after waiting for its turn), so only the attempts already in flight reach the server.
   */
  readonly signal?: AbortSignal;
  /** After a stop, how long attempts in flight may take to settle before they are cut (default 3 s). */
  readonly settleMs?: number;
  /** Called as each attempt goes out, retries included: the run's request count for its metrics. */
  readonly onAttempt?: () => void;
}

export interface Transport {
  /** Sends the request, retrying as configured, and checks the JSON body against `shape`. */
  send<T>(request: HttpRequest, shape: z.ZodType<T>): Promise<T>;
  /** Closes idle keep-alive sockets. */
  close(): void;
}

type Attempt = { ok: true; status: number; data: unknown } | { ok: false; error: RegistryError; retryAfterMs?: number };

const ACCEPT = 'application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5';
const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

export function createTransport(settings: RegistrySettings, deps: TransportDeps = {}): Transport {
  // A stop ends a backoff wait at once: it must not wait out a 20 s backoff.
  const stop = stopListener(deps.signal);
  const sleep = (ms: number) => (deps.sleep ? untilStopped(deps.sleep(ms), stop) : stoppableSleep(ms, stop));
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const secrets = secretsOf(settings);
  const agents = createAgents(settings);
  // Made on the first request: importing axios takes a quarter of a second, which every CLI command
  // would otherwise pay at start-up, registry or not.
  let instance: Promise<AxiosInstance> | undefined;
  const semaphore = new Semaphore(settings.maxConcurrency);
  const urls = settings.baseUrls;
  const inFlight = cutAfterStop(deps.signal, deps.settleMs ?? DEFAULT_SETTLE_MS, settings.maxConcurrency);
  let preferred = 0;

  async function send<T>(request: HttpRequest, shape: z.ZodType<T>): Promise<T> {
    const tried = new Set<number>();
    let index = preferred;
    for (let attempt = 1; ; attempt++) {
      tried.add(index);
      const ctx = contextOf(request, urls[index] as string, attempt);
      const outcome = await semaphore.run(() => {
        if (deps.signal?.aborted) throw notSent(ctx);
        deps.onAttempt?.();
        return attemptOnce((instance ??= createAxios(settings, agents)), request, ctx, settings.timeoutMs, secrets, now, inFlight.signal);
      });
      if (outcome.ok) {
        preferred = index;
        return checkShape(shape, outcome.data, ctx, outcome.status);
      }
      const { error } = outcome;
      if (!error.retryable) throw error;
      if (isFailoverKind(error.kind) && urls.length > 1) index = (index + 1) % urls.length;
      const decision = decideRetry(attempt, settings.retry, outcome.retryAfterMs, !tried.has(index), random);
      if (!decision.retry) throw error.with(`; ${decision.reason}`);
      deps.logger?.debug(`retrying ${request.endpoint}: ${error.problem} on ${ctx.baseUrl}; next attempt ${attempt + 1} of ${settings.retry.maxAttempts} on ${urls[index]} in ${decision.delayMs} ms`);
      if (decision.delayMs > 0) await sleep(decision.delayMs);
      if (deps.signal?.aborted) throw error.with('; not retried: the run was stopped');
    }
  }

  return {
    send,
    close: () => {
      inFlight.dispose();
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

const DEFAULT_SETTLE_MS = 3_000;

/**
 * One abort listener per transport, fanning out to the waits in progress. Every backoff wait adding
 * its own listener to the run's signal made Node warn of a leak (MaxListenersExceededWarning, on
 * the user's stderr) as soon as more than ten requests backed off at once during an outage.
 */
interface StopListener {
  readonly stopped: () => boolean;
  /** Calls `fn` once on the stop; returns the function that forgets it. */
  readonly onStop: (fn: () => void) => () => void;
}

function stopListener(signal: AbortSignal | undefined): StopListener {
  const waiters = new Set<() => void>();
  signal?.addEventListener('abort', () => {
    for (const fn of [...waiters]) fn();
    waiters.clear();
  }, { once: true });
  return {
    stopped: () => signal?.aborted === true,
    onStop: (fn) => {
      waiters.add(fn);
      return () => waiters.delete(fn);
    },
  };
}

function stoppableSleep(ms: number, stop: StopListener): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      forget();
      resolve();
    };
    const timer = setTimeout(finish, stop.stopped() ? 0 : ms);
    const forget = stop.onStop(finish);
  });
}

/** An injected wait (tests), ended early by a stop. */
function untilStopped(wait: Promise<void>, stop: StopListener): Promise<void> {
  if (stop.stopped()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      forget();
      resolve();
    };
    const forget = stop.onStop(done);
    void wait.then(done);
  });
}

/** The signal attempts run under: aborted `settleMs` after `stop`, so a stop cannot wait on a hung request. */
function cutAfterStop(stop: AbortSignal | undefined, settleMs: number, inFlight: number): { signal: AbortSignal; dispose: () => void } {
  const cut = new AbortController();
  // Every attempt in flight (up to the concurrency) listens on this one signal, through axios.
  setMaxListeners(Math.max(10, inFlight + 1), cut.signal);
  let timer: NodeJS.Timeout | undefined;
  const onStop = () => {
    timer = setTimeout(() => cut.abort(), settleMs);
    timer.unref();
  };
  if (stop?.aborted) onStop();
  else stop?.addEventListener('abort', onStop, { once: true });
  return {
    signal: cut.signal,
    dispose: () => {
      stop?.removeEventListener('abort', onStop);
      if (timer) clearTimeout(timer);
    },
  };
}

function notSent(ctx: RequestContext): RegistryError {
  return new RegistryError('not sent: the run was stopped', { kind: 'cancelled', ...ctx, attempts: ctx.attempts - 1 });
}

function contextOf(request: HttpRequest, baseUrl: string, attempts: number): RequestContext {
  return { endpoint: request.endpoint, baseUrl, subject: request.subject, version: request.version, attempts };
}

function secretsOf(settings: RegistrySettings): string[] {
  const { auth, tls } = settings;
  if (auth.type === 'basic') return secretVariants([auth.password, tls?.passphrase], auth.username);
  if (auth.type === 'bearer') return secretVariants([auth.token, tls?.passphrase]);
  return secretVariants([tls?.passphrase]);
}

function createAgents(settings: RegistrySettings): { http: http.Agent; https: https.Agent } {
  const common = { keepAlive: true, maxSockets: settings.maxConcurrency };
  const tls = settings.tls;
  return {
    http: new http.Agent(common),
    https: new https.Agent({
      ...common,
      ca: tls?.ca,
      cert: tls?.cert,
      key: tls?.key,
      passphrase: tls?.passphrase,
      rejectUnauthorized: tls?.rejectUnauthorized ?? true,
    }),
  };
}

function authHeaders(settings: RegistrySettings): Record<string, string> {
  const { auth } = settings;
  if (auth.type === 'basic') {
    return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}` };
  }
  if (auth.type === 'bearer') {
    return {
      Authorization: `Bearer ${auth.token}`,
      ...(auth.logicalCluster ? { 'target-sr-cluster': auth.logicalCluster } : {}),
      ...(auth.identityPoolId ? { 'Confluent-Identity-Pool-Id': auth.identityPoolId } : {}),
    };
  }
  return {};
}

async function createAxios(settings: RegistrySettings, agents: { http: http.Agent; https: https.Agent }): Promise<AxiosInstance> {
  const { default: axios } = await import('axios');
  return axios.create({
    timeout: settings.timeoutMs,
    headers: { Accept: ACCEPT, 'User-Agent': 'guardrails-registry-client', ...settings.headers, ...authHeaders(settings) },
    httpAgent: agents.http,
    httpsAgent: agents.https,
    // Redirects could carry the Authorization header to another host; treat them as errors.
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
  });
}

async function attemptOnce(
  client: Promise<AxiosInstance>,
  request: HttpRequest,
  ctx: RequestContext,
  timeoutMs: number,
  secrets: readonly string[],
  now: () => number,
  signal: AbortSignal,
): Promise<Attempt> {
  const data = serialise(request.body, ctx);
  const instance = await client;
  let response: AxiosResponse<unknown>;
  try {
    response = await instance.request({
      method: request.method,
      url: `${ctx.baseUrl}${request.path}`,
      params: definedOnly(request.query),
      data,
      headers: data === undefined ? undefined : { 'Content-Type': CONTENT_TYPE },
      signal,
    });
  } catch (thrown) {
    if (signal.aborted) {
      const error = new RegistryError('no answer before the stop; the request may or may not have taken effect', { kind: 'cancelled', ...ctx });
      return { ok: false, error };
    }
    // Only the code is read: the thrown value holds the request config and its headers.
    const code = (thrown as { code?: unknown } | null)?.code;
    return { ok: false, error: errorFromNetwork(typeof code === 'string' ? code : undefined, timeoutMs, ctx) };
  }
  return interpret(response, ctx, secrets, now);
}

function interpret(response: AxiosResponse<unknown>, ctx: RequestContext, secrets: readonly string[], now: () => number): Attempt {
  const status = response.status;
  const text = redact(typeof response.data === 'string' ? response.data : '', secrets);
  if (status >= 200 && status < 300) {
    if (text.trim() === '') return { ok: true, status, data: undefined };
    try {
      return { ok: true, status, data: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, error: malformedResponse(`body is not JSON: ${excerpt(text, 120)}`, ctx, status) };
    }
  }
  if (status >= 300 && status < 400) {
    const error = new RegistryError('unexpected redirect', {
      kind: 'http',
      httpStatus: status,
      hint: 'Use the final registry URL; redirects are not followed so credentials stay with the configured host.',
      ...ctx,
    });
    return { ok: false, error };
  }
  const header = response.headers['retry-after'];
  const retryAfterMs = parseRetryAfter(typeof header === 'string' ? header : undefined, now());
  return { ok: false, error: errorFromResponse(status, text, ctx), retryAfterMs };
}

function checkShape<T>(shape: z.ZodType<T>, data: unknown, ctx: RequestContext, status: number): T {
  const parsed = shape.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
  throw malformedResponse(`wrong shape${where}: ${issue?.message ?? 'invalid'}`, ctx, status);
}

function serialise(body: unknown, ctx: RequestContext): string | undefined {
  if (body === undefined) return undefined;
  try {
    return JSON.stringify(body);
  } catch {
    throw new RegistryError('request body cannot be written as JSON', {
      kind: 'invalid-request',
      hint: 'metadata and ruleSet must be plain JSON values (no cycles, no BigInt).',
      ...ctx,
    });
  }
}

function definedOnly(query: HttpRequest['query']): Record<string, string | number | boolean> | undefined {
  if (!query) return undefined;
  const entries = Object.entries(query).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}
