/**
 * Crash resume through the REST catalog: the cleanup journal lives beside the table's metadata (there is no
 * database of ours), through the same FileIO. A run stopped right after its commit leaves its planned deletions
 * journalled; the next run finishes them, re-checked against the current metadata, and the two runs together
 * delete exactly what one uninterrupted run deletes. The journal is empty afterwards.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BesideMetadataJournal } from '../../../src/iceberg/catalog/rest/table-journal.js';
import { LocalFileIO } from '../../../src/iceberg/io/local.js';
import { expireThroughRest } from '../../../src/iceberg/catalog/rest/expire.js';
import type { RunOptions } from '../../../src/iceberg/job/options.js';
import type { TableSummary } from '../../../src/iceberg/job/summary.js';
import { FIXTURES, FIXTURES_PRESENT, copyFixture, listFiles } from '../../support/iceberg/fixtures.js';
import { serveFixtures } from '../../support/iceberg-rest/fixture-catalog.js';

const NOW = Date.parse('2026-11-26T00:00:00Z');
const FIXTURE = FIXTURES.sparkBunnies;
const OPTIONS: RunOptions = {
  selection: { catalogName: 'prod', namespace: 'web', table: 'bunnies' }, shard: { index: 0, count: 1 },
  retention: { olderThan: { kind: 'instant', ms: NOW }, retainLast: 1, expireSnapshotIds: [] }, dryRun: false, now: NOW,
};
const journalFiles = (dir: string) => listFiles(dir).filter((f) => f.includes('.guardrails-journal/'));

describe.skipIf(!FIXTURES_PRESENT)('the REST cleanup journal (needs ../shared/iceberg-fixtures)', () => {
  async function expire(dir: string, url: string, stopAfterCommit: boolean): Promise<TableSummary> {
    const stop = new AbortController();
    const watched: typeof fetch = async (input, init) => {
      const answer = await fetch(input, init);
      if (stopAfterCommit && init?.method === 'POST' && String(input).includes('/tables/')) stop.abort();
      return answer;
    };
    const run = await expireThroughRest(
      { ...OPTIONS, rest: { uri: url, warehouse: undefined, auth: { kind: 'none' }, requestTimeoutMs: 10_000 }, files: { warehouse: process.cwd(), locationMappings: [{ prefix: FIXTURE.prefix, target: dir }], s3: {}, maxConcurrentDeletes: 4 } },
      { log: () => {}, signal: stop.signal, fetch: watched },
    );
    return run.tables[0] as TableSummary;
  }

  async function deletedBy(runs: boolean[]): Promise<{ deleted: string[]; summaries: TableSummary[]; journalAfterFirst: string[]; entriesAfterFirst: unknown[]; journalAtEnd: string[] }> {
    const dir = copyFixture(FIXTURE);
    const server = await serveFixtures([{ fixture: FIXTURE, dir, namespace: ['web'], name: 'bunnies' }], { prefix: 'p' });
    try {
      const before = listFiles(dir);
      const summaries: TableSummary[] = [];
      let journalAfterFirst: string[] = [];
      let entriesAfterFirst: unknown[] = [];
      for (const [i, stopAfterCommit] of runs.entries()) {
        summaries.push(await expire(dir, server.url, stopAfterCommit));
        if (i === 0) {
          journalAfterFirst = journalFiles(dir);
          entriesAfterFirst = journalAfterFirst.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
        }
      }
      expect(server.violations).toEqual([]);
      const after = new Set(listFiles(dir));
      return { deleted: before.filter((f) => !after.has(f)), summaries, journalAfterFirst, entriesAfterFirst, journalAtEnd: journalFiles(dir) };
    } finally {
      await server.close();
    }
  }

  it('finishes a cleanup a stop interrupted after the commit, to exactly what an uninterrupted run deletes', async () => {
    const clean = await deletedBy([false]);
    expect(clean.deleted.length).toBeGreaterThan(0);
    expect(clean.journalAfterFirst).toEqual([]);

    const resumed = await deletedBy([true, false]);
    const [stopped, second] = resumed.summaries as [TableSummary, TableSummary];
    expect(stopped.status).toBe('expired');
    expect(stopped.pendingDeletions).toBe(clean.deleted.length);
    expect(resumed.journalAfterFirst).toHaveLength(1);
    expect(resumed.journalAfterFirst[0]).toMatch(/^metadata\/\.guardrails-journal\/[0-9a-f-]{36}\.\d{6}\.json$/);
    expect(second.resumedDeletions).toBe(clean.deleted.length);
    expect(resumed.deleted).toEqual(clean.deleted);
    expect(resumed.journalAtEnd).toEqual([]);
    // The entry carries what tells a later run the commit landed, and no metadata file of ours (the server wrote it).
    expect(resumed.entriesAfterFirst).toEqual([expect.objectContaining({ expiredSnapshotIds: stopped.expiredSnapshotIds, committedLocation: stopped.metadataLocation })]);
    expect(resumed.entriesAfterFirst[0]).not.toHaveProperty('newLocation');
    expect(second.warnings.filter((w) => /never committed|never landed/.test(w))).toEqual([]);
  });
});

describe('the journal files beside the metadata', () => {
  const table = { catalog: 'prod', namespace: 'web', name: 't' };
  const id = '0b7f3c8e-2a51-4d0e-9a43-5d8e2f1c6a70';
  const entry = { id, table, baseLocation: 'b.json', newLocation: 'n.json', state: 'writing' as const, candidates: [{ path: 'x', kind: 'data' as const, sizeBytes: 1 }] };

  it('keeps one file per entry, takes the newest version, reads without writing, and removes every version when done', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gr-rest-journal-'));
    const io = new LocalFileIO(root);
    const journal = new BesideMetadataJournal(io, () => 'warehouse/t');
    await journal.record(entry);
    await journal.setState(id, 'committing');
    expect(listFiles(root)).toEqual([`warehouse/t/metadata/.guardrails-journal/${id}.000001.json`]);
    // A run that died between writing version 2 and removing version 1 left both.
    writeFileSync(join(root, `warehouse/t/metadata/.guardrails-journal/${id}.000002.json`), JSON.stringify({ ...entry, state: 'committing', candidates: [], recordedAt: 1 }));
    const reader = new BesideMetadataJournal(io, () => 'warehouse/t');
    const before = listFiles(root);
    expect(await reader.pending(table)).toEqual([{ ...entry, state: 'committing', candidates: [] }]);
    expect(listFiles(root)).toEqual(before);
    await reader.finish(id);
    expect(listFiles(root)).toEqual([]);
    expect(await reader.pending(table)).toEqual([]);
  });
});
