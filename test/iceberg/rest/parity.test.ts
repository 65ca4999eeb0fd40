/**
 * The same fixture tables plan and expire identically through the REST catalog as through the SQL catalog:
 * the same expired and kept snapshots, dropped refs and the exact same deleted files, for each table and
 * retention setting (and with --clean-expired-metadata, the same schemas and specs removed); every request and
 * response of the REST runs conforms to the OpenAPI description.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSqlCatalog } from '../../../src/iceberg/catalog/sql-catalog.js';
import { expireThroughRest } from '../../../src/iceberg/catalog/rest/expire.js';
import { loadMetadata } from '../../../src/iceberg/metadata/files.js';
import { runExpiration } from '../../../src/iceberg/job/run.js';
import type { ExpireRetention, RunOptions } from '../../../src/iceberg/job/options.js';
import type { TableSummary } from '../../../src/iceberg/job/summary.js';
import { FIXTURES, FIXTURES_PRESENT, type FixtureTable, copyFixture, createCatalog, listFiles, registerTable } from '../../support/iceberg/fixtures.js';
import { mappedIO } from '../../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../../support/iceberg/postgres.js';
import { serveFixtures } from '../../support/iceberg-rest/fixture-catalog.js';

const NOW = Date.parse('2026-11-26T00:00:00Z');
const TABLES: Array<[string, FixtureTable]> = [
  ['spark_bunnies', FIXTURES.sparkBunnies],
  ['java_bunnies', FIXTURES.javaBunnies],
  ['merch', FIXTURES.merch],
  ['eq_deletes', FIXTURES.eqDeletes],
  ['v3_puffin', FIXTURES.v3Puffin],
];
const SETTINGS: Array<[string, ExpireRetention]> = [
  ['retain-last 1, older than now', { olderThan: { kind: 'instant', ms: NOW }, retainLast: 1, expireSnapshotIds: [] }],
  ['table properties and the 90-day default', { olderThan: undefined, retainLast: undefined, expireSnapshotIds: [] }],
];

/** What must match; timings and metadata file names differ by nature. */
const COMPARED = ['status', 'dryRun', 'removedPartitionSpecIds', 'removedSchemaIds', 'snapshotsBefore', 'snapshotsAfter', 'expiredSnapshotIds', 'droppedRefs', 'files', 'bytes', 'resumedDeletions', 'deleteFailures', 'pendingDeletions', 'commitAttempts', 'error'] as const;

interface Outcome {
  readonly summary: Pick<TableSummary, (typeof COMPARED)[number]>;
  readonly deleted: string[];
  readonly keptSnapshots: string[];
}

const isNewMetadata = (before: Set<string>) => (f: string) => !before.has(f) && f.endsWith('.metadata.json');

function outcome(s: TableSummary, before: string[], after: string[], keptSnapshots: string[]): Outcome {
  const summary = Object.fromEntries(COMPARED.map((k) => [k, s[k]])) as Outcome['summary'];
  const afterSet = new Set(after);
  const beforeSet = new Set(before);
  expect(after.filter((f) => !beforeSet.has(f) && !isNewMetadata(beforeSet)(f))).toEqual([]);
  return { summary, deleted: before.filter((f) => !afterSet.has(f)), keptSnapshots };
}

let cleanExpiredMetadata = false;

function runOptions(namespace: string, table: string, retention: ExpireRetention, catalogName: string): RunOptions {
  return { selection: { catalogName, namespace, table }, shard: { index: 0, count: 1 }, retention, dryRun: false, now: NOW, cleanExpiredMetadata };
}

