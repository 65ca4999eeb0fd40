/**
 * Tables of an Iceberg REST catalog behind the same `TableCatalog` as the SQL catalog. The server writes
 * metadata files itself, so a commit is the diff between the job's base and next documents sent as updates
 * with requirements (./commit-request.ts): 200 committed, 409 conflict (the job re-plans), and no answer or a
 * 5xx is verified by reloading the table, like the SQL catalog's lost connection.
 */
import { IcebergError, stopped } from '../../errors.js';
import type { FileIO } from '../../io/file-io.js';
import { type JsonObject, isJsonObject, parseMetadataBytes } from '../../metadata/json.js';
import { type CommitOutcome, type MetadataChange, type TableCatalog, type TableIdent, identText } from '../sql-catalog.js';
import { ENDPOINTS, type RestConfig, ResourcePaths, readConfig, requireEndpoints } from './config.js';
import { type CommitResult, judgeReloaded } from './commit-outcome.js';
import { commitRequest } from './commit-request.js';
import { restError, unreachable } from './errors.js';
import { type RestAnswer, type RestRequest, RestTransport, RestUnreachable } from './http.js';
import { tokenSource } from './oauth2.js';
import { uuidV7 } from './uuid-v7.js';
import type { RestCatalogSettings } from './settings.js';

/** What `loadTable` returned, kept for the commit and the FileIO. */
export interface LoadedTable {
  readonly metadataLocation: string;
  readonly metadata: JsonObject;
  /** Table-specific configuration (`token`, `s3.access-key-id`, …); may hold secrets, never printed. */
  readonly config: Readonly<Record<string, string>>;
  readonly storageCredentials: ReadonlyArray<{ readonly prefix: string; readonly config: Readonly<Record<string, string>> }>;
}

export interface RestCatalogDeps {
  readonly fetch?: typeof fetch;
  readonly clock?: () => number;
  /** SIGINT/SIGTERM: reads in flight are cut short so the run can stop promptly. */
  readonly signal?: AbortSignal;
  /** Told about each loaded table, e.g. to register vended storage credentials with the FileIO. */
  readonly onLoaded?: (ident: TableIdent, table: LoadedTable) => void;
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isJsonObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export type { CommitResult };

export class RestCatalog implements TableCatalog {
  private readonly paths: ResourcePaths;
  /** Joined namespace text (as in TableIdent) → its levels, as the server listed them. */
  private readonly levels = new Map<string, readonly string[]>();
  private readonly loaded = new Map<string, LoadedTable>();

  private constructor(
    private readonly name: string,
    private readonly http: RestTransport,
    readonly config: RestConfig,
    private readonly io: FileIO,
    private readonly deps: RestCatalogDeps,
  ) {
    this.paths = new ResourcePaths(config);
  }

  /** Fetches `/v1/config` (authenticating first, when configured) and checks the endpoints expiration needs. */
  static async open(name: string, settings: RestCatalogSettings, io: FileIO, deps: RestCatalogDeps = {}): Promise<RestCatalog> {
    const fetchFn = deps.fetch ?? fetch;
    const tokens = tokenSource(settings.auth, settings.uri, { fetch: fetchFn, clock: deps.clock ?? Date.now, timeoutMs: settings.requestTimeoutMs, ...(deps.signal ? { signal: deps.signal } : {}) });
    const http = new RestTransport(settings.uri, tokens, settings.requestTimeoutMs, fetchFn, deps.signal);
    const what = settings.warehouse === undefined ? 'its configuration' : `warehouse ${JSON.stringify(settings.warehouse)}`;
    let answer: RestAnswer;
    try {
      answer = await http.send({ method: 'GET', path: '/v1/config', query: { warehouse: settings.warehouse } });
    } catch (error) {
      throw unreachable(error, { catalog: name, what });
    }
    if (answer.status !== 200) throw restError(answer.status, answer.body, { catalog: name, what });
    const config = readConfig(answer.body, settings.warehouse === undefined ? {} : { warehouse: settings.warehouse }, name);
    requireEndpoints(config, Object.values(ENDPOINTS), name);
    return new RestCatalog(name, http, config, io, deps);
  }

