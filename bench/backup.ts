/**
 * bench/backup: a registry of 10,000 subjects × 5 versions with 5 ms latency per request (the
 * in-process test registry), backed up three ways in the same run:
 *   - ours: paged GET /schemas (1,000 rows a page; all, then live only) + per-subject config and mode;
 *   - the naive walk: GET /subjects, then one request per subject and one per version;
 *   - the runbook's loop: GET /subjects, then GET /subjects/{s}/versions/latest, one at a time (curl).
 * Ours and the walk use the same client and concurrency (8). The registry runs in a worker thread so
 * that its CPU does not compete with the client's. Ours runs at full size; to keep the whole run
 * under about two minutes, the walk and the (sequential) runbook loop list every subject but then
 * fetch only a sample of them, and their per-subject requests and time are scaled linearly to the
 * full size (printed as such).
 *
 *   BENCH_SUBJECTS, BENCH_VERSIONS, BENCH_LATENCY_MS, BENCH_LOOP_SAMPLE override the sizes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { createBackup } from '../src/backup/backup.js';
import { createRegistryClient, type RegistryClient, type RegistryClientHandle } from '../src/registry/index.js';
import { startTestRegistry, type StoredVersion, type TestRegistry } from '../test/support/test-registry/index.js';

const SUBJECTS = Number(process.env['BENCH_SUBJECTS'] ?? 10_000);
const VERSIONS = Number(process.env['BENCH_VERSIONS'] ?? 5);
const LATENCY_MS = Number(process.env['BENCH_LATENCY_MS'] ?? 5);
const LOOP_SAMPLE = Math.min(SUBJECTS, Number(process.env['BENCH_LOOP_SAMPLE'] ?? 1_000));
const WALK_SAMPLE = Math.min(SUBJECTS, Number(process.env['BENCH_WALK_SAMPLE'] ?? 2_500));
const CONCURRENCY = 8;

/** Fills the state directly (registering 50,000 versions one by one is quadratic in the test registry). */
function fill(sr: TestRegistry): void {
  let id = 0;
  for (let s = 0; s < SUBJECTS; s++) {
    const subject = `market.topic-${String(s).padStart(5, '0')}-value`;
    const versions: StoredVersion[] = [];
    for (let v = 1; v <= VERSIONS; v++) {
      const fields = [{ name: 'symbol', type: 'string' }, ...Array.from({ length: v - 1 }, (_, i) => ({ name: `f${i}`, type: ['null', 'long'], default: null }))];
      const schema = JSON.stringify({ type: 'record', name: `T${s}`, namespace: 'com.market', fields });
      versions.push({ subject, version: v, id: ++id, schemaType: 'AVRO', schema, references: [], deleted: false, ts: id });
    }
    sr.state.versions.set(subject, versions);
  }
  sr.state.noteId('.', id);
}

const client = (url: string): RegistryClientHandle => createRegistryClient({ url, maxConcurrency: CONCURRENCY });

/** The registry's side, in the worker: answers `reset` and `count` messages. */
async function serveRegistry(): Promise<void> {
  const sr = await startTestRegistry();
  fill(sr);
  sr.faults.add({ fault: { kind: 'latency', ms: LATENCY_MS } });
  parentPort?.on('message', (message: string) => {
    if (message === 'reset') sr.resetCounts();
    parentPort?.postMessage({ count: sr.requests.length });
  });
  parentPort?.postMessage({ url: sr.url });
}

interface RegistryHandle {
  readonly url: string;
  /** `reset` zeroes the request count; `count` reads it. */
  ask(message: 'reset' | 'count'): Promise<number>;
  close(): Promise<number>;
}

async function startRegistryWorker(): Promise<RegistryHandle> {
  const worker = new Worker(new URL(import.meta.url));
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { url: string }) => resolve(m.url));
    worker.once('error', reject);
  });
  return {
    url,
    ask: (message) =>
      new Promise((resolve) => {
        worker.once('message', (m: { count: number }) => resolve(m.count));
        worker.postMessage(message);
      }),
    close: () => worker.terminate(),
  };
}

interface Measured {
  readonly requests: number;
  readonly seconds: number;
  readonly items: number;
}

