/**
 * The catalog database: one pg pool, opened from typed settings (the command layer resolves flags and
 * variables), with an error listener on the pool and on every client, and a close that returns only
 * once every connection is really gone. pg's own `end()` resolves before its clients have closed, so a
 * server stopping right after it could still send them 57P01, an 'error' event nobody listened for.
 */
import { createRequire } from 'node:module';
import type pg from 'pg';
import { IcebergError } from '../errors.js';

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export interface CatalogConnectionSettings {
  readonly host: string;
  readonly port: number | undefined;
  readonly user: string;
  readonly database: string | undefined;
  /** From the URI held in a variable, or PGPASSWORD; never from a flag. */
  readonly password: string | undefined;
  readonly sslMode: SslMode | undefined;
  readonly poolSize: number;
  /** How the database is named in messages: the URI without password or query. */
  readonly display: string;
}

export interface CatalogPool {
  readonly pool: pg.Pool;
  /** Ends every client and resolves once all their connections have closed. Safe to call twice. */
  close(): Promise<void>;
}

function sslOption(mode: SslMode | undefined): pg.PoolConfig['ssl'] {
  switch (mode) {
    case undefined: case 'disable': case 'allow': case 'prefer': return undefined;
    case 'require': case 'verify-ca': return { rejectUnauthorized: false };
    case 'verify-full': return { rejectUnauthorized: true };
  }
}

// Required when a pool is opened, not imported: loading pg takes a tenth of a second that every CLI
// command would otherwise pay at start-up.
const require = createRequire(import.meta.url);

export function openCatalogPool(settings: CatalogConnectionSettings): CatalogPool {
  const ssl = sslOption(settings.sslMode);
  const { Pool } = require('pg') as typeof pg;
  const pool = new Pool({
    host: settings.host,
    user: settings.user,
    ...(settings.port !== undefined ? { port: settings.port } : {}),
    ...(settings.database !== undefined ? { database: settings.database } : {}),
    ...(settings.password !== undefined ? { password: settings.password } : {}),
    ...(ssl !== undefined ? { ssl } : {}),
    max: settings.poolSize,
    connectionTimeoutMillis: 30_000,
  });
  const open = new Set<pg.PoolClient>();
  const drained: Array<() => void> = [];
  // An idle client's error (the server restarting) surfaces on the next query instead of crashing the process.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    open.add(client);
    client.on('error', () => {});
  });
  pool.on('remove', (client) => {
    open.delete(client);
    if (open.size === 0) for (const resolve of drained.splice(0)) resolve();
  });
  let closing: Promise<void> | undefined;
  return {
    pool,
    close: () => {
      closing ??= pool.end().then(() => (open.size === 0 ? undefined : new Promise<void>((resolve) => drained.push(resolve))));
      return closing;
    },
  };
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** A failure to reach or log in to the catalog database, as a typed error naming the database and the fix. */
export function connectionError(error: unknown, display: string): IcebergError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const subject = `catalog database ${display}`;
  if (code === '28P01' || code === '28000') {
    return new IcebergError('INVALID_INPUT', `refused the login: ${reason}`, { subject, hint: 'check the user in --catalog-uri and the password in PGPASSWORD (or in the URI of ICEBERG_CATALOG_URI / DATABASE_URL)', cause: error });
  }
  if (code === '3D000') return new IcebergError('INVALID_INPUT', reason ?? 'database does not exist', { subject, hint: 'check the database name in --catalog-uri', cause: error });
  if (/\bssl\b|certificate/i.test(reason ?? '')) {
    return new IcebergError('INVALID_INPUT', `TLS failed: ${reason}`, { subject, hint: 'check --catalog-ssl-mode (or sslmode in the URI, or PGSSLMODE)', cause: error });
  }
  const network = typeof code === 'string' && (UNREACHABLE.has(code) || code.startsWith('08') || code.startsWith('57P'));
  if (network || /timeout|terminated/i.test(reason ?? '')) {
    return new IcebergError('UNAVAILABLE', `cannot be reached: ${reason}`, { subject, hint: 'check the host and port in --catalog-uri and that PostgreSQL is running', cause: error });
  }
  return new IcebergError('INVALID_INPUT', `cannot be used: ${reason}`, { subject, cause: error });
}
