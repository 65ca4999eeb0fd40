/**
 * F2: `--now` is one fixed instant for every cutoff: the 90-day default, history.expire.max-snapshot-age-ms and a
 * ref's max-ref-age-ms. A snapshot exactly at the cutoff is kept (Java retains `timestamp >= cutoff` and refs with
 * `now - timestamp <= max-ref-age-ms`), however much wall time passes during the run.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSqlCatalog } from '../../src/iceberg/catalog/sql-catalog.js';
import { runExpiration } from '../../src/iceberg/job/run.js';
import { PostgresCleanupJournal } from '../../src/iceberg/journal/postgres-journal.js';
import { createCatalog } from '../support/iceberg/fixtures.js';
import { mappedIO } from '../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';
import { register, scratchTable } from '../support/iceberg/scratch.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T00:00:00Z');
let db: TestDatabase;
let pool: pg.Pool;

describe('one fixed --now for every cutoff (F2)', () => {
  const ids = new Map<string, bigint[]>();
  beforeAll(async () => {
    db = await startTestDatabase('fixed-now');
    pool = db.pool();
    await createCatalog(pool, 'V0');
    // Default 90 days, plus a tag exactly max-ref-age-ms old on the oldest snapshot.
    const byDefault = scratchTable('now-default');
    const d1 = await byDefault.builder.commit({ timestampMs: NOW - 100 * DAY, addData: 1 });
    const d2 = await byDefault.builder.commit({ timestampMs: NOW - 90 * DAY, addData: 1 });
    const d3 = await byDefault.builder.commit({ timestampMs: NOW - DAY, addData: 1 });
    byDefault.builder.ref('audit', 'tag', d1, { 'max-ref-age-ms': 100 * DAY });
    await register(pool, 'now', 'by_default', await byDefault.builder.writeMetadata());
    ids.set('by_default', [d1, d2, d3]);
    // The table's own history.expire.max-snapshot-age-ms.
    const byProperty = scratchTable('now-property');
    byProperty.builder.setProperty('history.expire.max-snapshot-age-ms', String(10 * DAY));
    const p1 = await byProperty.builder.commit({ timestampMs: NOW - 20 * DAY, addData: 1 });
    const p2 = await byProperty.builder.commit({ timestampMs: NOW - 10 * DAY, addData: 1 });
    const p3 = await byProperty.builder.commit({ timestampMs: NOW - DAY, addData: 1 });
    await register(pool, 'now', 'by_property', await byProperty.builder.writeMetadata());
    ids.set('by_property', [p1, p2, p3]);
  });
  afterAll(async () => {
    await db?.stop();
  });

  it('keeps the snapshots and the ref exactly at their cutoffs while the wall clock moves on', async () => {
    let wall = NOW;
    const run = await runExpiration(
      { selection: { catalogName: 'now', namespace: undefined, table: undefined }, shard: { index: 0, count: 1 }, retention: { olderThan: undefined, retainLast: undefined, expireSnapshotIds: [] }, dryRun: true, now: NOW },
      { catalog: new PostgresSqlCatalog(pool, 'now'), io: mappedIO([]), journal: new PostgresCleanupJournal(pool), log: () => {}, clock: () => (wall += 3_600_000) },
    );
    const byTable = new Map(run.tables.map((t) => [t.table, t]));
    expect(byTable.get('now.ns.by_default')?.expiredSnapshotIds).toEqual([]);
    expect(byTable.get('now.ns.by_default')?.droppedRefs).toEqual([]);
    expect(byTable.get('now.ns.by_property')?.expiredSnapshotIds).toEqual([String(ids.get('by_property')?.[0])]);
    expect(run.now).toBe('2026-11-26T00:00:00.000Z');
  });
});
