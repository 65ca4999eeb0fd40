/**
 * Crash resume from the cleanup journal, with real processes: the child SIGKILLs itself at every phase boundary of
 * one table's expiration (before the journal entry, before the metadata write, before the commit state, before the
 * commit, after it, during the deletes, before the entry is closed), sometimes followed by another writer's commit.
 * A re-run must converge to exactly the files an uninterrupted run leaves, with no metadata file outside the
 * committed chain and no open journal entry, and a further run must report nothing (F1, F3).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSqlCatalog, type TableCatalog, type TableIdent } from '../../src/iceberg/catalog/sql-catalog.js';
import type { FileIO } from '../../src/iceberg/io/file-io.js';
import { PostgresCleanupJournal } from '../../src/iceberg/journal/postgres-journal.js';
import { expireTable, type TableJobDeps } from '../../src/iceberg/job/expire-table.js';
import { loadMetadata } from '../../src/iceberg/metadata/files.js';
import { metadataLogFiles } from '../../src/iceberg/metadata/metadata-log.js';
import { createCatalog, listFiles } from '../support/iceberg/fixtures.js';
import { jobDeps } from '../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';
import { register, scratchTable, type ScratchTable } from '../support/iceberg/scratch.js';
import { missingReferencedFiles } from '../support/iceberg/verify.js';
import { commitPropertyChange } from './support/other-writer.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T00:00:00Z');
const RETENTION = { defaultMaxSnapshotAgeMs: 90 * DAY, expireOlderThanMs: NOW - 15 * DAY };
const OPTIONS = { dryRun: false, retention: RETENTION };
let db: TestDatabase;
let pool: pg.Pool;
let counter = 0;
let child: string;

async function history(table: ScratchTable): Promise<string> {
  const live: string[] = [];
  for (let day = 30; day >= 1; day--) {
    const remove = day % 4 === 0 && live.length > 2 ? live.splice(0, 2) : [];
    const id = await table.builder.commit({ timestampMs: NOW - day * DAY, addData: 2, addPositionDeletes: day % 5 === 0 ? 1 : 0, remove });
    live.splice(0, live.length, ...table.builder.liveFiles(id));
  }
  return table.builder.writeMetadata();
}

async function registered(label: string): Promise<{ table: ScratchTable; ident: TableIdent }> {
  const table = scratchTable(label);
  const name = `t${++counter}`;
  await register(pool, 'c', name, await history(table));
  return { table, ident: { catalog: 'c', namespace: 'ns', name } };
}

function deps(io: FileIO): TableJobDeps {
  return { ...jobDeps(new PostgresSqlCatalog(pool, 'c'), io, NOW), journal: new PostgresCleanupJournal(pool) };
}

const contentFiles = (files: string[]): string[] => files.filter((f) => !f.endsWith('.metadata.json'));

/** The metadata JSON files on disk, and those the committed chain names (the pointer and its metadata-log). */
async function metadataFiles(table: ScratchTable, ident: TableIdent): Promise<{ onDisk: string[]; chain: string[] }> {
  const current = await loadMetadata(table.io, await new PostgresSqlCatalog(pool, 'c').loadPointer(ident));
  const root = `${table.builder.location.replace(/\/t$/, '')}/`;
  const chain = [current.location, ...metadataLogFiles(current.doc)].map((p) => p.slice(root.length)).sort();
  return { onDisk: listFiles(table.dir).filter((f) => f.endsWith('.metadata.json')), chain };
}

