/**
 * Where a stop can land inside one table's expiration, with a real catalog and real files: during planning,
 * between writing the new metadata file and the commit, and after the commit. Each must leave a loadable
 * table, undo what it wrote but did not commit, and leave the rest to the next run.
 */
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableCatalog } from '../../src/iceberg/catalog/sql-catalog.js';
import { executeFilePlan } from '../../src/iceberg/cleanup/execute.js';
import type { FileIO } from '../../src/iceberg/io/file-io.js';
import { LocalFileIO } from '../../src/iceberg/io/local.js';
import { expireTable, type TableJobDeps } from '../../src/iceberg/job/expire-table.js';
import { PostgresCleanupJournal } from '../../src/iceberg/journal/postgres-journal.js';
import { createCatalog, listFiles } from '../support/iceberg/fixtures.js';
import { jobDeps, sqlCatalog } from '../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';
import { register, scratchTable, type ScratchTable } from '../support/iceberg/scratch.js';
import { missingReferencedFiles } from '../support/iceberg/verify.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T00:00:00Z');
const RETENTION = { defaultMaxSnapshotAgeMs: 90 * DAY, expireOlderThanMs: NOW - 5 * DAY };
let db: TestDatabase;
let pool: pg.Pool;
let counter = 0;

/** The harness's deps plus the cleanup journal in the catalog database, as `expire()` wires them. */
function journalled(...args: Parameters<typeof jobDeps>): TableJobDeps {
  return { ...jobDeps(...args), journal: new PostgresCleanupJournal(pool) };
}

async function registered(): Promise<{ table: ScratchTable; ident: { catalog: string; namespace: string; name: string }; pointer: string }> {
  const table = scratchTable('stop');
  let previous: bigint | undefined;
  for (let day = 10; day >= 1; day--) {
    previous = await table.builder.commit({ timestampMs: NOW - day * DAY, addData: 3, remove: previous === undefined ? [] : table.builder.liveFiles(previous).slice(0, 2) });
  }
  const pointer = await table.builder.writeMetadata();
  const name = `t${++counter}`;
  await register(pool, 'stop', name, pointer);
  return { table, ident: { catalog: 'stop', namespace: 'ns', name }, pointer };
}

/** The table's FileIO, aborting `controller` when `when` says so (after the call it watches has run). */
function abortingIO(io: FileIO, controller: AbortController, when: { read?: (path: string) => boolean; wrote?: (path: string) => boolean }): FileIO {
  return {
    read: async (p) => {
      if (when.read?.(p)) controller.abort();
      return io.read(p);
    },
    writeNew: async (p, d) => {
      await io.writeNew(p, d);
      if (when.wrote?.(p)) controller.abort();
    },
    size: (p) => io.size(p),
    deleteFiles: (ps, signal) => io.deleteFiles(ps, signal),
  };
}

const pointerOf = (ident: { catalog: string; namespace: string; name: string }) => sqlCatalog(pool, 'stop').loadPointer(ident);