  private async call(request: RestRequest, what: string): Promise<RestAnswer> {
    try {
      return await this.http.send(request);
    } catch (error) {
      if (this.deps.signal?.aborted) throw stopped(`while waiting for ${what}`);
      throw unreachable(error, { catalog: this.name, what });
    }
  }

  private async ok(request: RestRequest, what: string): Promise<unknown> {
    const answer = await this.call(request, what);
    if (answer.status !== 200) throw restError(answer.status, answer.body, { catalog: this.name, what });
    return answer.body;
  }

  /** Every page of a list call; `key` is the array in each page. */
  private async pages(path: string, key: string, query: Record<string, string | undefined>, what: string): Promise<unknown[]> {
    const items: unknown[] = [];
    const seen = new Set<string>();
    // An empty pageToken asks a paging server to page (the spec's PageToken); others ignore it.
    let token = '';
    for (;;) {
      const body = await this.ok({ method: 'GET', path, query: { ...query, pageToken: token } }, what);
      const page = isJsonObject(body) ? body : {};
      if (Array.isArray(page[key])) items.push(...(page[key] as unknown[]));
      const next = page['next-page-token'];
      if (typeof next !== 'string' || next === '') return items;
      if (seen.has(next)) throw new IcebergError('UNAVAILABLE', `repeated the page token of ${what}`, { subject: `REST catalog ${this.name}` });
      seen.add(next);
      token = next;
    }
  }

  private joined(levels: readonly string[]): string {
    const text = levels.join('.');
    this.levels.set(text, levels);
    return text;
  }

  private levelsOf(namespace: string): readonly string[] {
    return this.levels.get(namespace) ?? namespace.split('.');
  }

  /** Every namespace, depth first, each as its levels. */
  async listNamespaces(parent?: readonly string[]): Promise<Array<readonly string[]>> {
    const what = parent === undefined ? 'the namespace listing' : `namespace ${JSON.stringify(parent.join('.'))}`;
    const query = { parent: parent === undefined ? undefined : parent.join(this.config.separator) };
    const found = (await this.pages(this.paths.namespaces(), 'namespaces', query, what))
      .filter((n): n is string[] => Array.isArray(n) && n.every((l) => typeof l === 'string'));
    const all: Array<readonly string[]> = [];
    for (const levels of found.sort((a, b) => a.join('.').localeCompare(b.join('.')))) {
      all.push(levels);
      all.push(...(await this.listNamespaces(levels)));
    }
    return all;
  }

  async listTablesIn(levels: readonly string[]): Promise<string[]> {
    const identifiers = await this.pages(this.paths.tables(levels), 'identifiers', {}, `namespace ${JSON.stringify(levels.join('.'))}`);
    return identifiers.flatMap((id) => (isJsonObject(id) && typeof id['name'] === 'string' ? [id['name']] : [])).sort();
  }

  async listTables(filter: { namespace?: string | undefined; table?: string | undefined }): Promise<TableIdent[]> {
    const namespaces = filter.namespace !== undefined ? [this.levelsOf(filter.namespace)] : await this.listNamespaces();
    const out: TableIdent[] = [];
    for (const levels of namespaces) {
      const namespace = this.joined(levels);
      for (const name of await this.listTablesIn(levels)) {
        if (filter.table === undefined || filter.table === name) out.push({ catalog: this.name, namespace, name });
      }
    }
    return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  }

  /** `loadTable` with every snapshot (a refs-only view would make other snapshots' files look unreferenced). */
  async loadTable(ident: TableIdent): Promise<LoadedTable> {
    const what = `table ${JSON.stringify(`${ident.namespace}.${ident.name}`)}`;
    const body = await this.ok({
      method: 'GET',
      path: this.paths.table(this.levelsOf(ident.namespace), ident.name),
      query: { snapshots: 'all' },
      headers: { 'X-Iceberg-Access-Delegation': 'vended-credentials' },
    }, what);
    const result = isJsonObject(body) ? body : {};
    const location = result['metadata-location'];
    const metadata = result['metadata'];
    if (typeof location !== 'string' || !isJsonObject(metadata)) {
      throw new IcebergError('INVALID_INPUT', 'has no committed metadata location (a staged table?)', { subject: identText(ident) });
    }
    const credentials = Array.isArray(result['storage-credentials']) ? result['storage-credentials'] : [];
    const table: LoadedTable = {
      metadataLocation: location,
      metadata,
      config: stringRecord(result['config']),
      storageCredentials: credentials.flatMap((c) => (isJsonObject(c) && typeof c['prefix'] === 'string' ? [{ prefix: c['prefix'], config: stringRecord(c['config']) }] : [])),
    };
    this.loaded.set(identText(ident), table);
    this.deps.onLoaded?.(ident, table);
    return table;
  }

