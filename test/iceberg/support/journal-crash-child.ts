/**
 * Child process for the journal crash tests: one table's expiration with the real catalog, journal and local
 * files, SIGKILLing itself at the phase boundary named by <mode>, so no catch, finally or cleanup of ours runs.
 * Usage: journal-crash-child <db-url> <catalog> <table> <mode> <now-ms> <older-than-ms>
 * Modes: before-journal, before-write, before-committing, before-commit, after-commit, during-deletes,
 * before-journal-done.
 */
import { openCatalogPool } from '../../../src/iceberg/catalog/connection.js';
import { PostgresSqlCatalog, type TableCatalog } from '../../../src/iceberg/catalog/sql-catalog.js';
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import { LocalFileIO } from '../../../src/iceberg/io/local.js';
import type { CleanupJournal } from '../../../src/iceberg/journal/journal.js';
import { PostgresCleanupJournal } from '../../../src/iceberg/journal/postgres-journal.js';
import { expireTable } from '../../../src/iceberg/job/expire-table.js';
import { connectionSettings } from '../../support/iceberg/postgres.js';

const [url, catalogName, name, mode, nowText, olderThanText] = process.argv.slice(2) as [string, string, string, string, string, string];
const killAt = (point: string): void => {
  if (point === mode) process.kill(process.pid, 'SIGKILL');
};
const catalogPool = openCatalogPool(connectionSettings(url, 2));
const real = new PostgresSqlCatalog(catalogPool.pool, catalogName);
const catalog: TableCatalog = {
  listTables: (f) => real.listTables(f),
  loadPointer: (i) => real.loadPointer(i),
  async commit(i, oldLocation, newLocation) {
    killAt('before-commit');
    const outcome = await real.commit(i, oldLocation, newLocation);
    killAt('after-commit');
    return outcome;
  },
};
const realJournal = new PostgresCleanupJournal(catalogPool.pool);
const journal: CleanupJournal = {
  pending: (t) => realJournal.pending(t),
  async record(entry) {
    killAt('before-journal');
    await realJournal.record(entry);
  },
  async setState(id, state) {
    killAt('before-committing');
    await realJournal.setState(id, state);
  },
  async setCandidates(id, candidates) {
    if (candidates.length === 0) killAt('before-journal-done');
    await realJournal.setCandidates(id, candidates);
  },
  finish: (id) => realJournal.finish(id),
};
const local = new LocalFileIO(process.cwd(), 4);
let deletions = 0;
const io: FileIO = {
  read: (p) => local.read(p), size: (p) => local.size(p),
  async writeNew(p, d) {
    killAt('before-write');
    await local.writeNew(p, d);
  },
  async deleteFiles(paths) {
    for (const path of paths) {
      if (deletions++ === 5) killAt('during-deletes');
      await local.deleteFiles([path]);
    }
    return [];
  },
};
const now = Number(nowText);
await expireTable({ catalog: catalogName, namespace: 'ns', name }, {
  dryRun: false, retention: { defaultMaxSnapshotAgeMs: 90 * 86_400_000, expireOlderThanMs: Number(olderThanText) },
}, { catalog, io, journal, now: () => now, sleep: async () => {}, random: () => 0.5, log: () => {} });
await catalogPool.close();
