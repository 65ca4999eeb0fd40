/**
 * Child process for the crash tests: runs one table's expiration and SIGKILLs itself at the requested point, so
 * no catch, finally or cleanup code of ours runs after it. Usage: crash-child <db-url> <catalog> <table> <mode> <now-ms> <older-than-ms>
 * where mode is before-commit | after-commit | during-deletes.
 */
import { openCatalogPool } from '../../../src/iceberg/catalog/connection.js';
import { PostgresSqlCatalog, type TableCatalog } from '../../../src/iceberg/catalog/sql-catalog.js';
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import { LocalFileIO } from '../../../src/iceberg/io/local.js';
import { expireTable } from '../../../src/iceberg/job/expire-table.js';
import { connectionSettings } from './postgres.js';

const [url, catalogName, name, mode, nowText, olderThanText] = process.argv.slice(2) as [string, string, string, string, string, string];
const kill = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};
const catalogPool = openCatalogPool(connectionSettings(url, 2));
const real = new PostgresSqlCatalog(catalogPool.pool, catalogName);
const catalog: TableCatalog = {
  listTables: (f) => real.listTables(f),
  loadPointer: (i) => real.loadPointer(i),
  async commit(i, oldLocation, newLocation) {
    if (mode === 'before-commit') kill();
    const outcome = await real.commit(i, oldLocation, newLocation);
    if (mode === 'after-commit') kill();
    return outcome;
  },
};
const local = new LocalFileIO(process.cwd(), 4);
let deletions = 0;
const io: FileIO = {
  read: (p) => local.read(p), writeNew: (p, d) => local.writeNew(p, d), size: (p) => local.size(p),
  async deleteFiles(paths) {
    if (mode !== 'during-deletes') return local.deleteFiles(paths);
    for (const path of paths) {
      if (deletions++ === 5) kill();
      await local.deleteFiles([path]);
    }
    return [];
  },
};
const now = Number(nowText);
await expireTable({ catalog: catalogName, namespace: 'ns', name }, {
  dryRun: false, retention: { defaultMaxSnapshotAgeMs: 90 * 86_400_000, expireOlderThanMs: Number(olderThanText) },
}, { catalog, io, now: () => now, sleep: async () => {}, random: () => 0.5, log: () => {} });
await catalogPool.close();
