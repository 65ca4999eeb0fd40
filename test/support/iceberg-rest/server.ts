/**
 * A small Iceberg REST catalog for tests (node:http) over fixture tables copied to temporary directories. It
 * serves config (with a prefix), namespace and table listings with paging, loadTable, and updateTable, which
 * commits by writing a new metadata file and swapping its pointer only if it is still the one it read
 * (optimistic concurrency). Authentication is none, a fixed bearer token, or OAuth2 client credentials with
 * expiring tokens. Every request it receives and every response it gives is checked against the official
 * OpenAPI description when one is given; the departures are collected in `violations`.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { parse, stringify } from 'lossless-json';
import type { OpenApiValidator } from './openapi.js';
import { UpdateRefused, applyCommit } from './table-updates.js';

type Json = Record<string, unknown>;

export type TestAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'oauth2'; readonly clientId: string; readonly clientSecret: string; readonly expiresInSeconds: number; /** default /v1/oauth/tokens */ readonly tokenPath?: string };

export interface TestRestCatalogOptions {
  /** Logical location prefix → local directory, for reading and writing metadata files. */
  readonly mappings: ReadonlyArray<{ readonly prefix: string; readonly dir: string }>;
  readonly prefix?: string;
  /** When set, /v1/config answers 404 for any other warehouse. */
  readonly warehouse?: string;
  readonly auth?: TestAuth;
  /** Page size of list answers when the client sends pageToken. */
  readonly pageSize?: number;
  readonly endpoints?: readonly string[];
  readonly validator?: OpenApiValidator;
  /** Extra `config` and `storage-credentials` in each LoadTableResult. */
  readonly tableConfig?: Readonly<Record<string, string>>;
  readonly storageCredentials?: ReadonlyArray<{ prefix: string; config: Record<string, string> }>;
  /** loadTable of this table name answers 403 with a message quoting the request's Authorization header. */
  readonly forbidTable?: string;
  /** Advertise `idempotency-key-lifetime` and replay finalized updateTable answers by Idempotency-Key. */
  readonly idempotency?: boolean;
  /** loadTable (or, with `hang: 'commit'`, updateTable) of this table name never answers (until the server closes). */
  readonly hangTable?: string;
  readonly hang?: 'load' | 'commit';
  /** The server's clock for token expiry and last-updated-ms. */
  readonly clock?: () => number;
}

export interface RecordedExchange {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly requestText: string;
  readonly status: number;
  readonly responseText: string;
}

interface TableState {
  location: string;
}

export interface TestRestCatalog {
  readonly url: string;
  readonly exchanges: RecordedExchange[];
  readonly violations: string[];
  /** Access tokens issued so far. */
  readonly tokensIssued: () => number;
  register(namespace: readonly string[], name: string, metadataLocation: string): void;
  metadataLocation(namespace: readonly string[], name: string): string;
  readMetadata(location: string): Json;
  /** Another writer's commit, applied now. */
  commitNow(change: { namespace: readonly string[]; name: string; request: Json }): void;
  /** Another writer's commit, applied before the next updateTable is processed (once). */
  beforeNextCommit(change: { namespace: readonly string[]; name: string; request: Json }): void;
  /** The next updateTable answers `status`, after applying it (`apply`) or not; then, optionally, the next loadTable answers `loadStatus`. */
  failNextCommit(status: number, apply: boolean, loadStatus?: number): void;
  /** Resolves once a request to `hangTable` has arrived. */
  hanging(): Promise<void>;
  /** Makes every token issued so far invalid (the next request gets 401). */
  revokeTokens(): void;
  close(): Promise<void>;
}

const SEP = '\x1F';

