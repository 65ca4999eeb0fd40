/**
 * bench/expire: a table with 10,000 snapshots and 100,000 data files (10,100 manifests, 10,000 manifest lists),
 * expired with a 10-day cutoff. Prints wall time and peak RSS of the dry-run plan and of the real run, checks that
 * every manifest and manifest list is read at most once, and compares the plan with the floor measured in the
 * same process: reading and decoding every manifest file once with avsc.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TableCatalog } from '../src/iceberg/catalog/sql-catalog.js';
import { type FileIO, mapWithConcurrency } from '../src/iceberg/io/file-io.js';
import { LocalFileIO } from '../src/iceberg/io/local.js';
import { expireTable } from '../src/iceberg/job/expire-table.js';
import type { TableSummary } from '../src/iceberg/job/summary.js';
import { readAvroContainer } from '../src/iceberg/metadata/avro-file.js';
import { writeBenchTable } from '../test/support/iceberg/bench-table.js';

const SNAPSHOTS = 10_000;
const FILES_PER_SNAPSHOT = 10;
const NOW = Date.parse('2026-11-26T00:00:00Z');
const DAY = 86_400_000;

const dir = mkdtempSync(join(tmpdir(), 'gr-bench-expire-'));
console.log(`writing ${SNAPSHOTS.toLocaleString('en')} snapshots, ${(SNAPSHOTS * FILES_PER_SNAPSHOT).toLocaleString('en')} data files …`);
const table = writeBenchTable(dir, SNAPSHOTS, FILES_PER_SNAPSHOT, NOW, 15 * 60_000);

function countingIO(inner: FileIO): { io: FileIO; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    io: {
      read: (p) => { reads.set(p, (reads.get(p) ?? 0) + 1); return inner.read(p); },
      writeNew: (p, d) => inner.writeNew(p, d), size: (p) => inner.size(p), deleteFiles: (ps) => inner.deleteFiles(ps),
    },
  };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

async function run(dryRun: boolean): Promise<{ seconds: number; cpu: number; summary: TableSummary; reads: Map<string, number> }> {
  let pointer = table.metadataLocation;
  const catalog: TableCatalog = {
    listTables: async () => [], loadPointer: async () => pointer,
    commit: async (_i, old, next) => { if (old !== pointer) return 'conflict'; pointer = next; return 'committed'; },
  };
  const { io, reads } = countingIO(new LocalFileIO(dir, 64));
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const summary = await expireTable({ catalog: 'bench', namespace: 'b', name: 't' }, {
    dryRun, retention: { defaultMaxSnapshotAgeMs: 90 * DAY, expireOlderThanMs: NOW - 10 * DAY },
  }, { catalog, io, now: () => NOW, sleep: async () => {}, random: Math.random, log: () => {} });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: cpuSeconds(cpuStart), summary, reads };
}

async function floor(): Promise<{ seconds: number; cpu: number }> {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let records = 0;
  await mapWithConcurrency(table.manifestFiles, 16, async (path) => {
    const bytes = await readFile(path);
    records += readAvroContainer(bytes, path).records.length;
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = cpuSeconds(cpuStart);
  console.log(`floor: read + decode ${table.manifestFiles.length.toLocaleString('en')} Avro files once with avsc (${records.toLocaleString('en')} records): ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU`);
  return { seconds, cpu };
}

await floor(); // warm the page cache and avsc's type cache so neither side pays for them
// Alternate the two measurements and keep the best of RUNS of each: a shared machine's noise only ever adds time.
const RUNS = 5;
const floors: Array<{ seconds: number; cpu: number }> = [];
const plans: Array<Awaited<ReturnType<typeof run>>> = [];
for (let i = 0; i < RUNS; i++) {
  global.gc?.();
  floors.push(await floor());
  global.gc?.();
  plans.push(await run(true));
}
const floorSeconds = Math.min(...floors.map((f) => f.seconds));
const floorCpu = Math.min(...floors.map((f) => f.cpu));
const planCpu = Math.min(...plans.map((p) => p.cpu));
const plan = plans.reduce((best, p) => (p.seconds < best.seconds ? p : best));
const maxReads = Math.max(...plans.flatMap((p) => [...p.reads].filter(([path]) => path.endsWith('.avro')).map(([, n]) => n)));
const avroReads = [...plan.reads.keys()].filter((p) => p.endsWith('.avro')).length;
console.log(`dry-run plan (best of ${RUNS}): ${plan.seconds.toFixed(2)} s wall, ${planCpu.toFixed(2)} s CPU; ${plan.summary.expiredSnapshotIds.length} snapshots expire; would delete ${plan.summary.files.data.count} data files, ${plan.summary.files.manifests.count} manifests, ${plan.summary.files['manifest-lists'].count} lists`);
console.log(`Avro files read per plan: ${avroReads.toLocaleString('en')} of ${table.manifestFiles.length.toLocaleString('en')}, at most ${maxReads} time(s) each`);
console.log(`ratio plan / floor (best of ${RUNS} each): ${(plan.seconds / floorSeconds).toFixed(2)} wall, ${(planCpu / floorCpu).toFixed(2)} CPU (target <= 1.50)`);
global.gc?.();
const real = await run(false);
const realMax = Math.max(...[...real.reads].filter(([p]) => p.endsWith('.avro')).map(([, n]) => n));
console.log(`real run (plan, commit, delete): ${real.seconds.toFixed(2)} s, status ${real.summary.status}, ${real.summary.files.manifests.count + real.summary.files['manifest-lists'].count} metadata files deleted, Avro files read at most ${realMax} time(s) each`);
// Local deletes against the anchors' published 2-20 files/s (issue 15); the journal is not part of this run.
console.log(`deletes: ${real.summary.filesPerSecond ?? 0} files/s over ${real.summary.deleteDurationMs} ms, ${(real.summary.bytesReclaimed / 1_048_576).toFixed(1)} MiB reclaimed (anchors: 2-20 files/s); Spark counts ${JSON.stringify(real.summary.sparkCounts)}`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
rmSync(dir, { recursive: true, force: true });
if (maxReads > 1 || realMax > 1 || real.summary.status !== 'expired') process.exitCode = 1;