describe.skipIf(!FIXTURES_PRESENT)('REST and SQL catalogs expire the fixture tables identically (needs ../shared/iceberg-fixtures)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await startTestDatabase('rest-parity');
    pool = db.pool();
    await createCatalog(pool, 'V1');
  });
  afterAll(async () => {
    await db?.stop();
  });

  async function throughSql(catalogName: string, name: string, fixture: FixtureTable, retention: ExpireRetention): Promise<Outcome> {
    const dir = copyFixture(fixture);
    await registerTable(pool, { catalog: catalogName, namespace: 'web', name, metadataLocation: fixture.metadataLocation });
    const io = mappedIO([{ prefix: fixture.prefix, target: dir }]);
    const before = listFiles(dir);
    const catalog = new PostgresSqlCatalog(pool, catalogName);
    const run = await runExpiration(runOptions('web', name, retention, catalogName), { catalog, io, log: () => {}, sleep: async () => {} });
    const current = await loadMetadata(io, await catalog.loadPointer({ catalog: catalogName, namespace: 'web', name }));
    return outcome(run.tables[0] as TableSummary, before, listFiles(dir), current.view.snapshots.map((s) => s.id));
  }

  async function throughRest(catalogName: string, name: string, fixture: FixtureTable, retention: ExpireRetention): Promise<{ outcome: Outcome; violations: string[]; commits: number; actions: string[] }> {
    const dir = copyFixture(fixture);
    const server = await serveFixtures([{ fixture, dir, namespace: ['web'], name }], { prefix: 'wh-prod' });
    try {
      const before = listFiles(dir);
      const run = await expireThroughRest(
        { ...runOptions('web', name, retention, catalogName), rest: { uri: server.url, warehouse: undefined, auth: { kind: 'none' }, requestTimeoutMs: 10_000 }, files: { warehouse: process.cwd(), locationMappings: [{ prefix: fixture.prefix, target: dir }], s3: {}, maxConcurrentDeletes: 8 } },
        { log: () => {} },
      );
      const current = server.readMetadata(server.metadataLocation(['web'], name));
      const kept = (current['snapshots'] as Array<Record<string, { value: string }>>).map((s) => (s['snapshot-id'] as { value: string }).value);
      const posts = server.exchanges.filter((e) => e.method === 'POST');
      const actions = posts.flatMap((e) => (JSON.parse(e.requestText) as { updates: Array<{ action: string }> }).updates.map((u) => u.action));
      return { outcome: outcome(run.tables[0] as TableSummary, before, listFiles(dir), kept), violations: [...server.violations], commits: posts.length, actions };
    } finally {
      await server.close();
    }
  }

  for (const [settingIndex, [setting, retention]] of SETTINGS.entries()) {
    for (const [name, fixture] of TABLES) {
      it(`${name}, ${setting}`, async () => {
        const sql = await throughSql(`sql${settingIndex}`, name, fixture, retention);
        const rest = await throughRest(`sql${settingIndex}`, name, fixture, retention);
        expect(rest.violations).toEqual([]);
        expect(rest.outcome).toEqual(sql);
        expect(rest.commits).toBe(sql.summary.status === 'expired' ? 1 : 0);
        const counted = Object.values(sql.summary.files).reduce((n, f) => n + f.count, 0);
        // Never vacuous: what was counted was deleted (a file already missing, as in eq_deletes, counts too).
        expect(sql.deleted.length).toBeLessThanOrEqual(counted);
        expect(sql.deleted.length > 0).toBe(counted > 0);
      });
    }
  }

  for (const [name, fixture] of TABLES) {
    it(`${name}, retain-last 1 with --clean-expired-metadata`, async () => {
      cleanExpiredMetadata = true;
      try {
        const sql = await throughSql('clean', name, fixture, SETTINGS[0]?.[1] as ExpireRetention);
        const rest = await throughRest('clean', name, fixture, SETTINGS[0]?.[1] as ExpireRetention);
        expect(rest.violations).toEqual([]);
        expect(rest.outcome).toEqual(sql);
        // What SQL removed, REST asked the server to remove.
        expect(rest.actions.includes('remove-schemas')).toBe(sql.summary.removedSchemaIds.length > 0);
        expect(rest.actions.includes('remove-partition-specs')).toBe(sql.summary.removedPartitionSpecIds.length > 0);
      } finally {
        cleanExpiredMetadata = false;
      }
    });
  }

  it('plans the same deletions in a dry run, writing and committing nothing', async () => {
    const fixture = FIXTURES.sparkBunnies;
    const dir = copyFixture(fixture);
    const server = await serveFixtures([{ fixture, dir, namespace: ['web'], name: 'b' }]);
    try {
      const before = listFiles(dir);
      const run = await expireThroughRest(
        { ...runOptions('web', 'b', SETTINGS[0]?.[1] as ExpireRetention, 'dry'), dryRun: true, rest: { uri: server.url, warehouse: undefined, auth: { kind: 'none' }, requestTimeoutMs: 10_000 }, files: { warehouse: process.cwd(), locationMappings: [{ prefix: fixture.prefix, target: dir }], s3: {}, maxConcurrentDeletes: 8 } },
        { log: () => {} },
      );
      const summary = run.tables[0] as TableSummary;
      expect(summary.status).toBe('dry-run');
      // The fixture's documented outcome for retainLast=1: 1 data file, 1 manifest, 2 manifest lists.
      expect([summary.files.data.count, summary.files.manifests.count, summary.files['manifest-lists'].count]).toEqual([1, 1, 2]);
      expect(summary.plannedDeletions).toHaveLength(4);
      expect(listFiles(dir)).toEqual(before);
      expect(server.exchanges.filter((e) => e.method === 'POST')).toEqual([]);
      expect(server.violations).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
