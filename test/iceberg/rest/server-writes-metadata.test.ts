/**
 * Over REST the server writes the metadata file: the job writes none of its own (only its journal beside the
 * metadata), the summary names the file the server committed, and the job trims no metadata files even when the
 * table asks for it (the server applies write.metadata.delete-after-commit.enabled). A journal entry of such a
 * commit is judged by the snapshots it expired, or the file the server said it committed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RestCatalog } from '../../../src/iceberg/catalog/rest/rest-catalog.js';
import { BesideMetadataJournal } from '../../../src/iceberg/catalog/rest/table-journal.js';
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import type { RunOptions } from '../../../src/iceberg/job/options.js';
import { fateOf } from '../../../src/iceberg/job/resume.js';
import { runExpiration } from '../../../src/iceberg/job/run.js';
import type { TableSummary } from '../../../src/iceberg/job/summary.js';
import type { JournalEntry } from '../../../src/iceberg/journal/journal.js';
import { loadMetadata } from '../../../src/iceberg/metadata/files.js';
import { FIXTURES, FIXTURES_PRESENT, copyFixture } from '../../support/iceberg/fixtures.js';
import { mappedIO } from '../../support/iceberg/harness.js';
import { serveFixtures } from '../../support/iceberg-rest/fixture-catalog.js';
import type { TestRestCatalog } from '../../support/iceberg-rest/server.js';

const NOW = Date.parse('2026-11-26T00:00:00Z');
const FIXTURE = FIXTURES.javaBunnies;
const OPTIONS: RunOptions = {
  selection: { catalogName: 'prod', namespace: 'web', table: 'bunnies' }, shard: { index: 0, count: 1 },
  retention: { olderThan: { kind: 'instant', ms: NOW }, retainLast: 1, expireSnapshotIds: [] }, dryRun: false, now: NOW,
};
const TABLE = { catalog: 'prod', namespace: 'web', name: 'bunnies' };

const servers: TestRestCatalog[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** The real FileIO, noting every file written through it. */
function noting<T extends FileIO>(io: T, written: string[]): T {
  const watched = Object.create(io) as T;
  watched.writeNew = async (path, bytes) => {
    written.push(path);
    return io.writeNew(path, bytes);
  };
  return watched;
}

async function expireOnce(options: { trimMetadata?: boolean } = {}) {
  const dir = copyFixture(FIXTURE);
  const server = await serveFixtures([{ fixture: FIXTURE, dir, namespace: ['web'], name: 'bunnies' }], { prefix: 'p' });
  servers.push(server);
  const written: string[] = [];
  const io = noting(mappedIO([{ prefix: FIXTURE.prefix, target: dir }]) as FileIO & Required<Pick<FileIO, 'list'>>, written);
  const catalog = await RestCatalog.open('prod', { uri: server.url, warehouse: undefined, auth: { kind: 'none' }, requestTimeoutMs: 10_000 }, io);
  if (options.trimMetadata === true) {
    const set = { action: 'set-properties', updates: { 'write.metadata.delete-after-commit.enabled': 'true', 'write.metadata.previous-versions-max': '1' } };
    server.commitNow({ namespace: ['web'], name: 'bunnies', request: { requirements: [], updates: [set] } });
  }
  const before = server.metadataLocation(['web'], 'bunnies');
  const journal = new BesideMetadataJournal(io, (ident) => catalog.loadedLocation(ident));
  const run = await runExpiration(OPTIONS, { catalog, io, journal, log: () => {}, sleep: async () => {} });
  expect(server.violations).toEqual([]);
  return { summary: run.tables[0] as TableSummary, written, before, after: server.metadataLocation(['web'], 'bunnies'), server, io, dir };
}

describe.skipIf(!FIXTURES_PRESENT)('commits through a catalog that writes the metadata file (needs ../shared/iceberg-fixtures)', () => {
  it('names the server\'s metadata file in the summary and never writes one of its own', async () => {
    const run = await expireOnce();
    expect(run.summary.status).toBe('expired');
    expect(run.after).not.toBe(run.before);
    expect(run.summary.metadataLocation).toBe(run.after);
    expect(run.written.length).toBeGreaterThan(0);
    expect(run.written.filter((p) => !p.includes('/metadata/.guardrails-journal/'))).toEqual([]);
  });

  it('deletes no metadata file even when the table asks for metadata-log trimming: the server applies it', async () => {
    const run = await expireOnce({ trimMetadata: true });
    expect(run.summary.status).toBe('expired');
    expect(run.summary.files['metadata-files'] ?? { count: 0 }).toMatchObject({ count: 0 });
    expect(run.written.filter((p) => p.endsWith('.metadata.json'))).toEqual([]);
  });

  it('judges a journal entry with no file of ours by the snapshots it expired or the file the server committed', async () => {
    const run = await expireOnce();
    const current = await loadMetadata(run.io, run.after);
    const kept = current.view.snapshots.map((s) => s.id);
    const entry = (e: Partial<JournalEntry>): JournalEntry => ({ id: 'e', table: TABLE, baseLocation: run.before, state: 'committing', candidates: [], ...e });
    expect(fateOf(entry({ expiredSnapshotIds: run.summary.expiredSnapshotIds }), current)).toBe('committed');
    expect(fateOf(entry({ expiredSnapshotIds: [...run.summary.expiredSnapshotIds, kept[0] as string] }), current)).toBe('never-committed');
    expect(fateOf(entry({ expiredSnapshotIds: [kept[0] as string], committedLocation: run.after }), current)).toBe('committed');
    expect(fateOf(entry({ baseLocation: run.after, expiredSnapshotIds: run.summary.expiredSnapshotIds }), current)).toBe('undecided');
  });
});
