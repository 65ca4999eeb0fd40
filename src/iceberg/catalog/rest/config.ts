/**
 * `GET /v1/config`: defaults, then our settings, then overrides (the spec's order). What the client uses:
 * `prefix` for resource paths, `namespace-separator`, and `endpoints` (absent → the spec's default set, which
 * includes everything expiration calls).
 */
import { IcebergError } from '../../errors.js';
import { isJsonObject } from '../../metadata/json.js';

export interface RestConfig {
  readonly properties: Readonly<Record<string, string>>;
  /** Path segment after `/v1`, or undefined. */
  readonly prefix: string | undefined;
  /** Decoded separator joining namespace levels in a path (`\x1F` unless the server says otherwise). */
  readonly separator: string;
  /** `"<VERB> <path template>"` the server supports, or undefined when it does not say. */
  readonly endpoints: ReadonlySet<string> | undefined;
  /** Present when the server replays requests that carry an Idempotency-Key (e.g. `PT30M`). */
  readonly idempotencyKeyLifetime: string | undefined;
}

function stringMap(value: unknown): Record<string, string> {
  if (!isJsonObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function readConfig(body: unknown, clientProperties: Readonly<Record<string, string>>, catalog: string): RestConfig {
  if (!isJsonObject(body) || !isJsonObject(body['defaults']) || !isJsonObject(body['overrides'])) {
    throw new IcebergError('UNAVAILABLE', 'answered /v1/config without defaults and overrides', { subject: `REST catalog ${catalog}`, hint: 'is --catalog-uri the base URI of an Iceberg REST catalog?' });
  }
  const properties = { ...stringMap(body['defaults']), ...clientProperties, ...stringMap(body['overrides']) };
  const endpoints = Array.isArray(body['endpoints']) ? new Set(body['endpoints'].filter((e): e is string => typeof e === 'string')) : undefined;
  const rawSeparator = properties['namespace-separator'];
  let separator = '\x1F';
  if (rawSeparator !== undefined && rawSeparator !== '') {
    try {
      separator = decodeURIComponent(rawSeparator);
    } catch {
      separator = rawSeparator;
    }
  }
  const prefix = properties['prefix'];
  const lifetime = body['idempotency-key-lifetime'];
  return { properties, prefix: prefix === undefined || prefix === '' ? undefined : prefix, separator, endpoints, idempotencyKeyLifetime: typeof lifetime === 'string' ? lifetime : undefined };
}

/** The endpoints expiration needs, as the spec writes them. */
export const ENDPOINTS = {
  listNamespaces: 'GET /v1/{prefix}/namespaces',
  listTables: 'GET /v1/{prefix}/namespaces/{namespace}/tables',
  loadTable: 'GET /v1/{prefix}/namespaces/{namespace}/tables/{table}',
  updateTable: 'POST /v1/{prefix}/namespaces/{namespace}/tables/{table}',
} as const;

export function requireEndpoints(config: RestConfig, needed: readonly string[], catalog: string): void {
  if (config.endpoints === undefined) return;
  const missing = needed.filter((e) => !config.endpoints?.has(e));
  if (missing.length > 0) {
    throw new IcebergError('INVALID_INPUT', `does not offer ${missing.join(', ')}, which expiration needs`, { subject: `REST catalog ${catalog}`, hint: 'use a catalog (or a role) that allows table commits' });
  }
}

/** Encoded resource paths under `/v1[/prefix]`. */
export class ResourcePaths {
  constructor(private readonly config: RestConfig) {}

  private root(): string {
    return this.config.prefix === undefined ? '/v1' : `/v1/${encodeURIComponent(this.config.prefix)}`;
  }

  namespace(levels: readonly string[]): string {
    return encodeURIComponent(levels.join(this.config.separator));
  }

  namespaces(): string {
    return `${this.root()}/namespaces`;
  }

  tables(levels: readonly string[]): string {
    return `${this.root()}/namespaces/${this.namespace(levels)}/tables`;
  }

  table(levels: readonly string[], name: string): string {
    return `${this.tables(levels)}/${encodeURIComponent(name)}`;
  }
}
