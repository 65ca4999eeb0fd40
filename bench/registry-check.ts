/**
 * bench/registry-check: the registry phase of `guardrails check --registry-url` for a pull request
 * changing 200 subjects, each with 50 registered versions, against the in-process test registry with
 * 20 ms of injected latency per request. Prints wall time and request count for ours, for the naive
 * approach (one sequential compatibility request per subject, as the runbook's curl loop does), and
 * the ideal `ceil(requests / concurrency) × latency`, then the ratios against the targets:
 * at most 2 requests per changed subject plus the config look-ups, wall time within 1.5× the ideal.
 *
 * Run for BACKWARD (the cross-check needs the latest version) and BACKWARD_TRANSITIVE (it needs all
 * 50, fetched with one listing per subject).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseConfigText } from '../src/policy/config/load.js';
import { subjectResolver } from '../src/policy/config/subjects.js';
import type { CheckTarget } from '../src/policy/check/plan.js';
import { referenceResolver } from '../src/policy/check/references.js';
import { checkTargetsAgainstRegistry } from '../src/policy/check/registry-check.js';
import { registryFacts } from '../src/policy/check/registry-facts.js';
import { nameIndexOf, scanSource, type ScannedSource } from '../src/policy/check/sources.js';
import type { Workspace } from '../src/policy/check/workspace.js';
import { createRegistryClient, type CompatibilityLevel } from '../src/registry/index.js';
import { avroEngine, startTestRegistry, type TestRegistry } from '../test/support/test-registry/index.js';

const SUBJECTS = 200;
const VERSIONS = 50;
const LATENCY_MS = Number(process.env["BENCH_LATENCY_MS"] ?? 20);

/**
 * Version `v` of record `i`: four base fields and one per-version field with a default, so every
 * version reads every other. Schemas stay small on purpose: the test registry re-parses the stored
 * versions on every compatibility request (a real registry caches them), and in the benchmark that
 * fixture cost, not the client, would otherwise set the pace.
 */
function schemaText(i: number, v: number): string {
  const base = [
    { name: 'id', type: 'long' },
    { name: 'symbol', type: 'string' },
    { name: 'price', type: 'double' },
    { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ];
  const fields = [...base, { name: `v${v}`, type: 'string', default: '' }];
  return JSON.stringify({ type: 'record', name: `R${String(i).padStart(3, '0')}`, namespace: 'bench', fields }, null, 2);
}

// Zero-padded, so that no subject is a prefix of another (a prefix listing would return both).
const subjectOf = (i: number) => `bench.R${String(i).padStart(3, '0')}`;
const fileOf = (i: number) => `schemas/r${i}.avsc`;

/**
 * The registry runs in a worker thread, as a real registry runs in its own process: its CPU time
 * (parsing, compatibility checks) must not be charged to the client's event loop.
 */
async function hostRegistry(level: CompatibilityLevel): Promise<void> {
  const sr = await startTestRegistry();
  seed(sr);
  sr.state.configs.set(null, { compatibilityLevel: level });
  sr.faults.add({ fault: { kind: 'latency', ms: LATENCY_MS } });
  parentPort?.on('message', async (op: string) => {
    if (op === 'reset') sr.resetCounts();
    if (op === 'close') await sr.close();
    parentPort?.postMessage({ op, requests: sr.requests.length });
    if (op === 'close') parentPort?.close();
  });
  parentPort?.postMessage({ op: 'ready', url: sr.url });
}

/** Writes the versions straight into the state: registering 10,000 versions one by one takes minutes. */
function seed(sr: TestRegistry): void {
  let id = 0;
  for (let i = 0; i < SUBJECTS; i++) {
    const versions = Array.from({ length: VERSIONS }, (_, v) => ({
      subject: subjectOf(i),
      version: v + 1,
      id: ++id,
      schemaType: 'AVRO',
      schema: avroEngine.canonicalize({ schemaType: 'AVRO', schema: schemaText(i, v) }),
      references: [],
      deleted: false,
      ts: id,
    }));
    sr.state.versions.set(subjectOf(i), versions);
  }
  sr.state.noteId('.', id);
}

interface Host {
  readonly url: string;
  call(op: 'reset' | 'count' | 'close'): Promise<number>;
}

async function startHost(level: CompatibilityLevel): Promise<Host> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { level } });
  const next = () => new Promise<{ op: string; url?: string; requests?: number }>((resolve) => worker.once('message', resolve));
  const ready = await next();
  return {
    url: ready.url ?? '',
    async call(op) {
      const reply = next();
      worker.postMessage(op);
      return (await reply).requests ?? 0;
    },
  };
}

