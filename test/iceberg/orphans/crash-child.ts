/**
 * Child process for the orphan crash tests: runs one orphan removal against the real catalog and files and
 * SIGKILLs itself at the requested phase boundary, so no catch, finally or cleanup code of ours runs after it.
 * Usage: crash-child <db-url> <catalog> <mode> <now-ms> [--mark]
 * mode: after-listing | before-deletes | during-deletes | after-marks.
 */
import { openCatalogPool } from '../../../src/iceberg/catalog/connection.js';
import { PostgresSqlCatalog, type TableCatalog } from '../../../src/iceberg/catalog/sql-catalog.js';
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import { LocalFileIO } from '../../../src/iceberg/io/local.js';
import { DEFAULT_EQUIVALENCES } from '../../../src/iceberg/orphans/locations.js';
import { OrphanMarks } from '../../../src/iceberg/orphans/marks.js';
import { runOrphanRemoval } from '../../../src/iceberg/orphans/run.js';
import { connectionSettings } from '../../support/iceberg/postgres.js';

const [url, catalogName, mode, nowText, markFlag] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const kill = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};
const catalogPool = openCatalogPool(connectionSettings(url, 2));
const real = new PostgresSqlCatalog(catalogPool.pool, catalogName);
let pointerReads = 0;
const catalog: TableCatalog = {
  listTables: (f) => real.listTables(f),
  // The first read plans the table; the second is the re-check right before the first delete round.
  loadPointer: (i) => (++pointerReads === 2 && mode === 'before-deletes' ? kill() : real.loadPointer(i)),
  commit: (i, o, n) => real.commit(i, o, n),
};
const local = new LocalFileIO(process.cwd(), 4);
let deletions = 0;
const io: FileIO = {
  read: (p) => local.read(p), writeNew: (p, d) => local.writeNew(p, d), size: (p) => local.size(p),
  async *list(prefix, signal) {
    yield* local.list(prefix, signal);
    if (mode === 'after-listing') kill();
  },
  async deleteFiles(paths, signal) {
    if (mode !== 'during-deletes') return local.deleteFiles(paths, signal);
    for (const path of paths) {
      if (deletions++ === 3) kill();
      await local.deleteFiles([path]);
    }
    return [];
  },
};
const marks = new OrphanMarks(catalogPool.pool);
const mark = markFlag === '--mark';
const watched = mode === 'after-marks' ? Object.assign(Object.create(marks) as OrphanMarks, { record: async (...args: Parameters<OrphanMarks['record']>) => { await marks.record(...args); return kill(); } }) : marks;
const now = Number(nowText);
await runOrphanRemoval({
  selection: { catalogName, namespace: undefined, table: undefined }, shard: { index: 0, count: 1 },
  cutoffMs: now - 3 * 86_400_000, nowMs: now, prefixMismatch: 'error', equivalences: DEFAULT_EQUIVALENCES,
  dryRun: false, mark, deleteMarkedAfterMs: undefined, maxConcurrentDeletes: 1,
}, { catalog, io, marks: watched, log: () => {} });
await catalogPool.close();
