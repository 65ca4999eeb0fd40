/**
 * The safety of remove-orphans on builder-made tables in a real PostgreSQL catalog: the two-phase mode, a writer
 * committing between the plan and the deletes, a stop mid-deletes, SIGKILL at every phase boundary, and SIGTERM
 * on the real executable. After any interruption a plain re-run leaves exactly what an uninterrupted run leaves.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSqlCatalog, type TableCatalog, type TableIdent } from '../../../src/iceberg/catalog/sql-catalog.js';
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import { parseMetadataBytes, serializeMetadata } from '../../../src/iceberg/metadata/json.js';
import { DEFAULT_EQUIVALENCES } from '../../../src/iceberg/orphans/locations.js';
import { MARKS_TABLE, OrphanMarks } from '../../../src/iceberg/orphans/marks.js';
import { type OrphanRunOptions, runOrphanRemoval } from '../../../src/iceberg/orphans/run.js';
import { bundleCli, spawnCli } from '../../support/cli-process.js';
import { createCatalog, listFiles } from '../../support/iceberg/fixtures.js';
import { type TestDatabase, startTestDatabase } from '../../support/iceberg/postgres.js';
import { register, scratchTable } from '../../support/iceberg/scratch.js';
import { missingReferencedFiles } from '../../support/iceberg/verify.js';
import { DAY, NEW, NOW, OLD, catalogArgs, cli, plant } from './support.js';

let db: TestDatabase;
let pool: pg.Pool;
let counter = 0;

interface Planted {
  readonly dir: string;
  readonly io: FileIO;
  readonly catalog: string;
  readonly ident: TableIdent;
  readonly pointer: string;
  /** Old orphans, relative to `dir`. */
  readonly orphans: readonly string[];
}

/** Three snapshots (the first two still reference files the third removed), 8 old orphans and 1 young one. */
async function planted(orphanCount = 8): Promise<Planted> {
  const table = scratchTable('orphans-safety');
  const first = await table.builder.commit({ timestampMs: NOW - 20 * DAY, addData: 3 });
  const second = await table.builder.commit({ timestampMs: NOW - 10 * DAY, remove: table.builder.liveFiles(first).slice(0, 2), addData: 2, addPositionDeletes: 1 });
  await table.builder.commit({ timestampMs: NOW - 5 * DAY, remove: table.builder.liveFiles(second).slice(0, 1), addData: 1 });
  const pointer = await table.builder.writeMetadata();
  const catalog = `c${++counter}`;
  await register(pool, catalog, 'events', pointer);
  const orphans = Array.from({ length: orphanCount }, (_, i) => plant(table.dir, `t/${i % 2 === 0 ? 'data' : 'metadata'}/orphan-${String(i).padStart(5, '0')}.bin`, OLD));
  plant(table.dir, 't/data/in-progress.parquet', NEW);
  return { dir: table.dir, io: table.io, catalog, ident: { catalog, namespace: 'ns', name: 'events' }, pointer, orphans: orphans.sort() };
}

function options(catalog: string, extra: Partial<OrphanRunOptions> = {}): OrphanRunOptions {
  return {
    selection: { catalogName: catalog, namespace: undefined, table: undefined }, shard: { index: 0, count: 1 },
    cutoffMs: NOW - 3 * DAY, nowMs: NOW, prefixMismatch: 'error', equivalences: DEFAULT_EQUIVALENCES,
    dryRun: false, mark: false, deleteMarkedAfterMs: undefined, maxConcurrentDeletes: 1, ...extra,
  };
}

const remaining = (p: Planted) => listFiles(p.dir);
const gone = (p: Planted, before: readonly string[]) => {
  const now = new Set(remaining(p));
  return before.filter((f) => !now.has(f));
};

beforeAll(async () => {
  db = await startTestDatabase('orphans_safety');
  pool = db.pool();
  await createCatalog(pool, 'V1');
});
afterAll(async () => {
  await db?.stop();
});