describe('a stop inside one table', () => {
  beforeAll(async () => {
    db = await startTestDatabase('stop');
    pool = db.pool();
    await createCatalog(pool, 'V0');
  });
  afterAll(async () => {
    await db?.stop();
  });

  it('during planning: stopped, nothing written or committed', async () => {
    const { table, ident, pointer } = await registered();
    const before = listFiles(table.dir);
    const controller = new AbortController();
    const io = abortingIO(table.io, controller, { read: (p) => p.endsWith('.avro') });
    const summary = await expireTable(ident, { dryRun: false, retention: RETENTION }, { ...journalled(sqlCatalog(pool, 'stop'), io, NOW), signal: controller.signal });
    expect([summary.status, summary.error?.code]).toEqual(['stopped', 'STOPPED']);
    expect(await pointerOf(ident)).toBe(pointer);
    expect(listFiles(table.dir)).toEqual(before);
  });

  it('between writing the new metadata file and the commit: the file is removed, the pointer unchanged', async () => {
    const { table, ident, pointer } = await registered();
    const before = listFiles(table.dir);
    const controller = new AbortController();
    const io = abortingIO(table.io, controller, { wrote: (p) => p.endsWith('.metadata.json') });
    const summary = await expireTable(ident, { dryRun: false, retention: RETENTION }, { ...journalled(sqlCatalog(pool, 'stop'), io, NOW), signal: controller.signal });
    expect(summary.status).toBe('stopped');
    expect(summary.error?.message).toContain('stopped by a signal before the commit: nothing was committed');
    expect(await pointerOf(ident)).toBe(pointer);
    expect(listFiles(table.dir)).toEqual(before);
  });

  it('after the commit: no delete starts, the files are counted as pending, and the next run deletes them', async () => {
    const { table, ident } = await registered();
    const before = listFiles(table.dir);
    const real = sqlCatalog(pool, 'stop');
    const dry = await expireTable(ident, { dryRun: true, retention: RETENTION }, journalled(real, table.io, NOW));
    const planned = (dry.plannedDeletions ?? []).map((d) => d.path);
    expect(planned.length).toBeGreaterThan(10);
    const controller = new AbortController();
    const catalog: TableCatalog = {
      listTables: (f) => real.listTables(f),
      loadPointer: (i) => real.loadPointer(i),
      commit: async (i, oldLocation, newLocation) => {
        const outcome = await real.commit(i, oldLocation, newLocation);
        controller.abort();
        return outcome;
      },
    };
    const stopped = await expireTable(ident, { dryRun: false, retention: RETENTION }, { ...journalled(catalog, table.io, NOW), signal: controller.signal });
    expect(stopped.status).toBe('expired');
    expect(stopped.warnings).toContain('stopped by a signal after the commit: the next run deletes the expired files');
    expect(stopped.pendingDeletions).toBe(planned.length);
    const added = listFiles(table.dir).filter((f) => !before.includes(f));
    expect(added).toHaveLength(1); // only the committed metadata file
    expect(listFiles(table.dir).filter((f) => !added.includes(f))).toEqual(before);
    expect(await missingReferencedFiles(table.io, await pointerOf(ident))).toEqual([]);

    const rerun = await expireTable(ident, { dryRun: false, retention: RETENTION }, journalled(real, table.io, NOW));
    expect(rerun.status).toBe('nothing-to-expire');
    expect(rerun.resumedDeletions).toBe(planned.length);
    expect(listFiles(table.dir).filter((f) => !added.includes(f))).toEqual(before.filter((f) => !planned.some((p) => p.endsWith(`/${f}`))));
    expect(rerun.pendingDeletions).toBe(0);
    expect(await missingReferencedFiles(table.io, await pointerOf(ident))).toEqual([]);
  });
});

describe('deletes after a stop', () => {
  it('start no new local delete: every path comes back not attempted, and the plan counts them pending', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gr-stop-io-'));
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, name), name);
    const io = new LocalFileIO(dir, 2);
    const controller = new AbortController();
    controller.abort();
    const failures = await io.deleteFiles(['a', 'b'], controller.signal);
    expect(failures).toEqual([
      { path: 'a', reason: 'not attempted: the run was stopped', notAttempted: true },
      { path: 'b', reason: 'not attempted: the run was stopped', notAttempted: true },
    ]);
    const plan = { version: 1 as const, deletions: [{ path: 'c', kind: 'data' as const, sizeBytes: 1 }], warnings: [] };
    const result = await executeFilePlan(plan, io, { signal: controller.signal });
    expect([result.deleted, result.failures, result.pending.map((d) => d.path)]).toEqual([[], [], ['c']]);
    expect(['a', 'b', 'c'].map((n) => existsSync(join(dir, n)))).toEqual([true, true, true]);
  });
});
