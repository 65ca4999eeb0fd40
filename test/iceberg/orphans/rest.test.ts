/**
 * `guardrails remove-orphans --catalog-type rest`: the same fixture table, with the same orphans planted, loses
 * exactly the same files through the test REST catalog (every exchange checked against the OpenAPI description)
 * as through the SQL catalog; the two-phase mode, which needs the SQL database, is refused before anything runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, FIXTURES_PRESENT, copyFixture, listFiles } from '../../support/iceberg/fixtures.js';
import { serveFixtures } from '../../support/iceberg-rest/fixture-catalog.js';
import type { TestRestCatalog } from '../../support/iceberg-rest/server.js';
import { NEW, NOW, OLD, ageAll, cli, deletedSince, plant } from './support.js';

const TOKEN = 'orphans-bearer-token-3c9f';
const servers: TestRestCatalog[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe.skipIf(!FIXTURES_PRESENT)('remove-orphans --catalog-type rest (needs ../shared/iceberg-fixtures; skipped when absent)', () => {
  it('deletes the same files as through the SQL catalog, and keeps the token out of every line', async () => {
    const dir = copyFixture(FIXTURES.sparkBunnies);
    ageAll(dir, OLD);
    plant(dir, 'data/orphan-old.parquet', OLD);
    plant(dir, 'data/orphan-young.parquet', NEW);
    const server = await serveFixtures([{ fixture: FIXTURES.sparkBunnies, dir, namespace: ['web'], name: 'bunnies' }], { prefix: 'lake-1', warehouse: 'lake', auth: { kind: 'bearer', token: TOKEN } });
    servers.push(server);
    const before = listFiles(dir);
    const argv = ['--catalog-type', 'rest', '--catalog-uri', server.url, '--catalog-warehouse', 'lake', '--catalog-name', 'prod', '--now', new Date(NOW).toISOString(), '--map-location', `${FIXTURES.sparkBunnies.prefix}=${dir}`];

    const result = await cli([...argv, '--format', 'json'], { GUARDRAILS_ICEBERG_REST_TOKEN: TOKEN });

    expect(result.code, result.stderr).toBe(0);
    // As fixtures.test.ts finds through the SQL catalog for the same plants.
    expect(deletedSince(before, dir)).toEqual(['SOURCE.txt', 'data/orphan-old.parquet']);
    const report = JSON.parse(result.stdout) as { tables: Array<{ table: string; status: string; counts: { skippedTooYoung: number } }> };
    expect(report.tables.map((t) => [t.table, t.status, t.counts.skippedTooYoung])).toEqual([['prod.web.bunnies', 'cleaned', 1]]);
    expect(server.exchanges.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`)).toEqual([]);
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
    expect(server.violations).toEqual([]);
  });

  it('refuses --mark with --catalog-type rest before any request', async () => {
    const result = await cli(['--catalog-type', 'rest', '--catalog-uri', 'https://catalog.invalid/api', '--catalog-name', 'prod', '--mark'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: --mark keeps its marks in the SQL catalog database, which --catalog-type rest does not have; run the two-phase mode with --catalog-type sql, or drop it (see guardrails remove-orphans --help)\n');
  });
});
