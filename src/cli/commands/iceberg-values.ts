/**
 * The value parsers of the Iceberg commands (expire-snapshots, remove-orphans), built on the shared ones, and
 * the one place that turns their catalog flags and the libpq variables into connection settings. Refusals
 * name the command, whose help they point at.
 */
import { resolve } from 'node:path';
import type { CatalogConnectionSettings, SslMode } from '../../iceberg/catalog/connection.js';
import { DEFAULT_SCOPE, type RestAuth, type RestCatalogSettings } from '../../iceberg/catalog/rest/settings.js';
import type { LocationMapping } from '../../iceberg/io/location-map.js';
import type { OlderThan } from '../../iceberg/job/options.js';
import { UsageError } from '../errors.js';
import { DURATION_HINT, tryParseDuration } from '../options/duration.js';
import { enumValue } from '../options/enum.js';
import { parseInstant } from '../options/instant.js';
import { InvalidValue, type Parser } from '../options/invalid-value.js';
import { checkPath } from '../options/path.js';
import { displayPostgresUri, displayUrl, postgresUriValue, urlValue } from '../options/url.js';

/** `90d`, `36h` (an age before --now) or a strict ISO 8601 instant (an absolute cutoff). */
export const olderThanValue: Parser<OlderThan> = (text) => {
  const ms = tryParseDuration(text);
  if (ms !== undefined) return { kind: 'age', ms };
  // Anything that starts like a date is held to the instant rules, so `2026-13-45` says what is wrong with it.
  if (/^\d{4}-/.test(text)) return { kind: 'instant', ms: parseInstant(text) };
  throw new InvalidValue('is neither a duration nor an ISO 8601 instant', `${DURATION_HINT}, or a date-time with a zone`);
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A 64-bit snapshot id, as canonical decimal text (never a JS number: ids pass 2^53). */
export const snapshotIdValue: Parser<string> = (text) => {
  const trimmed = text.trim();
  const id = /^-?\d{1,19}$/.test(trimmed) ? BigInt(trimmed) : undefined;
  if (id === undefined || id < INT64_MIN || id > INT64_MAX) throw new InvalidValue('is not a 64-bit snapshot id', 'give the decimal snapshot-id from the table metadata, e.g. 9158179788527662767');
  return id.toString();
};

const S3_TARGET = /^s3[an]?:\/\//;

/** `PREFIX=TARGET`: TARGET an existing directory (relative to the working directory) or an s3:// location. */
export const locationMappingValue: Parser<LocationMapping> = async (text, context) => {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1) throw new InvalidValue('is not PREFIX=TARGET', 'e.g. --map-location s3a://bucket/warehouse=/mnt/warehouse');
  const prefix = text.slice(0, at);
  const target = text.slice(at + 1);
  if (S3_TARGET.test(target)) return { prefix, target };
  try {
    return { prefix, target: await checkPath(resolve(context.cwd, target), 'dir') };
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    throw new InvalidValue(`has a target that ${error.reason}`, error.hint ?? 'give an existing directory (or an s3:// location) after =');
  }
};

const PASSWORD_FROM = 'PGPASSWORD, or in ICEBERG_CATALOG_URI or DATABASE_URL';
const flagUri = postgresUriValue({ allowPassword: false, passwordFrom: PASSWORD_FROM });
const variableUri = postgresUriValue({ allowPassword: true, passwordFrom: PASSWORD_FROM });

/** `jdbc:postgresql://…` as JdbcCatalog users write it, checked like any postgres:// URI. */
function withoutJdbc(text: string): string {
  return text.startsWith('jdbc:') ? text.slice(5) : text;
}

const REST_CREDENTIALS_FROM = 'GUARDRAILS_ICEBERG_REST_CREDENTIAL (client_id:secret) or GUARDRAILS_ICEBERG_REST_TOKEN';
const restUri = urlValue({ credentialsFrom: REST_CREDENTIALS_FROM });
const isHttp = (text: string) => /^https?:\/\//i.test(text.trim());

/** The URI safe to print: no password, no query. */
export function displayCatalogUri(text: string): string {
  return isHttp(text) ? displayUrl(text) : displayPostgresUri(withoutJdbc(text));
}

/**
 * `--catalog-uri`: a PostgreSQL URI (SQL catalog) or an http(s) base URI (REST catalog), never with a password
 * on a command line, where any process listing shows it (nor `?password=`).
 */