describe('remove-orphans: two-phase mode', () => {
  it('marks first, deletes only files marked at least --delete-marked-after ago that are still orphans, and forgets the rest', async () => {
    const p = await planted(2);
    const { argv, env } = catalogArgs(db.url, p.catalog);
    const at = (ms: number) => ['--now', new Date(ms).toISOString()];
    const before = remaining(p);
    const marks = async () => (await pool.query<{ file_path: string; marked_at_ms: string }>(`SELECT file_path, marked_at_ms FROM ${MARKS_TABLE} WHERE catalog_name = $1 ORDER BY 1`, [p.catalog])).rows.map((r) => [r.file_path.slice(r.file_path.indexOf('/t/') + 1), Number(r.marked_at_ms)]);

    const first = await cli([...argv, '--mark', ...at(NOW)], env);
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toContain('two-phase: 2 newly marked, 2 orphan(s) not marked long enough yet');
    expect(gone(p, before)).toEqual([]);
    expect(await marks()).toEqual(p.orphans.map((o) => [o, NOW]));

    const late = plant(p.dir, 't/data/orphan-late.bin', OLD);
    const early = await cli([...argv, '--delete-marked-after', '10d', ...at(NOW + 5 * DAY)], env);
    expect(early.code).toBe(0);
    expect(gone(p, before)).toEqual([]);
    // Five days on, the write that was in progress has become an orphan too: four wait, none is due.
    expect(early.stdout).toContain('0 newly marked, 4 orphan(s) not marked long enough yet');

    // One marked file is removed by someone else meanwhile: its mark is forgotten, nothing fails.
    const [kept, vanished] = p.orphans as [string, string];
    rmSync(join(p.dir, vanished));
    const due = await cli([...argv, '--mark', '--delete-marked-after', '10d', ...at(NOW + 11 * DAY)], env);
    expect(due.code, due.stdout).toBe(0);
    expect(gone(p, [...before, late])).toEqual([kept, vanished].sort());
    expect(await marks()).toEqual([['t/data/in-progress.parquet', NOW + 11 * DAY], [late, NOW + 11 * DAY]]);
  });
});

