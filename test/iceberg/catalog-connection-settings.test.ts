/** How expire-snapshots turns --catalog-uri, the URI variables and the libpq variables into connection settings. */
import { describe, expect, it } from 'vitest';
import { resolveConnection } from '../../src/cli/commands/iceberg-values.js';

const flags = { uri: undefined, sslMode: undefined, poolSize: 4 };

describe('catalog connection settings', () => {
  it('takes host, port and database from --catalog-uri and the password from PGPASSWORD', async () => {
    const settings = await resolveConnection('expire-snapshots', { ...flags, uri: 'postgres://expirer@db.internal:6432/iceberg' }, { PGPASSWORD: 'pw-from-env', DATABASE_URL: 'postgres://other:x@elsewhere/db' });
    expect(settings).toEqual({ host: 'db.internal', port: 6432, user: 'expirer', database: 'iceberg', password: 'pw-from-env', sslMode: undefined, poolSize: 4, display: 'postgres://expirer@db.internal:6432/iceberg' });
  });

  it('prefers ICEBERG_CATALOG_URI over DATABASE_URL, and keeps the password out of the display', async () => {
    const settings = await resolveConnection('expire-snapshots', flags, { ICEBERG_CATALOG_URI: 'postgresql://cat:s3cret@catalog:5432/lake', DATABASE_URL: 'postgres://claims:x@claims/db' });
    expect([settings.host, settings.user, settings.password, settings.display]).toEqual(['catalog', 'cat', 's3cret', 'postgres://cat@catalog:5432/lake']);
  });

  it('reads a jdbc: URI with user and password in its query, from a variable', async () => {
    const settings = await resolveConnection('expire-snapshots', flags, { DATABASE_URL: 'jdbc:postgresql://catalog:5432/lake?user=cat&password=q-secret' });
    expect([settings.host, settings.user, settings.password, settings.database]).toEqual(['catalog', 'cat', 'q-secret', 'lake']);
  });

  it('takes TLS from the flag first, then the URI, then PGSSLMODE', async () => {
    const uri = 'postgres://cat@catalog/lake?sslmode=require';
    expect((await resolveConnection('expire-snapshots', { ...flags, uri, sslMode: 'verify-full' }, { PGSSLMODE: 'disable' })).sslMode).toBe('verify-full');
    expect((await resolveConnection('expire-snapshots', { ...flags, uri }, { PGSSLMODE: 'disable' })).sslMode).toBe('require');
    expect((await resolveConnection('expire-snapshots', { ...flags, uri: 'postgres://cat@catalog/lake' }, { PGSSLMODE: 'verify-ca' })).sslMode).toBe('verify-ca');
    await expect(resolveConnection('expire-snapshots', { ...flags, uri: 'postgres://cat@catalog/lake?sslmode=maybe' }, {})).rejects.toThrow('--catalog-uri sslmode "maybe" is not one of disable, allow, prefer, require, verify-ca, verify-full');
  });

  it('uses the libpq variables without a URI, and a Unix socket directory as host', async () => {
    expect(await resolveConnection('expire-snapshots', flags, { PGHOST: '/var/run/postgresql', PGUSER: 'cat', PGDATABASE: 'lake', PGPORT: '5433' })).toMatchObject({ host: '/var/run/postgresql', port: 5433, user: 'cat', database: 'lake' });
    expect(await resolveConnection('expire-snapshots', { ...flags, uri: 'postgres:///lake?host=/tmp/pg' }, { PGUSER: 'cat' })).toMatchObject({ host: '/tmp/pg', user: 'cat', database: 'lake' });
  });

  it('names the input and the fix when the user or the whole database is missing', async () => {
    await expect(resolveConnection('expire-snapshots', flags, { PGHOST: 'catalog' })).rejects.toThrow(/^no catalog database given: pass --catalog-uri/);
    await expect(resolveConnection('expire-snapshots', { ...flags, uri: 'postgres://catalog/lake' }, {})).rejects.toThrow('--catalog-uri "postgres://catalog/lake" names no user; give postgres://USER@HOST:5432/DATABASE (or set PGUSER)');
  });
});