describe('crash resume from the cleanup journal', () => {
  let reference: string[];
  beforeAll(async () => {
    db = await startTestDatabase('journal');
    pool = db.pool();
    await createCatalog(pool, 'V0');
    child = join(process.cwd(), '.tmp', 'test-iceberg', 'journal-crash-child.mjs');
    await build({ entryPoints: ['test/iceberg/support/journal-crash-child.ts'], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
    const { table, ident } = await registered('reference');
    const summary = await expireTable(ident, OPTIONS, deps(table.io));
    expect(summary.status).toBe('expired');
    reference = contentFiles(listFiles(table.dir));
  });
  afterAll(async () => {
    await db?.stop();
  });

  const MODES = ['before-journal', 'before-write', 'before-committing', 'before-commit', 'after-commit', 'during-deletes', 'before-journal-done'] as const;
  const COMMITTED = new Set<string>(['after-commit', 'during-deletes', 'before-journal-done']);
  const cases = [...MODES.map((mode) => ({ mode, writer: false })), ...[...COMMITTED].map((mode) => ({ mode, writer: true }))];

  it.each(cases)('SIGKILL $mode (another writer commits before the re-run: $writer): the re-run converges to the uninterrupted result', async ({ mode, writer }) => {
    const { table, ident } = await registered(`kill-${mode}`);
    const before = contentFiles(listFiles(table.dir));
    expect(before.length - reference.length).toBeGreaterThan(20);
    const result = spawnSync(process.execPath, [child, db.url, 'c', ident.name, mode, String(NOW), String(RETENTION.expireOlderThanMs)], { encoding: 'utf8' });
    expect(result.signal, result.stderr).toBe('SIGKILL');
    expect(await missingReferencedFiles(table.io, await new PostgresSqlCatalog(pool, 'c').loadPointer(ident))).toEqual([]);
    const afterKill = contentFiles(listFiles(table.dir));
    const deletedByChild = mode === 'during-deletes' ? 5 : mode === 'before-journal-done' ? before.length - reference.length : 0;
    expect(before.length - afterKill.length).toBe(deletedByChild);
    if (writer) await commitPropertyChange(new PostgresSqlCatalog(pool, 'c'), table.io, ident, 'written.by', 'another-engine');

    if (COMMITTED.has(mode)) {
      // A dry run reports what is still there to delete, and deletes nothing.
      const dry = await expireTable(ident, { ...OPTIONS, dryRun: true }, deps(table.io));
      expect(dry.resumedDeletions).toBe(afterKill.length - reference.length);
      expect(contentFiles(listFiles(table.dir))).toEqual(afterKill);
    }
    const rerun = await expireTable(ident, OPTIONS, deps(table.io));
    expect(rerun.error).toBeUndefined();
    expect(rerun.status).toBe(COMMITTED.has(mode) ? 'nothing-to-expire' : 'expired');
    if (COMMITTED.has(mode)) expect(rerun.resumedDeletions).toBe(afterKill.length - reference.length);
    expect(contentFiles(listFiles(table.dir))).toEqual(reference);
    const { onDisk, chain } = await metadataFiles(table, ident);
    expect(onDisk).toEqual(chain);
    expect(await new PostgresCleanupJournal(pool).pending(ident)).toEqual([]);
    expect(await missingReferencedFiles(table.io, await new PostgresSqlCatalog(pool, 'c').loadPointer(ident))).toEqual([]);

    const again = await expireTable(ident, OPTIONS, deps(table.io));
    expect([again.status, again.resumedDeletions, again.bytes, again.warnings]).toEqual(['nothing-to-expire', 0, 0, []]);
  });

  it('F1: a run dying right after its commit, then another writer committing, still gets its cleanup finished', async () => {
    const { table, ident } = await registered('f1');
    const real = new PostgresSqlCatalog(pool, 'c');
    const dying: TableCatalog = {
      listTables: (f) => real.listTables(f),
      loadPointer: (i) => real.loadPointer(i),
      async commit(i, oldLocation, newLocation) {
        await real.commit(i, oldLocation, newLocation);
        throw new Error('the process died after the commit');
      },
    };
    const crashed = await expireTable(ident, OPTIONS, { ...deps(table.io), catalog: dying });
    expect(crashed.status).toBe('failed');
    await commitPropertyChange(real, table.io, ident, 'a', '1');
    await commitPropertyChange(real, table.io, ident, 'b', '2');
    const rerun = await expireTable(ident, OPTIONS, deps(table.io));
    expect(rerun.status).toBe('nothing-to-expire');
    expect(contentFiles(listFiles(table.dir))).toEqual(reference);
  });

  it('F3: a later run on an unchanged table reports nothing deleted and no warnings', async () => {
    const { table, ident } = await registered('f3');
    const first = await expireTable(ident, OPTIONS, deps(table.io));
    expect(first.status).toBe('expired');
    for (const dryRun of [true, false]) {
      const later = await expireTable(ident, { ...OPTIONS, dryRun }, deps(table.io));
      expect([later.status, later.resumedDeletions, later.bytes, later.warnings, later.plannedDeletions ?? []]).toEqual([dryRun ? 'dry-run' : 'nothing-to-expire', 0, 0, [], []]);
      expect(Object.values(later.files).every((f) => f.count === 0)).toBe(true);
    }
  });

  it('never removes the metadata file of a run that may still be alive (its base still current); decides once the pointer moves on', async () => {
    const { table, ident } = await registered('alive');
    const catalog = new PostgresSqlCatalog(pool, 'c');
    const base = await catalog.loadPointer(ident);
    const pending = `${table.builder.location}/metadata/00099-00000000-0000-4000-8000-0000000000bb.metadata.json`;
    await table.io.writeNew(pending, await table.io.read(base));
    const journal = new PostgresCleanupJournal(pool);
    await journal.record({ id: '00000000-0000-4000-8000-0000000000bb', table: ident, baseLocation: base, newLocation: pending, state: 'writing', candidates: [] });
    const nothingToDo = { ...OPTIONS, retention: { ...RETENTION, expireOlderThanMs: NOW - 60 * DAY } };
    const first = await expireTable(ident, nothingToDo, deps(table.io));
    expect(first.warnings.join('\n')).toContain('is still undecided');
    expect(await table.io.size(pending)).toBeGreaterThan(0);
    expect((await journal.pending(ident)).map((e) => e.id)).toEqual(['00000000-0000-4000-8000-0000000000bb']);
    await commitPropertyChange(catalog, table.io, ident, 'moved', 'on');
    const second = await expireTable(ident, nothingToDo, deps(table.io));
    expect(second.warnings.join('\n')).toContain(`removed ${pending}, written by an interrupted run that never committed it`);
    expect(await table.io.size(pending)).toBeUndefined();
    expect(await journal.pending(ident)).toEqual([]);
  });

  it('re-checks every journalled file against the current metadata: a file a writer made reachable again stays', async () => {
    const { table, ident } = await registered('recheck');
    const dry = await expireTable(ident, { ...OPTIONS, dryRun: true }, deps(table.io));
    const candidate = (dry.plannedDeletions ?? []).find((d) => d.kind === 'manifest-lists');
    expect(candidate).toBeDefined();
    const journal = new PostgresCleanupJournal(pool);
    const current = await new PostgresSqlCatalog(pool, 'c').loadPointer(ident);
    // An entry whose commit landed (its new location is current) but one of whose candidates is still reachable.
    await journal.record({ id: '00000000-0000-4000-8000-0000000000aa', table: ident, baseLocation: 'gone', newLocation: current, state: 'committing', candidates: [candidate!] });
    const rerun = await expireTable(ident, { ...OPTIONS, retention: { ...RETENTION, expireOlderThanMs: NOW - 60 * DAY } }, deps(table.io));
    expect(rerun.resumedDeletions).toBe(0);
    expect(await table.io.size(candidate!.path)).toBeGreaterThan(0);
    expect(await journal.pending(ident)).toEqual([]);
  });
});
