/**
 * PostgreSQL connection settings: a URI (postgres://… or a JDBC-style jdbc:postgresql://…) or the standard PG*
 * variables, plus TLS and pool size.
 */
import pg from 'pg';
import { IcebergError } from '../errors.js';

export interface CatalogConnectionSettings {
  /** postgres:// URI; undefined → PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE. */
  readonly uri: string | undefined;
  /** disable | require | verify-full; undefined → the URI's sslmode or PGSSLMODE. */
  readonly sslMode: string | undefined;
  readonly poolSize: number;
}

function normaliseUri(uri: string): string {
  const bare = uri.startsWith('jdbc:') ? uri.slice(5) : uri;
  if (!/^postgres(ql)?:\/\//.test(bare)) {
    throw new IcebergError('INVALID_INPUT', `--catalog-uri ${JSON.stringify(uri)} is not a PostgreSQL URI`, { hint: 'use postgres://user:password@host:5432/database' });
  }
  return bare;
}

function sslOption(mode: string | undefined): pg.PoolConfig['ssl'] {
  switch (mode) {
    case undefined: case '': case 'disable': case 'allow': case 'prefer': return undefined;
    case 'require': case 'verify-ca': return { rejectUnauthorized: false };
    case 'verify-full': return { rejectUnauthorized: true };
    default: throw new IcebergError('INVALID_INPUT', `TLS mode ${JSON.stringify(mode)} is unknown`, { hint: 'use disable, require, verify-ca or verify-full' });
  }
}

/** The standard libpq variables, taken from the command's environment (not necessarily process.env). */
function fromPgVariables(env: Readonly<Record<string, string | undefined>>): pg.PoolConfig {
  const port = env['PGPORT'];
  if (port !== undefined && !/^\d+$/.test(port)) throw new IcebergError('INVALID_INPUT', `PGPORT=${JSON.stringify(port)} is not a port number`);
  const config: pg.PoolConfig = { host: env['PGHOST'], user: env['PGUSER'], password: env['PGPASSWORD'], database: env['PGDATABASE'] };
  if (port !== undefined) config.port = Number(port);
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as pg.PoolConfig;
}

export function createPool(settings: CatalogConnectionSettings, env: Readonly<Record<string, string | undefined>>): pg.Pool {
  const sslMode = settings.sslMode ?? env['PGSSLMODE'];
  const ssl = sslOption(sslMode);
  return new pg.Pool({
    ...(settings.uri !== undefined ? { connectionString: normaliseUri(settings.uri) } : fromPgVariables(env)),
    ...(ssl !== undefined ? { ssl } : {}),
    max: settings.poolSize,
    connectionTimeoutMillis: 30_000,
  });
}