/** The pull request: every subject's file gains one more field with a default (compatible). */
function workspace(): Workspace {
  const encoder = new TextEncoder();
  const sources = new Map<string, ScannedSource>();
  for (let i = 0; i < SUBJECTS; i++) sources.set(fileOf(i), scanSource(fileOf(i), encoder.encode(schemaText(i, VERSIONS))));
  return { sources, unreadable: new Map(), index: nameIndexOf(sources.values()), reader: async (files) => new Map(files.map((f) => [f, sources.get(f)])) };
}

interface Run {
  readonly ms: number;
  readonly requests: number;
}

async function ours(sr: Host, concurrency: number, level: CompatibilityLevel): Promise<Run> {
  const { settings } = parseConfigText(`version: 1\ndefaults:\n  strategy: RecordNameStrategy\n  compatibility: ${level}\n`, 'bench.yaml');
  const resolver = subjectResolver(settings);
  const files = workspace();
  const targets: CheckTarget[] = Array.from({ length: SUBJECTS }, (_, i) => ({ file: fileOf(i), kind: 'modified', historyPath: fileOf(i) }));
  const client = createRegistryClient({ url: sr.url, maxConcurrency: concurrency });
  const facts = registryFacts(client);
  await sr.call('reset');
  const start = performance.now();
  const reports = await checkTargetsAgainstRegistry(targets, { workspace: files, resolver, facts, references: referenceResolver(files, resolver, facts), previousSource: async () => undefined, concurrency });
  const ms = performance.now() - start;
  client.close();
  const wrong = reports.filter((r) => r.status !== 'compatible' || r.warnings.length > 0);
  if (wrong.length > 0) throw new Error(`bench: ${wrong.length} subjects not compatible: ${JSON.stringify(wrong[0]?.warnings ?? wrong[0]?.error)}`);
  return { ms, requests: await sr.call('count') };
}

/** One compatibility request per subject, one after the other: the runbook's curl loop, with our client. */
async function naive(sr: Host): Promise<Run> {
  const client = createRegistryClient({ url: sr.url, maxConcurrency: 1 });
  await sr.call('reset');
  const start = performance.now();
  for (let i = 0; i < SUBJECTS; i++) {
    const result = await client.checkCompatibility(subjectOf(i), { schema: schemaText(i, VERSIONS) });
    if (!result.compatible) throw new Error(`bench: naive check says ${subjectOf(i)} is incompatible`);
  }
  const ms = performance.now() - start;
  client.close();
  return { ms, requests: await sr.call('count') };
}

function line(name: string, run: Run): string {
  return `${name.padEnd(44)} ${run.ms.toFixed(0).padStart(6)} ms  ${String(run.requests).padStart(5)} requests`;
}

async function main(): Promise<void> {
  for (const level of ['BACKWARD', 'BACKWARD_TRANSITIVE'] as const) {
    const sr = await startHost(level);
    const slow = await naive(sr);
    console.log(`\n${SUBJECTS} changed subjects × ${VERSIONS} versions, ${LATENCY_MS} ms per request, level ${level}`);
    console.log(line('naive (sequential compat per subject)', slow));
    for (const concurrency of [4, 8]) {
      const our = await ours(sr, concurrency, level);
      const idealMs = Math.ceil(our.requests / concurrency) * LATENCY_MS;
      const perSubject = (our.requests - SUBJECTS) / SUBJECTS;
      console.log(line(`guardrails, concurrency ${concurrency}${concurrency === 4 ? ' (default)' : ''}`, our));
      console.log(`${'  ideal ceil(requests / concurrency) × latency'.padEnd(44)} ${String(idealMs).padStart(6)} ms`);
      console.log(`  requests per changed subject besides its config look-up: ${perSubject.toFixed(2)} (target <= 2)`);
      console.log(`  wall time / ideal: ${(our.ms / idealMs).toFixed(2)}x (target <= 1.5x); naive / ours: ${(slow.ms / our.ms).toFixed(2)}x`);
      // The naive loop measures what one request really costs here (latency plus the fixture's and
      // the loopback's own time); the same formula with that cost separates our pipelining from them.
      const perRequest = slow.ms / slow.requests;
      const measuredIdeal = Math.ceil(our.requests / concurrency) * perRequest;
      console.log(`  with the measured ${perRequest.toFixed(1)} ms per request instead of ${LATENCY_MS}: ideal ${measuredIdeal.toFixed(0)} ms, wall time / that: ${(our.ms / measuredIdeal).toFixed(2)}x`);
    }
    await sr.call('close');
  }
}

if (isMainThread) await main();
else await hostRegistry((workerData as { level: CompatibilityLevel }).level);
