/**
 * An in-process, Confluent-compatible Schema Registry for tests: node:http (or node:https for TLS
 * tests) on 127.0.0.1, a random port, in-memory state, fault injection and request counts.
 *
 * Behaviour follows Confluent's REST documentation and, where the documentation is silent,
 * confluentinc/schema-registry's resources; guesses are marked "Guess:" where they are made.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { avroEngine, type CompatibilityEngine } from './engine.js';
import { fail, HttpFailure } from './failures.js';
import { faultBody, Faults, type Fault } from './faults.js';
import type { PageLimits } from './reads.js';
import { register } from './register.js';
import { matchRoute, type RouteContext } from './routes.js';
import { RegistryState } from './state.js';

export interface TestRegistryOptions {
  /** Schema logic; the library's Avro parser and compatibility engine by default. */
  readonly engine?: CompatibilityEngine;
  /** Require credentials: 401 otherwise. */
  readonly auth?: { readonly type: 'basic'; readonly username: string; readonly password: string } | { readonly type: 'bearer'; readonly token: string };
  /** Serve HTTPS; `requestCert` demands a client certificate signed by `ca` (mutual TLS). */
  readonly tls?: { readonly key: string; readonly cert: string; readonly ca?: string; readonly requestCert?: boolean };
  /** Page limits: `/schemas` defaults to 1,000 and caps at 1,000; `/subjects` is unlimited (as Confluent's defaults). */
  readonly limits?: { readonly schemas?: PageLimits; readonly subjects?: PageLimits };
}

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path, e.g. `/subjects/:.ctx:a/versions`. */
  readonly path: string;
  /** Route template, e.g. `GET /subjects/{subject}/versions`; `GET ?` when no route matched. */
  readonly route: string;
  readonly query: string;
  readonly headers: Readonly<http.IncomingHttpHeaders>;
}

export interface TestRegistry {
  readonly url: string;
  readonly state: RegistryState;
  readonly faults: Faults;
  /** Every request received, faults included, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests per `METHOD /route/{template}`. */
  countByRoute(): Record<string, number>;
  /** Requests per `METHOD /decoded/path`. */
  countByPath(): Record<string, number>;
  resetCounts(): void;
  /** The most requests handled at the same time since the start (or the last resetCounts). */
  peakInFlight(): number;
  /**
   * Registers in-process, by the rules of `POST /subjects/{s}/versions` (mode, ids, compatibility)
   * but without HTTP and without being counted: fast setup for large fixtures and benchmarks.
   */
  seed(subject: string, body: SeedBody): { id: number; version: number };
  close(): Promise<void>;
}

/** The body of a registration. */
export interface SeedBody {
  readonly schema: string;
  readonly schemaType?: string;
  readonly references?: readonly { name: string; subject: string; version: number }[];
  readonly id?: number;
  readonly version?: number;
}

const UNLIMITED: PageLimits = { defaultLimit: Number.POSITIVE_INFINITY, maxLimit: Number.POSITIVE_INFINITY };
const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

export async function startTestRegistry(options: TestRegistryOptions = {}): Promise<TestRegistry> {
  const state = new RegistryState();
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const load = { now: 0, peak: 0 };
  const ctx: RouteContext = {
    state,
    engine: options.engine ?? avroEngine,
    limits: { schemas: options.limits?.schemas ?? { defaultLimit: 1000, maxLimit: 1000 }, subjects: options.limits?.subjects ?? UNLIMITED },
  };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    load.peak = Math.max(load.peak, ++load.now);
    res.on('close', () => load.now--);
    void handle(req, res, ctx, options, faults, requests);
  };
  const server = options.tls
    ? https.createServer({ ...options.tls, rejectUnauthorized: options.tls.requestCert ?? false }, handler)
    : http.createServer(handler);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const count = (key: (r: RecordedRequest) => string) =>
    requests.reduce<Record<string, number>>((acc, r) => ({ ...acc, [key(r)]: (acc[key(r)] ?? 0) + 1 }), {});
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    state,
    faults,
    requests,
    countByRoute: () => count((r) => r.route),
    countByPath: () => count((r) => `${r.method} ${r.path}`),
    resetCounts: () => {
      requests.splice(0);
      load.peak = load.now;
    },
    peakInFlight: () => load.peak,
    seed: (subject, body) => register(state, ctx.engine, subject, body, { normalize: false, force: false }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ctx: RouteContext,
  options: TestRegistryOptions,
  faults: Faults,
  requests: RecordedRequest[],
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://registry.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req);
  let segments: string[] | undefined;
  let route = `${method} ?`;
  let found: ReturnType<typeof matchRoute> | undefined;
  try {
    segments = decodeSegments(url.pathname);
    found = matchRoute(method, segments);
    route = `${method} ${found.route.template}`;
  } catch {
    // Answered below, after the request is recorded.
  }
  const path = segments ? `/${segments.join('/')}` : url.pathname;
  requests.push({ method, path, route, query: url.search, headers: req.headers });
  const fault = faults.take(method, path);
  if (fault && (await applyFault(fault, req, res))) return;
  try {
    if (!authorized(req, options)) throw fail.unauthorized();
    if (!segments) throw fail.badRequest(`Malformed path ${url.pathname}`);
    const matched = found ?? matchRoute(method, segments);
    const result = matched.route.handle(ctx, { params: matched.params, query: url.searchParams, body: parseBody(body) });
    if (fault?.kind === 'lost-response') return void req.socket.destroy();
    reply(res, 200, fault?.kind === 'omit-fields' ? omitFields(result, fault.fields) : result);
  } catch (error) {
    if (error instanceof HttpFailure) reply(res, error.status, { error_code: error.errorCode, message: error.message });
    else reply(res, 500, { error_code: 50001, message: `Test registry bug: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** Applies a fault; true when it answered (or will never answer) the request. */
async function applyFault(fault: Fault, req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
  switch (fault.kind) {
    case 'latency':
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      return false;
    case 'status':
      reply(res, fault.status, fault.body ?? faultBody(fault.status), fault.headers);
      return true;
    case 'rate-limit':
      reply(res, 429, { error_code: 429, message: 'Too Many Requests' }, fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter });
      return true;
    case 'hang':
      return true;
    case 'drop':
      req.socket.destroy();
      return true;
    case 'omit-fields':
    case 'lost-response':
      return false;
    case 'raw':
      res.writeHead(fault.status, { 'Content-Type': fault.contentType ?? 'text/html' });
      res.end(fault.body);
      return true;
  }
}

function omitFields(result: unknown, fields: readonly string[]): unknown {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return result;
  return Object.fromEntries(Object.entries(result).filter(([key]) => !fields.includes(key)));
}

function authorized(req: http.IncomingMessage, options: TestRegistryOptions): boolean {
  const auth = options.auth;
  if (!auth) return true;
  const header = req.headers.authorization ?? '';
  if (auth.type === 'bearer') return header === `Bearer ${auth.token}`;
  return header === `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}

function decodeSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s));
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Guess: Jersey answers a body that is not JSON with 400 and a Confluent error body. */
function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw fail.badRequest('Request body is not valid JSON');
  }
}

function reply(res: http.ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'Content-Type': CONTENT_TYPE, ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
