/**
 * Commit outcomes through the REST catalog on a real fixture table: a 409 from a writer who moved main between
 * our load and our commit makes the job re-plan on the new state and commit that (exactly what a run started
 * after the writer does); a 5xx whose commit landed is verified by reloading and cleaned up; a 5xx whose
 * commit did not land is retried; and when the reload cannot tell, nothing is deleted.
 */
import { LosslessNumber } from 'lossless-json';
import { afterEach, describe, expect, it } from 'vitest';
import { RestCatalog } from '../../../src/iceberg/catalog/rest/rest-catalog.js';
import type { ExpireRetention, RunOptions } from '../../../src/iceberg/job/options.js';
import { runExpiration } from '../../../src/iceberg/job/run.js';
import type { TableSummary } from '../../../src/iceberg/job/summary.js';
import { FIXTURES, FIXTURES_PRESENT, copyFixture, listFiles } from '../../support/iceberg/fixtures.js';
import { mappedIO } from '../../support/iceberg/harness.js';
import { serveFixtures } from '../../support/iceberg-rest/fixture-catalog.js';
import type { TestRestCatalog } from '../../support/iceberg-rest/server.js';

const NOW = Date.parse('2026-11-26T00:00:00Z');
const FIXTURE = FIXTURES.javaBunnies;
const RETENTION: ExpireRetention = { olderThan: { kind: 'instant', ms: NOW }, retainLast: 1, expireSnapshotIds: [] };
const OPTIONS: RunOptions = { selection: { catalogName: 'prod', namespace: 'web', table: 'bunnies' }, shard: { index: 0, count: 1 }, retention: RETENTION, dryRun: false, now: NOW };

