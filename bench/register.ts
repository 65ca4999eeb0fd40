/**
 * bench/register: `guardrails register` after a merge that changed 500 subjects (each has v1; the
 * branch adds a compatible field), against the in-process test registry with 20 ms of injected
 * latency per request. Prints wall time and request count, the ideal
 * `ceil(requests / concurrency) × latency`, and the ratio (goal ≤ 1.5×), then the no-op second run.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { createRegistryClient, parseRegistrySettings } from '../src/registry/index.js';
import type { SchemaFile } from '../src/registry/register/model.js';
import { registerSchemas } from '../src/registry/register/register.js';
import { startTestRegistry } from '../test/support/test-registry/index.js';

const SUBJECTS = 500;
const CONCURRENCY = 8;
const LATENCY_MS = Number(process.env['BENCH_LATENCY_MS'] ?? 20);

const subjectOf = (i: number) => `bench.R${String(i).padStart(3, '0')}-value`;
function schemaText(i: number, extra: boolean): string {
  const fields: object[] = [{ name: 'id', type: 'long' }, { name: 'symbol', type: 'string' }];
  if (extra) fields.push({ name: 'venue', type: 'string', default: '' });
  return JSON.stringify({ type: 'record', name: `R${String(i).padStart(3, '0')}`, namespace: 'bench', fields }, null, 2);
}

/** The registry runs in a worker thread, as a real registry runs in its own process. */
async function hostRegistry(): Promise<void> {
  const sr = await startTestRegistry();
  for (let i = 0; i < SUBJECTS; i++) sr.seed(subjectOf(i), { schema: schemaText(i, false) });
  sr.faults.add({ fault: { kind: 'latency', ms: LATENCY_MS } });
  parentPort?.on('message', async (op: string) => {
    if (op === 'reset') sr.resetCounts();
    if (op === 'close') await sr.close();
    parentPort?.postMessage({ op, requests: sr.requests.length, writes: sr.requests.filter((r) => r.route === 'POST /subjects/{subject}/versions').length });
    if (op === 'close') parentPort?.close();
  });
  parentPort?.postMessage({ op: 'ready', url: sr.url });
}

interface Answer {
  op: string;
  url?: string;
  requests?: number;
  writes?: number;
}

async function main(): Promise<void> {
  const worker = new Worker(new URL(import.meta.url));
  const next = () => new Promise<Answer>((resolve) => worker.once('message', resolve));
  const ask = async (op: string) => {
    const answer = next();
    worker.postMessage(op);
    return answer;
  };
  const { url } = await next();
  const files: SchemaFile[] = Array.from({ length: SUBJECTS }, (_, i) => ({ file: `schemas/r${i}.avsc`, text: schemaText(i, true), subject: subjectOf(i), level: 'BACKWARD', uses: [] }));
  const settings = parseRegistrySettings({ url: url as string, maxConcurrency: CONCURRENCY });
  const once = async (label: string) => {
    await ask('reset');
    const signal = new AbortController().signal;
    const client = createRegistryClient(settings, { signal });
    const started = performance.now();
    const result = await registerSchemas(
      { commit: 'bench', files, dryRun: false },
      { client, openCleanupClient: (deadline) => createRegistryClient(settings, { signal: deadline }), signal, now: () => new Date() },
    );
    const ms = performance.now() - started;
    client.close();
    const { requests = 0, writes = 0 } = await ask('count');
    const ideal = Math.ceil(requests / CONCURRENCY) * LATENCY_MS;
    const registered = result.entries.filter((e) => e.action === 'registered').length;
    console.log(`${label}: ${ms.toFixed(0)} ms, ${requests} requests (${(requests / SUBJECTS).toFixed(2)}/subject), ${writes} registrations, ${registered} registered; ideal ${ideal} ms; ratio ${(ms / ideal).toFixed(2)}x (goal <= 1.5x)`);
  };
  await once('first run (500 changed subjects)');
  await once('second run (no change)');
  await ask('close');
}

if (isMainThread) await main();
else await hostRegistry();
