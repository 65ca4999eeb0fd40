import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireTable } from '../../src/iceberg/job/expire-table.js';
import { createCatalog, listFiles } from '../support/iceberg/fixtures.js';
import { jobDeps, sqlCatalog } from '../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';
import { register, scratchTable } from '../support/iceberg/scratch.js';
import { missingReferencedFiles } from '../support/iceberg/verify.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T00:00:00Z');
let db: TestDatabase;
let pool: pg.Pool;
let n = 0;

const exists = (uri: string): boolean => existsSync(fileURLToPath(uri));

async function expire(location: string, options: { olderThanDays: number; retainLast?: number }) {
  const name = `t${++n}`;
  await register(pool, 'b', name, location);
  const catalog = sqlCatalog(pool, 'b');
  const ident = { catalog: 'b', namespace: 'ns', name };
  const summary = await expireTable(ident, {
    dryRun: false,
    retention: { defaultMaxSnapshotAgeMs: 90 * DAY, expireOlderThanMs: NOW - options.olderThanDays * DAY, retainLast: options.retainLast },
  }, jobDeps(catalog, scratchTable('unused').io, NOW));
  return { summary, pointer: await catalog.loadPointer(ident) };
}

describe('expiration of builder-made tables with branches, tags and statistics', () => {
  beforeAll(async () => {
    db = await startTestDatabase('builder');
    pool = db.pool();
    await createCatalog(pool, 'V1');
  });
  afterAll(async () => {
    await db?.stop();
  });

  it('keeps what tags and branches reach, deletes what only expired snapshots reach', async () => {
    const { builder, io, dir } = scratchTable('refs');
    const s1 = await builder.commit({ timestampMs: NOW - 100 * DAY, addData: 2 });
    const [d1, d2] = builder.liveFiles(s1) as [string, string];
    const s2 = await builder.commit({ timestampMs: NOW - 90 * DAY, addData: 1 });
    const s3 = await builder.commit({ timestampMs: NOW - 80 * DAY, remove: [d1], addData: 1 });
    builder.ref('v1', 'tag', s1).ref('dev', 'branch', s2);
    const s4 = await builder.commit({ timestampMs: NOW - 70 * DAY, branch: 'dev', addData: 1 });
    const s5 = await builder.commit({ timestampMs: NOW - 10 * DAY, remove: [d2] });
    const stats2 = await builder.addStatistics(s2);
    const stats5 = await builder.addStatistics(s5);
    const location = await builder.writeMetadata();
    const before = listFiles(dir);

    const { summary, pointer } = await expire(location, { olderThanDays: 30 });
    expect(summary.expiredSnapshotIds).toEqual([String(s2), String(s3)]);
    const onlyInS3 = builder.manifestsOf(s3).filter((m) => ![s1, s4, s5].some((s) => builder.manifestsOf(s).includes(m)));
    expect(onlyInS3).toHaveLength(1);
    const gone = before.filter((f) => !listFiles(dir).includes(f));
    expect(gone.sort()).toEqual([builder.manifestListOf(s2), builder.manifestListOf(s3), onlyInS3[0] as string, stats2]
      .map((u) => fileURLToPath(u).slice(dir.length + 1)).sort());
    expect(summary.files.data.count).toBe(0);
    expect(exists(d1) && exists(d2) && exists(stats5)).toBe(true); // d1 through the tag, d2 through tag and branch
    expect(await missingReferencedFiles(io, pointer)).toEqual([]);
  });

  it('deletes a removed data file once no ref reaches it, but not while a tag does', async () => {
    for (const tagged of [false, true]) {
      const { builder, io } = scratchTable('tag');
      const s1 = await builder.commit({ timestampMs: NOW - 50 * DAY, addData: 1 });
      const [d1] = builder.liveFiles(s1) as [string];
      await builder.commit({ timestampMs: NOW - 40 * DAY, remove: [d1], addData: 1 });
      await builder.commit({ timestampMs: NOW - 1 * DAY, addData: 1, addPositionDeletes: 1 });
      if (tagged) builder.ref('keep', 'tag', s1);
      const { summary, pointer } = await expire(await builder.writeMetadata(), { olderThanDays: 0 });
      expect(summary.expiredSnapshotIds).toHaveLength(tagged ? 1 : 2);
      expect(exists(d1)).toBe(tagged);
      expect(summary.files.data.count).toBe(tagged ? 0 : 1);
      expect(await missingReferencedFiles(io, pointer)).toEqual([]);
    }
  });

  it('drops an aged-out branch and deletes the files only it reached', async () => {
    const { builder, io } = scratchTable('branch');
    const s1 = await builder.commit({ timestampMs: NOW - 20 * DAY, addData: 1 });
    builder.ref('scratch', 'branch', s1, { 'max-ref-age-ms': 1000 });
    const sb = await builder.commit({ timestampMs: NOW - 19 * DAY, branch: 'scratch', addData: 2 });
    await builder.commit({ timestampMs: NOW - 1 * DAY, addData: 1 });
    const branchOnly = builder.liveFiles(sb).filter((f) => !builder.liveFiles(s1).includes(f));
    const { summary, pointer } = await expire(await builder.writeMetadata(), { olderThanDays: 5, retainLast: 5 });
    expect(summary.droppedRefs).toEqual(['scratch']);
    expect(summary.expiredSnapshotIds).toEqual([String(sb)]);
    expect(branchOnly.map(exists)).toEqual([false, false]);
    expect(await missingReferencedFiles(io, pointer)).toEqual([]);
  });

  it('refuses a gc.enabled=false table and leaves it untouched', async () => {
    const { builder, dir } = scratchTable('nogc');
    builder.setProperty('gc.enabled', 'false');
    await builder.commit({ timestampMs: NOW - 50 * DAY, addData: 1 });
    await builder.commit({ timestampMs: NOW - 40 * DAY, addData: 1 });
    const location = await builder.writeMetadata();
    const before = listFiles(dir);
    const { summary, pointer } = await expire(location, { olderThanDays: 0 });
    expect(summary.status).toBe('failed');
    expect(summary.error?.code).toBe('REFUSED');
    expect(pointer).toBe(location);
    expect(listFiles(dir)).toEqual(before);
  });
});