function line(name: string, m: Measured, what: string): void {
  console.log(`${name.padEnd(56)} ${String(Math.round(m.requests)).padStart(7)} requests ${m.seconds.toFixed(1).padStart(7)} s   (${Math.round(m.items)} ${what})`);
}

async function measure(name: string, sr: RegistryHandle, work: () => Promise<number>): Promise<Measured> {
  await sr.ask('reset');
  const start = process.hrtime.bigint();
  const items = await work();
  const measured = { requests: await sr.ask('count'), seconds: Number(process.hrtime.bigint() - start) / 1e9, items };
  line(name, measured, 'versions saved');
  return measured;
}

/**
 * Lists every subject, then fetches `sample` of them; prints the run and, when sampled, its linear
 * extrapolation to every subject (the listing is counted once, as measured).
 */
async function sampled(
  name: string,
  sr: RegistryHandle,
  sample: number,
  perSubject: (c: RegistryClient, subjects: readonly string[]) => Promise<number>,
  deleted: boolean,
): Promise<Measured> {
  let listing = { requests: 0, seconds: 0 };
  const start = process.hrtime.bigint();
  const m = await measure(`${name}${sample < SUBJECTS ? ` (${sample} subjects)` : ''}`, sr, async () => {
    const c = client(sr.url);
    const subjects = await c.listSubjects({ deleted });
    listing = { requests: await sr.ask('count'), seconds: Number(process.hrtime.bigint() - start) / 1e9 };
    const saved = await perSubject(c, subjects.slice(0, sample));
    c.close();
    return saved;
  });
  if (sample >= SUBJECTS) return m;
  const scale = SUBJECTS / sample;
  const scaled = {
    requests: listing.requests + (m.requests - listing.requests) * scale,
    seconds: listing.seconds + (m.seconds - listing.seconds) * scale,
    items: m.items * scale,
  };
  line(`  … scaled to ${SUBJECTS} subjects`, scaled, 'versions');
  return scaled;
}

const naiveWalk = async (c: RegistryClient, subjects: readonly string[]) =>
  (await Promise.all(subjects.map(async (s) => Promise.all((await c.listVersions(s, { deleted: true })).map((v) => c.getVersion(s, v, { deleted: true })))))).flat().length;

/** The runbook's curl loop: one subject after the other, latest version only. */
async function runbookLoop(c: RegistryClient, subjects: readonly string[]): Promise<number> {
  for (const s of subjects) await c.getVersion(s, 'latest');
  return subjects.length;
}

async function main(): Promise<void> {
const sr = await startRegistryWorker();
const out = await mkdtemp(join(tmpdir(), 'bench-backup-'));
try {
  console.log(`registry: ${SUBJECTS} subjects × ${VERSIONS} versions = ${SUBJECTS * VERSIONS} versions, ${LATENCY_MS} ms per request, concurrency ${CONCURRENCY}`);
  const ours = await measure('guardrails backup (bulk /schemas)', sr, async () => {
    const c = client(sr.url);
    const result = await createBackup(c, { includeDeleted: true, listing: 'auto', sourceUrl: sr.url, toolVersion: 'bench', parent: out, name: 'b', now: () => new Date() });
    c.close();
    return result.manifest.counts.versions;
  });
  const walk = await sampled('naive walk (each subject, each version)', sr, WALK_SAMPLE, naiveWalk, true);
  await sampled('runbook loop (latest only, sequential)', sr, LOOP_SAMPLE, runbookLoop, false);
  // Two passes of GET /schemas (with soft-deleted versions, then live only), each ending on an empty page.
  const pages = 2 * (Math.ceil((SUBJECTS * VERSIONS) / 1000) + 1);
  console.log(`\nours: ${ours.requests} requests = ${pages} /schemas pages (2 × versions / 1,000) + ${ours.requests - pages} listing, config and mode calls (2 per subject)`);
  console.log(`ours vs naive walk: ${(walk.requests / ours.requests).toFixed(1)}x fewer requests, ${(walk.seconds / ours.seconds).toFixed(1)}x less time (ours includes writing and checksumming ${ours.items + SUBJECTS} files)`);
  console.log('the runbook loop saves one version per subject and no soft-deleted versions, configs or modes');
} finally {
  await sr.close();
  await rm(out, { recursive: true, force: true });
}
}

if (isMainThread) await main();
else await serveRegistry();
