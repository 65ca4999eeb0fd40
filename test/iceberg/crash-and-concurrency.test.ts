import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSqlCatalog, type TableCatalog } from '../../src/iceberg/catalog/sql-catalog.js';
import type { FileIO } from '../../src/iceberg/io/file-io.js';
import { expireTable, type TableJobDeps } from '../../src/iceberg/job/expire-table.js';
import { PostgresCleanupJournal } from '../../src/iceberg/journal/postgres-journal.js';
import { createCatalog, listFiles } from '../support/iceberg/fixtures.js';
import { jobDeps } from '../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';
import { register, scratchTable, type ScratchTable } from '../support/iceberg/scratch.js';
import { missingReferencedFiles } from '../support/iceberg/verify.js';
import { commitSnapshotReusing } from './support/other-writer.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T00:00:00Z');
const RETENTION = { defaultMaxSnapshotAgeMs: 90 * DAY, expireOlderThanMs: NOW - 15 * DAY };
let db: TestDatabase;
let pool: pg.Pool;
let counter = 0;

/** 30 daily snapshots with appends, removals and position deletes; the last 15 days are kept. */
async function history(table: ScratchTable): Promise<string> {
  const live: string[] = [];
  for (let day = 30; day >= 1; day--) {
    const remove = day % 4 === 0 && live.length > 2 ? live.splice(0, 2) : [];
    const id = await table.builder.commit({ timestampMs: NOW - day * DAY, addData: 2, addPositionDeletes: day % 5 === 0 ? 1 : 0, remove });
    live.splice(0, live.length, ...table.builder.liveFiles(id));
  }
  return table.builder.writeMetadata();
}

async function registered(table: ScratchTable): Promise<{ ident: { catalog: string; namespace: string; name: string }; location: string }> {
  const location = await history(table);
  const name = `t${++counter}`;
  await register(pool, 'c', name, location);
  return { ident: { catalog: 'c', namespace: 'ns', name }, location };
}

/** The harness's deps plus the cleanup journal in the catalog database, as `expire()` wires them. */
function journalled(...args: Parameters<typeof jobDeps>): TableJobDeps {
  return { ...jobDeps(...args), journal: new PostgresCleanupJournal(pool) };
}

const notMetadataJson = (files: string[]): string[] => files.filter((f) => !f.endsWith('.metadata.json'));

/** The files an uninterrupted run leaves, for the same history. */
async function referenceFiles(): Promise<string[]> {
  const table = scratchTable('reference');
  const { ident } = await registered(table);
  await expireTable(ident, { dryRun: false, retention: RETENTION }, journalled(new PostgresSqlCatalog(pool, 'c'), table.io, NOW));
  return notMetadataJson(listFiles(table.dir));
}

async function assertHealthy(io: FileIO, ident: { catalog: string; namespace: string; name: string }): Promise<void> {
  const pointer = await new PostgresSqlCatalog(pool, 'c').loadPointer(ident);
  expect(await missingReferencedFiles(io, pointer)).toEqual([]);
}

class CrashingCatalog implements TableCatalog {
  constructor(private readonly inner: TableCatalog, private readonly mode: 'before-commit' | 'after-commit' | 'unknown-after-commit') {}
  listTables: TableCatalog['listTables'] = (f) => this.inner.listTables(f);
  loadPointer: TableCatalog['loadPointer'] = (i) => this.inner.loadPointer(i);
  async commit(...args: Parameters<TableCatalog['commit']>): ReturnType<TableCatalog['commit']> {
    if (this.mode === 'before-commit') throw new Error('killed before the commit');
    await this.inner.commit(...args);
    if (this.mode === 'after-commit') throw new Error('killed after the commit');
    return 'unknown';
  }
}

function crashingDeletes(io: FileIO, after: number): FileIO {
  let budget = after;
  return {
    read: (p) => io.read(p), writeNew: (p, d) => io.writeNew(p, d), size: (p) => io.size(p),
    async deleteFiles(paths) {
      const allowed = paths.slice(0, Math.max(0, budget));
      budget -= allowed.length;
      const failures = await io.deleteFiles(allowed);
      if (allowed.length < paths.length) throw new Error('killed during deletes');
      return failures;
    },
  };
}