export const catalogUriValue: Parser<string> = async (text, context) => {
  if (isHttp(text)) return restUri(text, context);
  const uri = await flagUri(withoutJdbc(text), context);
  if (new URL(uri).searchParams.has('password')) throw new InvalidValue('holds a password', `put it in ${PASSWORD_FROM}, never on the command line`);
  return uri;
};

export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const satisfies readonly SslMode[];
const sslModeValue = enumValue(SSL_MODES);

type Env = Readonly<Record<string, string | undefined>>;

/** `parse(text)`, its InvalidValue turned into the layer's one-line refusal naming `where` (`$PGPORT`). */
function checked<T>(command: string, where: string, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    throw new UsageError(`${where} ${JSON.stringify(text)} ${error.reason}${error.hint ? `; ${error.hint}` : ''}`, command);
  }
}

function set(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The URI from the flag, else from ICEBERG_CATALOG_URI or DATABASE_URL (which may hold a password). */
async function catalogUri(command: string, flag: string | undefined, env: Env): Promise<{ uri: string; where: string } | undefined> {
  if (flag !== undefined) return { uri: flag, where: '--catalog-uri' };
  for (const name of ['ICEBERG_CATALOG_URI', 'DATABASE_URL']) {
    const text = set(env, name);
    if (text === undefined) continue;
    try {
      return { uri: await variableUri(withoutJdbc(text), { cwd: '.' }), where: `$${name}` };
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      throw new UsageError(`$${name} ${JSON.stringify(displayCatalogUri(text))} ${error.reason}${error.hint ? `; ${error.hint}` : ''}`, command);
    }
  }
  return undefined;
}

const NO_DATABASE =
  'no catalog database given: pass --catalog-uri postgres://USER@HOST:5432/DATABASE, or set ICEBERG_CATALOG_URI or DATABASE_URL (or PGHOST and PGUSER); the password goes in PGPASSWORD or in the variable\'s URI';

/** Connection settings from the flags, the URI variables and the libpq variables, in libpq's order of precedence. */
export async function resolveConnection(command: string, flags: { uri: string | undefined; sslMode: SslMode | undefined; poolSize: number }, env: Env): Promise<CatalogConnectionSettings> {
  const given = await catalogUri(command, flags.uri, env);
  const url = given === undefined ? undefined : new URL(given.uri);
  const decode = (text: string | undefined) => (text === undefined || text === '' ? undefined : decodeURIComponent(text));
  const host = url?.searchParams.get('host') ?? decode(url?.hostname.replace(/^\[|\]$/g, '')) ?? set(env, 'PGHOST');
  const user = decode(url?.username) ?? url?.searchParams.get('user') ?? set(env, 'PGUSER');
  if (given === undefined && (host === undefined || user === undefined)) throw new UsageError(NO_DATABASE, command);
  const shown = given === undefined ? `postgres://${user ?? ''}@${host ?? ''}` : displayPostgresUri(given.uri);
  if (host === undefined) throw new UsageError(`${given?.where} ${JSON.stringify(shown)} names no host; give postgres://USER@HOST:5432/DATABASE (or set PGHOST)`, command);
  if (user === undefined) throw new UsageError(`${given?.where} ${JSON.stringify(shown)} names no user; give postgres://USER@HOST:5432/DATABASE (or set PGUSER)`, command);
  const portText = decode(url?.port) ?? set(env, 'PGPORT');
  const port = portText === undefined ? undefined : checked(command, url?.port ? `${given?.where} port` : '$PGPORT', portText, (t) => {
    if (!/^\d{1,5}$/.test(t) || Number(t) < 1 || Number(t) > 65_535) throw new InvalidValue('is not a port number', 'give 1-65535');
    return Number(t);
  });
  const uriSsl = url?.searchParams.get('sslmode') ?? undefined;
  const envSsl = set(env, 'PGSSLMODE');
  const sslMode = flags.sslMode
    ?? (uriSsl !== undefined ? checked(command, `${given?.where ?? 'URI'} sslmode`, uriSsl, (t) => sslModeValue(t, { cwd: '.' }) as SslMode) : undefined)
    ?? (envSsl !== undefined ? checked(command, '$PGSSLMODE', envSsl, (t) => sslModeValue(t, { cwd: '.' }) as SslMode) : undefined);
  const database = decode(url?.pathname.slice(1)) ?? set(env, 'PGDATABASE');
  const display = `postgres://${user}@${host}${port !== undefined ? `:${port}` : ''}/${database ?? ''}`;
  return { host, port, user, database, password: decode(url?.password) ?? url?.searchParams.get('password') ?? set(env, 'PGPASSWORD'), sslMode, poolSize: flags.poolSize, display };
}

export const CATALOG_TYPES = ['sql', 'rest'] as const;
export type CatalogType = (typeof CATALOG_TYPES)[number];

/** Flags that only one catalog type reads, refused with the other so nothing is silently ignored. */
export function checkCatalogFlags(command: string, type: CatalogType, given: { uri: string | undefined; sslMode: unknown; warehouse: unknown; oauth2ServerUri: unknown }): void {
  const refuse = (flag: string, other: CatalogType) => {
    throw new UsageError(`${flag} applies to --catalog-type ${other} only; drop it, or pass --catalog-type ${other}`, command);
  };
  if (type === 'sql' && given.uri !== undefined && isHttp(given.uri)) {
    throw new UsageError(`--catalog-uri ${JSON.stringify(displayCatalogUri(given.uri))} is an http(s) URI, which is a REST catalog; pass --catalog-type rest, or a postgres:// URI for the SQL catalog`, command);
  }
  if (type === 'rest' && given.sslMode !== undefined) refuse('--catalog-ssl-mode', 'sql');
  if (type === 'sql' && given.warehouse !== undefined) refuse('--catalog-warehouse', 'rest');
  if (type === 'sql' && given.oauth2ServerUri !== undefined) refuse('--catalog-oauth2-server-uri', 'rest');
}

const NO_REST_URI = 'no REST catalog URI given: pass --catalog-uri https://HOST/PATH (the base before /v1), or set ICEBERG_CATALOG_URI';

/** `client_id:secret` (Java's and PyIceberg's `credential`), or a secret alone; the value is never echoed. */
function restAuth(command: string, env: Env, serverUri: string | undefined): RestAuth {
  const credential = set(env, 'GUARDRAILS_ICEBERG_REST_CREDENTIAL');
  const token = set(env, 'GUARDRAILS_ICEBERG_REST_TOKEN');
  if (credential !== undefined && token !== undefined) {
    throw new UsageError('both GUARDRAILS_ICEBERG_REST_CREDENTIAL and GUARDRAILS_ICEBERG_REST_TOKEN are set; set only one (client credentials, or a bearer token)', command);
  }
  if (token !== undefined) return { kind: 'bearer', token };
  if (credential === undefined) return { kind: 'none' };
  const at = credential.indexOf(':');
  const clientId = at < 0 ? '' : credential.slice(0, at);
  const clientSecret = at < 0 ? credential : credential.slice(at + 1);
  if (clientSecret === '') throw new UsageError('$GUARDRAILS_ICEBERG_REST_CREDENTIAL has an empty secret; give client_id:client_secret', command);
  return { kind: 'oauth2', clientId, clientSecret, serverUri, scope: DEFAULT_SCOPE };
}

/** REST catalog settings from the flags and ICEBERG_CATALOG_URI, GUARDRAILS_ICEBERG_REST_CREDENTIAL / _TOKEN. */
export async function resolveRestSettings(command: string, flags: { uri: string | undefined; warehouse: string | undefined; oauth2ServerUri: string | undefined }, env: Env): Promise<RestCatalogSettings> {
  let uri = flags.uri;
  let where = '--catalog-uri';
  if (uri === undefined) {
    const text = set(env, 'ICEBERG_CATALOG_URI');
    if (text === undefined) throw new UsageError(NO_REST_URI, command);
    where = '$ICEBERG_CATALOG_URI';
    uri = text;
  }
  if (!isHttp(uri)) throw new UsageError(`${where} ${JSON.stringify(displayCatalogUri(uri))} is not an http(s) URI; --catalog-type rest needs the catalog's base URI, e.g. https://catalog.example.com/api/catalog`, command);
  let checkedUri: string;
  try {
    checkedUri = restUri(uri, { cwd: '.' }) as string;
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    throw new UsageError(`${where} ${JSON.stringify(displayCatalogUri(uri))} ${error.reason}${error.hint ? `; ${error.hint}` : ''}`, command);
  }
  return { uri: checkedUri, warehouse: flags.warehouse, auth: restAuth(command, env, flags.oauth2ServerUri), requestTimeoutMs: 30_000 };
}