  /** The location of a table this catalog has loaded (for the journal beside its metadata). */
  loadedLocation(ident: TableIdent): string | undefined {
    const location = this.loaded.get(identText(ident))?.metadata['location'];
    return typeof location === 'string' ? location : undefined;
  }

  async loadPointer(ident: TableIdent): Promise<string> {
    return (await this.loadTable(ident)).metadataLocation;
  }

  /**
   * The pointer-swap form, for callers that wrote `newLocation` themselves (the job calls `commitChange`): the
   * server writes its own file, so ours is sent as updates and then removed whatever the outcome: the server
   * never saw its path, so nothing can reference it.
   */
  async commit(ident: TableIdent, oldLocation: string, newLocation: string): Promise<CommitOutcome> {
    const next = parseMetadataBytes(await this.io.read(newLocation), newLocation);
    try {
      return (await this.commitChange(ident, { baseLocation: oldLocation, next })).outcome;
    } finally {
      await this.io.deleteFiles([newLocation]);
    }
  }

  /** Commits `next` over the table as loaded at `baseLocation`; the server writes the metadata file. */
  async commitChange(ident: TableIdent, change: MetadataChange): Promise<CommitResult> {
    const base = change.base ?? (await this.baseDocument(ident, change.baseLocation));
    const request = commitRequest(base, change.next, change.baseLocation);
    if (request.updates.length === 0) return { outcome: 'committed', location: change.baseLocation };
    const what = `the commit to table ${JSON.stringify(`${ident.namespace}.${ident.name}`)}`;
    // A server that replays by Idempotency-Key turns "no answer" into a definite one: send the same request again.
    const key = this.config.idempotencyKeyLifetime === undefined ? undefined : uuidV7(Date.now());
    const post = async (): Promise<RestAnswer | undefined> => {
      try {
        return await this.http.send({ method: 'POST', path: this.paths.table(this.levelsOf(ident.namespace), ident.name), json: request, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });
      } catch (error) {
        if (!(error instanceof RestUnreachable)) throw error;
        return undefined;
      }
    };
    let answer = await post();
    if (key !== undefined && (answer === undefined || answer.status >= 500) && this.deps.signal?.aborted !== true) answer = await post();
    if (answer === undefined) return this.outcomeAfterNoAnswer(ident, change.baseLocation, change.next);
    if (answer.status === 200) {
      const location = isJsonObject(answer.body) && typeof answer.body['metadata-location'] === 'string' ? answer.body['metadata-location'] : undefined;
      return { outcome: 'committed', location };
    }
    if (answer.status === 409) return { outcome: 'conflict', location: undefined };
    // 500, 502, 504: the spec's CommitStateUnknownException; 503 and other 5xx may have been partly processed.
    if (answer.status >= 500) return this.outcomeAfterNoAnswer(ident, change.baseLocation, change.next);
    throw restError(answer.status, answer.body, { catalog: this.name, what });
  }

  private async baseDocument(ident: TableIdent, baseLocation: string): Promise<JsonObject> {
    const cached = this.loaded.get(identText(ident));
    if (cached !== undefined && cached.metadataLocation === baseLocation) return cached.metadata;
    return parseMetadataBytes(await this.io.read(baseLocation), baseLocation);
  }

  /** No definite answer: reload the table and judge from what it holds now (./commit-outcome.ts). */
  private async outcomeAfterNoAnswer(ident: TableIdent, baseLocation: string, next: JsonObject): Promise<CommitResult> {
    try {
      const current = await this.loadTable(ident);
      return judgeReloaded({ location: current.metadataLocation, metadata: current.metadata }, baseLocation, next);
    } catch {
      return { outcome: 'unknown', location: undefined };
    }
  }
}