describe('crash points and concurrent writers', () => {
  let reference: string[];
  beforeAll(async () => {
    db = await startTestDatabase('crash');
    pool = db.pool();
    await createCatalog(pool, 'V0');
    reference = await referenceFiles();
  });
  afterAll(async () => {
    await db?.stop();
  });

  it.each(['before-commit', 'after-commit', 'unknown-after-commit'] as const)('a run that dies %s deletes nothing; a re-run finishes the cleanup', async (mode) => {
    const table = scratchTable(mode);
    const { ident } = await registered(table);
    const before = notMetadataJson(listFiles(table.dir));
    expect(reference.length).toBeLessThan(before.length - 20);
    const crashed = await expireTable(ident, { dryRun: false, retention: RETENTION }, journalled(new CrashingCatalog(new PostgresSqlCatalog(pool, 'c'), mode), table.io, NOW));
    expect(crashed.status).toBe('failed');
    if (mode === 'unknown-after-commit') expect(crashed.error?.code).toBe('UNKNOWN_OUTCOME');
    expect(notMetadataJson(listFiles(table.dir))).toEqual(before);
    await assertHealthy(table.io, ident);

    const rerun = await expireTable(ident, { dryRun: false, retention: RETENTION }, journalled(new PostgresSqlCatalog(pool, 'c'), table.io, NOW));
    expect(rerun.error).toBeUndefined();
    expect(notMetadataJson(listFiles(table.dir))).toEqual(reference);
    await assertHealthy(table.io, ident);
  });

  it.each([0, 3, 25])('a run killed after %i deletions leaves a loadable table; a re-run finishes the cleanup', async (deletions) => {
    const table = scratchTable(`deletes${deletions}`);
    const { ident } = await registered(table);
    const crashed = await expireTable(ident, { dryRun: false, retention: RETENTION }, journalled(new PostgresSqlCatalog(pool, 'c'), crashingDeletes(table.io, deletions), NOW));
    expect(crashed.warnings.join('\n')).toContain('killed during deletes');
    expect(crashed.warnings.join('\n')).toContain('the journal keeps it for the next run');
    await assertHealthy(table.io, ident);
    const rerun = await expireTable(ident, { dryRun: false, retention: RETENTION }, journalled(new PostgresSqlCatalog(pool, 'c'), table.io, NOW));
    expect(rerun.status).toBe('nothing-to-expire');
    expect(rerun.resumedDeletions).toBeGreaterThan(0);
    expect(notMetadataJson(listFiles(table.dir))).toEqual(reference);
    await assertHealthy(table.io, ident);
  });

  it('a writer committing during expiration wins the race; expiration re-plans and its snapshot survives', async () => {
    const table = scratchTable('writer');
    const { ident, location } = await registered(table);
    const real = new PostgresSqlCatalog(pool, 'c');
    let writerSnapshot: bigint | undefined;
    const racing: TableCatalog = {
      listTables: (f) => real.listTables(f),
      loadPointer: (i) => real.loadPointer(i),
      async commit(i, oldLocation, newLocation) {
        if (writerSnapshot === undefined) {
          writerSnapshot = await table.builder.commit({ timestampMs: NOW - 1000, addData: 3 });
          const written = await table.builder.writeMetadata();
          expect(await real.commit(i, location, written)).toBe('committed');
        }
        return real.commit(i, oldLocation, newLocation);
      },
    };
    const log: string[] = [];
    const summary = await expireTable(ident, { dryRun: false, retention: RETENTION }, journalled(racing, table.io, NOW, log));
    expect(summary.status).toBe('expired');
    expect(summary.commitAttempts).toBe(2);
    expect(log.join('\n')).toContain('commit conflict, re-planning (attempt 2)');
    const pointer = await real.loadPointer(ident);
    const text = (await table.io.read(pointer)).toString();
    expect(text).toContain(`"snapshot-id": ${writerSnapshot}`);
    expect(summary.snapshotsAfter).toBe(16);
    for (const f of table.builder.liveFiles(writerSnapshot as bigint)) expect(await table.io.size(f)).toBeGreaterThan(0);
    await assertHealthy(table.io, ident);
  });

  it('a writer committing between our commit and our cleanup, re-adding an expired data file: the cleanup re-checks and keeps it', async () => {
    const table = scratchTable('between');
    const { ident } = await registered(table);
    const real = new PostgresSqlCatalog(pool, 'c');
    const before = notMetadataJson(listFiles(table.dir));
    const dry = await expireTable(ident, { dryRun: true, retention: RETENTION }, journalled(real, table.io, NOW));
    const planned = (dry.plannedDeletions ?? []).map((d) => d.path);
    const reused = (dry.plannedDeletions ?? []).find((d) => d.kind === 'data')?.path as string;
    expect(reused).toBeDefined();
    const between: TableCatalog = {
      listTables: (f) => real.listTables(f),
      loadPointer: (i) => real.loadPointer(i),
      async commit(i, oldLocation, newLocation) {
        const outcome = await real.commit(i, oldLocation, newLocation);
        if (outcome === 'committed') await commitSnapshotReusing(real, table.io, i, [reused], NOW - 1000);
        return outcome;
      },
    };
    const summary = await expireTable(ident, { dryRun: false, retention: RETENTION }, journalled(between, table.io, NOW));
    expect(summary.status).toBe('expired');
    expect(summary.files.data.count).toBe(dry.files.data.count - 1);
    const root = `${table.builder.location.replace(/\/t$/, '')}/`;
    const rel = (p: string) => p.slice(root.length);
    const writerFiles = notMetadataJson(listFiles(table.dir)).filter((f) => /writer/.test(f));
    expect(writerFiles).toHaveLength(2); // its manifest and its list
    const expected = [...before.filter((f) => !planned.map(rel).includes(f)), rel(reused), ...writerFiles].sort();
    expect(notMetadataJson(listFiles(table.dir))).toEqual(expected);
    await assertHealthy(table.io, ident);
    expect(await new PostgresCleanupJournal(pool).pending(ident)).toEqual([]);
  });

  it('F5: a table that keeps changing gives up, and the summary counts the attempts the message names', async () => {
    const table = scratchTable('giveup');
    table.builder.setProperty('commit.retry.num-retries', '1');
    const { ident } = await registered(table);
    const real = new PostgresSqlCatalog(pool, 'c');
    const alwaysBehind: TableCatalog = {
      listTables: (f) => real.listTables(f),
      loadPointer: (i) => real.loadPointer(i),
      commit: async () => 'conflict',
    };
    const summary = await expireTable(ident, { dryRun: false, retention: RETENTION }, journalled(alwaysBehind, table.io, NOW));
    expect(summary.error?.code).toBe('CONFLICT');
    expect(summary.error?.message).toContain('gave up after 2 commit attempt(s)');
    expect(summary.commitAttempts).toBe(2);
    expect(await new PostgresCleanupJournal(pool).pending(ident)).toEqual([]);
    expect(listFiles(table.dir).filter((f) => f.endsWith('.metadata.json'))).toHaveLength(1); // both attempts' files removed
  });

  it('a connection lost during the UPDATE is resolved by re-reading the row', async () => {
    for (const landed of [true, false]) {
      const table = scratchTable(`lost${String(landed)}`);
      const { ident } = await registered(table);
      let dropped = false;
      const flaky = {
        query: async (sql: string, params?: unknown[]) => {
          if (!dropped && sql.startsWith('UPDATE')) {
            dropped = true;
            if (landed) await pool.query(sql, params);
            throw Object.assign(new Error('Connection terminated unexpectedly'), {});
          }
          return pool.query(sql, params);
        },
      } as unknown as pg.Pool;
      const summary = await expireTable(ident, { dryRun: false, retention: RETENTION }, journalled(new PostgresSqlCatalog(flaky, 'c'), table.io, NOW));
      expect(summary.status).toBe('expired');
      expect(summary.commitAttempts).toBe(landed ? 1 : 2);
      expect(notMetadataJson(listFiles(table.dir))).toEqual(reference);
      await assertHealthy(table.io, ident);
    }
  });
});