const servers: TestRestCatalog[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

interface Run {
  readonly summary: TableSummary;
  readonly deleted: string[];
  readonly server: TestRestCatalog;
  readonly statuses: number[];
}

/** Serves a fresh copy, lets `prepare` set up the server (faults, a rival writer), and runs one expiration. */
async function expireWith(prepare: (server: TestRestCatalog) => void, serverOptions: { idempotency?: boolean } = {}): Promise<Run> {
  const dir = copyFixture(FIXTURE);
  const server = await serveFixtures([{ fixture: FIXTURE, dir, namespace: ['web'], name: 'bunnies' }], { prefix: 'p', ...serverOptions });
  servers.push(server);
  const io = mappedIO([{ prefix: FIXTURE.prefix, target: dir }]);
  const catalog = await RestCatalog.open('prod', { uri: server.url, warehouse: undefined, auth: { kind: 'none' }, requestTimeoutMs: 10_000 }, io);
  prepare(server);
  const before = listFiles(dir);
  const run = await runExpiration(OPTIONS, { catalog, io, log: () => {}, sleep: async () => {} });
  const after = new Set(listFiles(dir));
  const statuses = server.exchanges.filter((e) => e.method === 'POST').map((e) => e.status);
  expect(server.violations).toEqual([]);
  return { summary: run.tables[0] as TableSummary, deleted: before.filter((f) => !after.has(f)), server, statuses };
}

function snapshotIds(server: TestRestCatalog): string[] {
  const doc = server.readMetadata(server.metadataLocation(['web'], 'bunnies'));
  return (doc['snapshots'] as Array<Record<string, LosslessNumber>>).map((s) => (s['snapshot-id'] as LosslessNumber).value);
}

/** A rival writer's commit rolling main back to the middle snapshot. */
function rollbackChange(server: TestRestCatalog) {
  const ids = snapshotIds(server);
  return {
    namespace: ['web'],
    name: 'bunnies',
    request: { requirements: [], updates: [{ action: 'set-snapshot-ref', 'ref-name': 'main', type: 'branch', 'snapshot-id': new LosslessNumber(ids[1] as string) }] },
  };
}

/** What must agree between two runs that end in the same state. */
function effect(run: Run) {
  return { expired: [...run.summary.expiredSnapshotIds].sort(), deleted: run.deleted, kept: snapshotIds(run.server).sort(), files: run.summary.files };
}

describe.skipIf(!FIXTURES_PRESENT)('REST commit outcomes (needs ../shared/iceberg-fixtures)', () => {
  it('a clean run commits once', async () => {
    const clean = await expireWith(() => {});
    expect(clean.statuses).toEqual([200]);
    expect(clean.summary.status).toBe('expired');
    expect(clean.summary.expiredSnapshotIds).toHaveLength(2);
    expect(clean.deleted.length).toBeGreaterThan(0);
  });

  it('a writer moving main between load and commit gets a 409; the job re-plans and commits what a later run would', async () => {
    const raced = await expireWith((server) => server.beforeNextCommit(rollbackChange(server)));
    expect(raced.statuses).toEqual([409, 200]);
    expect(raced.summary.status).toBe('expired');
    expect(raced.summary.commitAttempts).toBe(2);
    const later = await expireWith((server) => server.commitNow(rollbackChange(server)));
    expect(later.statuses).toEqual([200]);
    expect(effect(raced)).toEqual(effect(later));
    // Rolled back to the middle snapshot: the newest is no longer on main and goes too.
    const clean = await expireWith(() => {});
    expect(effect(raced).kept).not.toEqual(effect(clean).kept);
  });

  it('a 502 after the commit landed is verified by reloading: committed, and cleaned up', async () => {
    const clean = await expireWith(() => {});
    const landed = await expireWith((server) => server.failNextCommit(502, true));
    expect(landed.statuses).toEqual([502]);
    expect(landed.summary.status).toBe('expired');
    expect(effect(landed)).toEqual(effect(clean));
  });

  it('a 500 whose commit did not land: the reload shows the base, so the job commits again', async () => {
    const clean = await expireWith(() => {});
    const retried = await expireWith((server) => server.failNextCommit(500, false));
    expect(retried.statuses).toEqual([500, 200]);
    expect(retried.summary.status).toBe('expired');
    expect(effect(retried)).toEqual(effect(clean));
  });

  it('with Idempotency-Key replay, a 502 after the commit landed is answered by sending the same request again', async () => {
    const clean = await expireWith(() => {});
    const replayed = await expireWith((server) => server.failNextCommit(502, true), { idempotency: true });
    expect(replayed.statuses).toEqual([502, 200]);
    const sequence = replayed.server.exchanges.map((e) => `${e.method} ${e.status}`);
    expect(sequence.slice(sequence.indexOf('POST 502'), sequence.indexOf('POST 502') + 2)).toEqual(['POST 502', 'POST 200']);
    const keys = replayed.server.exchanges.filter((e) => e.method === 'POST').map((e) => e.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
    // The replay is the catalog's stored answer: one commit attempt, no reload to guess from, and the cleanup ran.
    expect(replayed.summary.status).toBe('expired');
    expect(replayed.summary.commitAttempts).toBe(1);
    expect(effect(replayed)).toEqual(effect(clean));
  });

  it('a 504 and a reload that fails too: the outcome is unknown and nothing is deleted', async () => {
    const unknown = await expireWith((server) => server.failNextCommit(504, true, 503));
    expect(unknown.statuses).toEqual([504]);
    expect(unknown.summary.status).toBe('failed');
    expect(unknown.summary.error?.code).toBe('UNKNOWN_OUTCOME');
    expect(unknown.deleted).toEqual([]);
  });
});

describe.skipIf(!FIXTURES_PRESENT)('a stop while the REST catalog does not answer (needs ../shared/iceberg-fixtures)', () => {
  it('cuts the read short: the table is stopped, nothing is written, the run says so', async () => {
    const dir = copyFixture(FIXTURE);
    const server = await serveFixtures([{ fixture: FIXTURE, dir, namespace: ['web'], name: 'bunnies' }], { hangTable: 'bunnies' });
    servers.push(server);
    const stop = new AbortController();
    const io = mappedIO([{ prefix: FIXTURE.prefix, target: dir }]);
    const catalog = await RestCatalog.open('prod', { uri: server.url, warehouse: undefined, auth: { kind: 'none' }, requestTimeoutMs: 600_000 }, io, { signal: stop.signal });
    const before = listFiles(dir);
    void server.hanging().then(() => stop.abort());
    const run = await runExpiration(OPTIONS, { catalog, io, log: () => {}, sleep: async () => {}, signal: stop.signal });
    expect(run.stopped).toBe(true);
    expect(run.tables.map((t) => [t.status, t.error?.code])).toEqual([['stopped', 'STOPPED']]);
    expect(listFiles(dir)).toEqual(before);
  });

  it('gives a commit in flight a grace, then cuts it: the outcome is unknown and nothing is deleted', async () => {
    const dir = copyFixture(FIXTURE);
    const server = await serveFixtures([{ fixture: FIXTURE, dir, namespace: ['web'], name: 'bunnies' }], { hangTable: 'bunnies', hang: 'commit' });
    servers.push(server);
    const stop = new AbortController();
    const io = mappedIO([{ prefix: FIXTURE.prefix, target: dir }]);
    const catalog = await RestCatalog.open('prod', { uri: server.url, warehouse: undefined, auth: { kind: 'none' }, requestTimeoutMs: 600_000 }, io, { signal: stop.signal });
    const before = listFiles(dir);
    void server.hanging().then(() => stop.abort());
    const run = await runExpiration(OPTIONS, { catalog, io, log: () => {}, sleep: async () => {}, signal: stop.signal });
    expect(run.tables.map((t) => [t.status, t.error?.code])).toEqual([['failed', 'UNKNOWN_OUTCOME']]);
    expect(listFiles(dir)).toEqual(before);
  });
});