export async function startTestRestCatalog(options: TestRestCatalogOptions): Promise<TestRestCatalog> {
  const clock = options.clock ?? Date.now;
  const namespaces = new Set<string>();
  const tables = new Map<string, TableState>();
  const tokens = new Map<string, number>(); // token → expiry ms
  let issued = 0;
  const exchanges: RecordedExchange[] = [];
  const violations: string[] = [];
  let pendingChange: { namespace: readonly string[]; name: string; request: Json } | undefined;
  let pendingFailure: { status: number; apply: boolean; loadStatus: number | undefined } | undefined;
  let pendingLoadFailure: number | undefined;
  const finalized = new Map<string, { status: number; body?: unknown }>();
  const hangWaiters: Array<() => void> = [];
  const hung = () => {
    for (const w of hangWaiters.splice(0)) w();
  };

  const resolve = (location: string): string => {
    const m = [...options.mappings].sort((a, b) => b.prefix.length - a.prefix.length).find((x) => location === x.prefix || location.startsWith(`${x.prefix}/`));
    if (m === undefined) throw new Error(`test REST catalog: ${location} is outside every mapping`);
    return m.dir + location.slice(m.prefix.length);
  };
  const readMetadata = (location: string): Json => parse(readFileSync(resolve(location), 'utf8')) as Json;
  const key = (ns: readonly string[], name: string) => `${ns.join(SEP)}${SEP}${SEP}${name}`;

  const error = (status: number, type: string, message: string) => ({ status, body: { error: { message, type, code: status } } });

  const nextLocation = (doc: Json, current: string): string => {
    const props = (doc['properties'] ?? {}) as Record<string, string>;
    const dir = (props['write.metadata.path'] ?? `${String(doc['location']).replace(/\/+$/, '')}/metadata`).replace(/\/+$/, '');
    const name = current.slice(current.lastIndexOf('/') + 1);
    const version = Number((/^(\d+)-/.exec(name) ?? /^v(\d+)\./.exec(name))?.[1] ?? -1);
    return `${dir}/${String(version + 1).padStart(5, '0')}-${randomUUID()}.metadata.json`;
  };

  /** Applies a commit with compare-and-swap on the pointer; throws UpdateRefused. */
  const commit = (ns: readonly string[], name: string, request: Json): { location: string; metadata: Json } => {
    const state = tables.get(key(ns, name));
    if (state === undefined) throw new UpdateRefused(400, 'NoSuchTableException', 'no such table');
    const read = state.location;
    const next = applyCommit(readMetadata(read), read, request, clock());
    const location = nextLocation(next, read);
    const path = resolve(location);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, stringify(next, undefined, 2) ?? '{}', { flag: 'wx' });
    if (state.location !== read) throw new UpdateRefused(409, 'CommitFailedException', 'the table changed while committing');
    state.location = location;
    return { location, metadata: next };
  };

  const page = <T>(items: T[], query: URLSearchParams): { items: T[]; next: string | null | undefined } => {
    if (!query.has('pageToken') || options.pageSize === undefined) return { items, next: undefined };
    const start = Number(query.get('pageToken') || '0');
    const end = start + options.pageSize;
    return { items: items.slice(start, end), next: end < items.length ? String(end) : null };
  };

  const authorized = (req: IncomingMessage): boolean => {
    const auth = options.auth ?? { kind: 'none' };
    if (auth.kind === 'none') return true;
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (token === undefined) return false;
    if (auth.kind === 'bearer') return token === auth.token;
    const expiry = tokens.get(token);
    return expiry !== undefined && clock() < expiry;
  };

  const route = async (req: IncomingMessage, url: URL, body: string): Promise<{ status: number; body?: unknown }> => {
    const auth = options.auth ?? { kind: 'none' };
    if (auth.kind === 'oauth2' && req.method === 'POST' && url.pathname === (auth.tokenPath ?? '/v1/oauth/tokens')) {
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== auth.clientId || form.get('client_secret') !== auth.clientSecret) {
        return { status: 401, body: { error: 'invalid_client', error_description: 'unknown client or wrong secret' } };
      }
      issued += 1;
      const token = `token-${issued}-${randomUUID()}`;
      tokens.set(token, clock() + auth.expiresInSeconds * 1000);
      return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: auth.expiresInSeconds, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token' } };
    }
    if (!authorized(req)) return error(401, 'NotAuthorizedException', 'Not authorized to make this request');
    if (req.method === 'GET' && url.pathname === '/v1/config') {
      const warehouse = url.searchParams.get('warehouse');
      if (options.warehouse !== undefined && warehouse !== options.warehouse) return error(404, 'NoSuchWarehouseException', `The given warehouse does not exist: ${warehouse ?? '(none)'}`);
      return {
        status: 200,
        body: {
          defaults: { clients: '4' },
          overrides: options.prefix === undefined ? {} : { prefix: options.prefix },
          ...(options.endpoints ? { endpoints: options.endpoints } : {}),
          ...(options.idempotency ? { 'idempotency-key-lifetime': 'PT30M' } : {}),
        },
      };
    }
    const match = /^\/v1\/(?:([^/]+)\/)?namespaces(?:\/([^/]+)(?:\/tables(?:\/([^/]+))?)?)?$/.exec(url.pathname);
    if (match === null || (match[1] ?? undefined) !== options.prefix) return error(404, 'NotFoundException', `no route ${url.pathname}`);
    const ns = match[2] === undefined ? undefined : decodeURIComponent(match[2]).split(SEP);
    const tablesPart = url.pathname.includes('/tables');
    const name = match[3] === undefined ? undefined : decodeURIComponent(match[3]);
    if (ns === undefined && req.method === 'GET') {
      const parent = url.searchParams.get('parent');
      const levels = parent === null || parent === '' ? [] : parent.split(SEP);
      if (levels.length > 0 && !namespaces.has(levels.join(SEP))) return error(404, 'NoSuchNamespaceException', `Namespace does not exist: ${levels.join('.')}`);
      const children = [...namespaces].map((n) => n.split(SEP)).filter((n) => n.length === levels.length + 1 && levels.every((l, i) => n[i] === l)).sort((a, b) => a.join(SEP).localeCompare(b.join(SEP)));
      const { items, next } = page(children, url.searchParams);
      return { status: 200, body: { namespaces: items, ...(next !== undefined ? { 'next-page-token': next } : {}) } };
    }
    if (ns !== undefined && !namespaces.has(ns.join(SEP))) return error(404, 'NoSuchNamespaceException', `Namespace does not exist: ${ns.join('.')}`);
    if (ns !== undefined && tablesPart && name === undefined && req.method === 'GET') {
      const names = [...tables.keys()].filter((k) => k.startsWith(`${ns.join(SEP)}${SEP}${SEP}`)).map((k) => k.slice(ns.join(SEP).length + 2)).sort();
      const { items, next } = page(names, url.searchParams);
      return { status: 200, body: { identifiers: items.map((n) => ({ namespace: ns, name: n })), ...(next !== undefined ? { 'next-page-token': next } : {}) } };
    }
    if (ns !== undefined && name !== undefined) {
      const state = tables.get(key(ns, name));
      if (state === undefined) return error(404, 'NoSuchTableException', `Table does not exist: ${ns.join('.')}.${name}`);
      if (req.method === ((options.hang ?? 'load') === 'load' ? 'GET' : 'POST') && name === options.hangTable) {
        hung();
        return new Promise<never>(() => {});
      }
      if (req.method === 'GET' && name === options.forbidTable) {
        return error(403, 'ForbiddenException', `principal with ${req.headers.authorization ?? 'no credentials'} may not load ${ns.join('.')}.${name}`);
      }
      if (req.method === 'GET' && pendingLoadFailure !== undefined) {
        const status = pendingLoadFailure;
        pendingLoadFailure = undefined;
        return error(status, 'ServiceUnavailableException', 'Slow down');
      }
      if (req.method === 'GET') {
        const delegated = (req.headers['x-iceberg-access-delegation'] ?? '').toString().split(',').includes('vended-credentials');
        return {
          status: 200,
          body: {
            'metadata-location': state.location,
            metadata: readMetadata(state.location),
            config: delegated ? { ...(options.tableConfig ?? {}) } : {},
            ...(delegated && options.storageCredentials ? { 'storage-credentials': options.storageCredentials } : {}),
          },
        };
      }
      const idempotencyKey = options.idempotency ? req.headers['idempotency-key']?.toString() : undefined;
      const replay = idempotencyKey === undefined ? undefined : finalized.get(idempotencyKey);
      if (req.method === 'POST' && replay !== undefined) return replay;
      const finalize = (answer: { status: number; body?: unknown }) => {
        // The spec's finalization rules: 2xx and terminal 4xx are stored and replayed, 5xx never.
        if (idempotencyKey !== undefined && answer.status < 500) finalized.set(idempotencyKey, answer);
        return answer;
      };
      if (req.method === 'POST') {
        const request = parse(body) as Json;
        if (pendingChange !== undefined) {
          const change = pendingChange;
          pendingChange = undefined;
          commit(change.namespace, change.name, change.request);
        }
        const failure = pendingFailure;
        pendingFailure = undefined;
        pendingLoadFailure = failure?.loadStatus;
        try {
          if (failure !== undefined && !failure.apply) return error(failure.status, 'CommitStateUnknownException', 'Internal Server Error');
          const done = commit(ns, name, request);
          // Applied and finalized by the catalog; the 5xx comes from in front of it (a gateway).
          const answer = finalize({ status: 200, body: { 'metadata-location': done.location, metadata: done.metadata } });
          if (failure !== undefined) return error(failure.status, 'CommitStateUnknownException', 'Gateway timed out during commit');
          return answer;
        } catch (e) {
          if (e instanceof UpdateRefused) return finalize(error(e.status, e.type, e.message));
          throw e;
        }
      }
    }
    return error(400, 'BadRequestException', `unsupported ${req.method} ${url.pathname}`);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://localhost');
      void route(req, url, body)
        .catch((e: unknown) => error(500, 'InternalServerError', e instanceof Error ? e.message : String(e)))
        .then((answer) => {
          const text = answer.body === undefined ? '' : (stringify(answer.body) ?? '');
          const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
          const exchange: RecordedExchange = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers, requestText: body, status: answer.status, responseText: text };
          exchanges.push(exchange);
          if (options.validator !== undefined) {
            const contentType = req.headers['content-type'];
            const requestBody = body === '' ? undefined : contentType?.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(body)) : JSON.parse(body);
            const tokenPath = options.auth?.kind === 'oauth2' ? options.auth.tokenPath : undefined;
            if (tokenPath === undefined || url.pathname !== tokenPath) {
              violations.push(...options.validator.violations({ method: exchange.method, path: url.pathname, query: new Map(url.searchParams), headers, contentType, requestBody, status: answer.status, responseBody: text === '' ? undefined : JSON.parse(text) }));
            }
          }
          res.writeHead(answer.status, text === '' ? {} : { 'Content-Type': 'application/json' });
          res.end(text);
        });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    violations,
    tokensIssued: () => issued,
    register(namespace, name, metadataLocation) {
      for (let i = 1; i <= namespace.length; i++) namespaces.add(namespace.slice(0, i).join(SEP));
      tables.set(key(namespace, name), { location: metadataLocation });
    },
    metadataLocation(namespace, name) {
      const state = tables.get(key(namespace, name));
      if (state === undefined) throw new Error('no such table');
      return state.location;
    },
    readMetadata,
    commitNow(change) {
      commit(change.namespace, change.name, change.request);
    },
    beforeNextCommit(change) {
      pendingChange = change;
    },
    failNextCommit(status, apply, loadStatus) {
      pendingFailure = { status, apply, loadStatus };
    },
    hanging: () => new Promise<void>((ok) => hangWaiters.push(ok)),
    revokeTokens() {
      tokens.clear();
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