describe('remove-orphans: interruptions and races', () => {
  it('keeps a planned orphan that a commit landing between the plan and the deletes references', async () => {
    const p = await planted();
    const adopted = p.orphans[0] as string;
    const real = new PostgresSqlCatalog(pool, p.catalog);
    let reads = 0;
    // A writer commits right after the plan: its new metadata names the file as a statistics file.
    const racing: TableCatalog = {
      listTables: (f) => real.listTables(f),
      commit: (i, o, n) => real.commit(i, o, n),
      async loadPointer(i) {
        if (++reads === 2) {
          const doc = parseMetadataBytes(await p.io.read(p.pointer), p.pointer);
          doc['statistics'] = [{ 'snapshot-id': doc['current-snapshot-id'], 'statistics-path': `file://${join(p.dir, adopted)}`, 'file-size-in-bytes': 6, 'file-footer-size-in-bytes': 1, 'blob-metadata': [] }];
          const next = p.pointer.replace(/\d{5}-[^/]+$/, '00099-writer.metadata.json');
          await p.io.writeNew(next, serializeMetadata(doc, next));
          expect(await real.commit(i, p.pointer, next)).toBe('committed');
        }
        return real.loadPointer(i);
      },
    };
    const before = remaining(p);
    const run = await runOrphanRemoval(options(p.catalog), { catalog: racing, io: p.io, marks: undefined, log: () => {} });
    const table = run.tables[0];
    expect(table?.status).toBe('cleaned');
    expect(table?.counts).toMatchObject({ orphans: 8, deleted: 7, nowReferenced: 1 });
    expect(table?.warnings.join('\n')).toMatch(/a commit \(\S+00099-writer\.metadata\.json\) landed while cleaning/);
    expect(gone(p, before)).toEqual(p.orphans.slice(1));
    expect(await missingReferencedFiles(p.io, await real.loadPointer(p.ident))).toEqual([]);
  });

  it('a stop mid-deletes sends no new round, reports the rest, and a re-run deletes exactly what is left', async () => {
    const p = await planted(2500);
    const controller = new AbortController();
    let rounds = 0;
    const stopping: FileIO = {
      read: (x) => p.io.read(x), writeNew: (x, d) => p.io.writeNew(x, d), size: (x) => p.io.size(x), list: (x, s) => (p.io.list as NonNullable<FileIO['list']>)(x, s),
      async deleteFiles(paths, signal) {
        const failures = await p.io.deleteFiles(paths, signal);
        if (++rounds === 1) controller.abort();
        return failures;
      },
    };
    const before = remaining(p);
    const stopped = await runOrphanRemoval(options(p.catalog), { catalog: new PostgresSqlCatalog(pool, p.catalog), io: stopping, marks: undefined, log: () => {}, signal: controller.signal });
    expect(stopped.stopped).toBe(true);
    expect(stopped.tables[0]?.status).toBe('stopped');
    expect(stopped.tables[0]?.counts).toMatchObject({ orphans: 2500, deleted: 1000, notAttempted: 1500 });
    expect(rounds).toBe(1);
    expect(gone(p, before)).toEqual(p.orphans.slice(0, 1000));

    const rerun = await runOrphanRemoval(options(p.catalog), { catalog: new PostgresSqlCatalog(pool, p.catalog), io: p.io, marks: undefined, log: () => {} });
    expect(rerun.tables[0]?.counts).toMatchObject({ orphans: 1500, deleted: 1500 });
    expect(gone(p, before)).toEqual(p.orphans);
  });

  describe('SIGKILL at every phase boundary', () => {
    const child = join(process.cwd(), '.tmp', `orphans-crash-child-${process.pid}.mjs`);
    beforeAll(async () => {
      await build({ entryPoints: ['test/iceberg/orphans/crash-child.ts'], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
    });
    afterAll(() => rmSync(child, { force: true }));

    it.each([['after-listing'], ['before-deletes'], ['during-deletes'], ['after-marks']])('%s: the re-run converges to the uninterrupted result', async (mode) => {
      const mark = mode === 'after-marks' ? ['--mark'] : [];
      const reference = await planted();
      await runOrphanRemoval(options(reference.catalog, { mark: mark.length > 0 }), { catalog: new PostgresSqlCatalog(pool, reference.catalog), io: reference.io, marks: new OrphanMarks(pool), log: () => {} });
      const p = await planted();
      const before = remaining(p);
      const result = spawnSync(process.execPath, [child, db.url, p.catalog, mode, String(NOW), ...mark], { encoding: 'utf8' });
      expect(result.signal, result.stderr).toBe('SIGKILL');
      expect(gone(p, before)).toHaveLength(mode === 'during-deletes' ? 3 : 0);

      await runOrphanRemoval(options(p.catalog, { mark: mark.length > 0 }), { catalog: new PostgresSqlCatalog(pool, p.catalog), io: p.io, marks: new OrphanMarks(pool), log: () => {} });
      expect(remaining(p)).toEqual(remaining(reference));
      expect(gone(p, before)).toEqual(mark.length > 0 ? [] : p.orphans);
      if (mark.length > 0) {
        const rows = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${MARKS_TABLE} WHERE catalog_name = $1`, [p.catalog]);
        expect(Number(rows.rows[0]?.n)).toBe(p.orphans.length);
      }
      expect(await missingReferencedFiles(p.io, p.pointer)).toEqual([]);
    });
  });

  it('SIGTERM on the real executable mid-deletes: exit 1 within 10 s, no new batch, and a re-run finishes', async () => {
    const p = await planted(40_000);
    const bundle = await bundleCli();
    try {
      const { argv, env } = catalogArgs(db.url, p.catalog);
      const before = remaining(p);
      const running = spawnCli(bundle, ['remove-orphans', ...argv, '--now', new Date(NOW).toISOString(), '--max-concurrent-deletes', '1'], { env: { ...process.env, ...env } });
      await running.waitFor(/deleting 1000 file\(s\) \(1000\/40000\)/, 60_000);
      const signalled = Date.now();
      running.child.kill('SIGTERM');
      const exit = await running.exited();
      expect(exit.code).toBe(1);
      expect(exit.at - signalled).toBeLessThan(10_000);
      expect(running.stderr()).toMatch(/stopped by a signal: \d+ orphan\(s\) not deleted/);
      const deleted = gone(p, before);
      expect(deleted.length).toBeLessThan(40_000);

      const rerun = await cli([...argv, '--now', new Date(NOW).toISOString()], env);
      expect(rerun.code).toBe(0);
      expect(gone(p, before)).toEqual(p.orphans);
    } finally {
      await bundle.remove();
    }
  }, 180_000);
});
