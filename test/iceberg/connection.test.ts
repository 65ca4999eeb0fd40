/**
 * The catalog pool's lifecycle against a real PostgreSQL: `close()` returns only once every client's
 * connection has ended (pg's `end()` returns earlier, which let a stopping test server send 57P01 to
 * clients nobody listened to), and a server ending an idle client is no unhandled error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionError, openCatalogPool } from '../../src/iceberg/catalog/connection.js';
import { type TestDatabase, connectionSettings, startTestDatabase } from '../support/iceberg/postgres.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await startTestDatabase('connection');
});
afterAll(async () => {
  await db?.stop();
});

describe('the catalog pool', () => {
  it('closes only once every client has ended', async () => {
    const { pool, close } = openCatalogPool(connectionSettings(db.url, 4));
    let connected = 0;
    let ended = 0;
    pool.on('connect', (client) => {
      connected += 1;
      client.on('end', () => (ended += 1));
    });
    await Promise.all([1, 2, 3, 4].map(() => pool.query('SELECT pg_sleep(0.05)')));
    await close();
    expect([connected, ended]).toEqual([4, 4]);
    await close(); // a second close is harmless
  });

  it('survives the server ending an idle client, and keeps working', async () => {
    const { pool, close } = openCatalogPool(connectionSettings(db.url, 2));
    try {
      const pid = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      // Not events.once: it would reject on the pool's 'error', which is the event under test.
      const removed = new Promise<void>((resolve) => pool.once('remove', () => resolve()));
      let poolErrors = 0;
      pool.on('error', () => (poolErrors += 1));
      const admin = db.pool(1);
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await removed; // the idle client got 57P01 and was dropped, through the listeners, not as an unhandled error
      expect(poolErrors).toBe(1);
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
    } finally {
      await close();
    }
  });
});

describe('connection failures as typed errors', () => {
  const where = 'postgres://expirer@db:5432/iceberg';
  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'UNAVAILABLE', 'catalog database postgres://expirer@db:5432/iceberg: cannot be reached: connect ECONNREFUSED 127.0.0.1:1 (check the host and port'],
    [{ code: '57P03', message: 'the database system is starting up' }, 'UNAVAILABLE', 'cannot be reached: the database system is starting up'],
    [{ message: 'timeout expired' }, 'UNAVAILABLE', 'cannot be reached: timeout expired'],
    [{ code: '28P01', message: 'password authentication failed for user "expirer"' }, 'INVALID_INPUT', 'refused the login: password authentication failed for user "expirer" (check the user in --catalog-uri and the password in PGPASSWORD'],
    [{ code: '3D000', message: 'database "iceberg" does not exist' }, 'INVALID_INPUT', 'database "iceberg" does not exist (check the database name in --catalog-uri)'],
    [{ message: 'The server does not support SSL connections' }, 'INVALID_INPUT', 'TLS failed: The server does not support SSL connections (check --catalog-ssl-mode'],
    [{ code: '42501', message: 'permission denied for table iceberg_tables' }, 'INVALID_INPUT', 'cannot be used: permission denied for table iceberg_tables'],
  ])('%j is %s', (raw, code, message) => {
    const error = connectionError(Object.assign(new Error(raw.message), raw), where);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});
