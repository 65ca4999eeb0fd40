/**
 * Metadata-file cleanup and --clean-expired-metadata on copies of the real fixture tables, their metadata edited as
 * text (64-bit ids intact): write.metadata.delete-after-commit.enabled deletes exactly the files the commit trims
 * from the log to write.metadata.previous-versions-max (Java CatalogUtil.deleteRemovedMetadataFiles), and unused
 * partition specs and schemas go while the default spec, the current schema and those kept snapshots use stay.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireTable, type TableJobOptions } from '../../src/iceberg/job/expire-table.js';
import type { TableSummary } from '../../src/iceberg/job/summary.js';
import { PostgresCleanupJournal } from '../../src/iceberg/journal/postgres-journal.js';
import { parseMetadataBytes } from '../../src/iceberg/metadata/json.js';
import { metadataLogFiles } from '../../src/iceberg/metadata/metadata-log.js';
import { FIXTURES, FIXTURES_PRESENT, type FixtureTable, copyFixture, createCatalog, listFiles, registerTable } from '../support/iceberg/fixtures.js';
import { jobDeps, mappedIO, sqlCatalog } from '../support/iceberg/harness.js';
import { type TestDatabase, startTestDatabase } from '../support/iceberg/postgres.js';
import { missingReferencedFiles } from '../support/iceberg/verify.js';

const NOW = Date.parse('2026-11-26T00:00:00Z');
const CATALOG = 'meta';
let db: TestDatabase;
let pool: pg.Pool;
let counter = 0;

interface Run {
  readonly summary: TableSummary;
  readonly deleted: string[];
  readonly committed: Record<string, unknown>;
  readonly missing: string[];
}

/** Copies the fixture, edits its current metadata file as text, registers and expires it. */
async function expireEdited(fixture: FixtureTable, edit: (text: string) => string, options: { retainLast: number; clean?: boolean; dryRun?: boolean }): Promise<Run> {
  const dir = copyFixture(fixture);
  const file = join(dir, fixture.tableDir, 'metadata', fixture.metadataLocation.slice(fixture.metadataLocation.lastIndexOf('/') + 1));
  const original = readFileSync(file, 'utf8');
  const edited = edit(original);
  expect(edited).not.toBe(original);
  writeFileSync(file, edited);
  const name = `t${++counter}`;
  await registerTable(pool, { catalog: CATALOG, namespace: 'fx', name, metadataLocation: fixture.metadataLocation });
  const before = listFiles(dir);
  const io = mappedIO([{ prefix: fixture.prefix, target: dir }]);
  const catalog = sqlCatalog(pool, CATALOG);
  const jobOptions: TableJobOptions = { dryRun: options.dryRun ?? false, cleanExpiredMetadata: options.clean ?? false, retention: { defaultMaxSnapshotAgeMs: 90 * 86_400_000, retainLast: options.retainLast, expireOlderThanMs: NOW } };
  const ident = { catalog: CATALOG, namespace: 'fx', name };
  const summary = await expireTable(ident, jobOptions, { ...jobDeps(catalog, io, NOW), journal: new PostgresCleanupJournal(pool) });
  const pointer = await catalog.loadPointer(ident);
  return {
    summary,
    deleted: before.filter((f) => !listFiles(dir).includes(f)),
    committed: parseMetadataBytes(await io.read(pointer), pointer),
    missing: await missingReferencedFiles(io, pointer),
  };
}

const withProperties = (props: Record<string, string>) => (text: string): string =>
  text.replace('"properties" : {\n', `"properties" : {\n${Object.entries(props).map(([k, v]) => `    ${JSON.stringify(k)} : ${JSON.stringify(v)},\n`).join('')}`);

const DELETE_AFTER_COMMIT = { 'write.metadata.delete-after-commit.enabled': 'true', 'write.metadata.previous-versions-max': '2' };
const SPECS_0_1_2 = (text: string): string => text
  .replace('"default-spec-id" : 0,', '"default-spec-id" : 1,')
  .replace('"partition-specs" : [ {\n    "spec-id" : 0,\n    "fields" : [ ]\n  } ],', '"partition-specs" : [ {\n    "spec-id" : 0,\n    "fields" : [ ]\n  }, {\n    "spec-id" : 1,\n    "fields" : [ ]\n  }, {\n    "spec-id" : 2,\n    "fields" : [ ]\n  } ],');

const ids = (list: unknown, key: string): string[] => (list as Array<Record<string, { toString(): string }>>).map((e) => String(e[key]));

describe.skipIf(!FIXTURES_PRESENT)('metadata-file cleanup and --clean-expired-metadata (needs ../shared/iceberg-fixtures)', () => {
  beforeAll(async () => {
    db = await startTestDatabase('metadata-cleanup');
    pool = db.pool();
    await createCatalog(pool, 'V0');
  });
  afterAll(async () => {
    await db?.stop();
  });

  it('java-bunnies-v2, delete-after-commit with previous-versions-max 2: v1-v3 go with the two lists, v4 and v5 stay in the log', async () => {
    const run = await expireEdited(FIXTURES.javaBunnies, withProperties(DELETE_AFTER_COMMIT), { retainLast: 1 });
    expect(run.summary.status).toBe('expired');
    expect(run.deleted).toEqual([
      'metadata/snap-4951213507629824583-1-583a45a0-7389-4d71-9305-ac3a8725c38b.avro',
      'metadata/snap-6458828015811002920-1-e1756967-c907-47e2-8b37-82123c5e5908.avro',
      'metadata/v1.metadata.json',
      'metadata/v2.metadata.json',
      'metadata/v3.metadata.json',
    ]);
    expect(metadataLogFiles(run.committed)).toEqual(['s3a://hyperparam-iceberg/java/bunnies/metadata/v4.metadata.json', 's3a://hyperparam-iceberg/java/bunnies/metadata/v5.metadata.json']);
    expect(run.summary.files['metadata-files'].count).toBe(3);
    expect(run.missing).toEqual([]);
  });

  it('a dry run lists the metadata files it would delete, and deletes none', async () => {
    const run = await expireEdited(FIXTURES.javaBunnies, withProperties(DELETE_AFTER_COMMIT), { retainLast: 1, dryRun: true });
    expect(run.deleted).toEqual([]);
    expect((run.summary.plannedDeletions ?? []).filter((d) => d.kind === 'metadata-files').map((d) => d.path.slice(d.path.lastIndexOf('/') + 1))).toEqual(['v1.metadata.json', 'v2.metadata.json', 'v3.metadata.json']);
  });

  it('without delete-after-commit the log is trimmed only to previous-versions-max and no metadata file is deleted', async () => {
    const run = await expireEdited(FIXTURES.javaBunnies, withProperties({ 'write.metadata.previous-versions-max': '2' }), { retainLast: 1 });
    expect(run.deleted.filter((f) => f.endsWith('.metadata.json'))).toEqual([]);
    expect(metadataLogFiles(run.committed)).toHaveLength(2);
  });

  it('java-bunnies-v2 --clean-expired-metadata, retainLast 1: schema 0 and the unused spec 2 go; the default spec 1 and spec 0 of the kept manifests stay', async () => {
    const run = await expireEdited(FIXTURES.javaBunnies, SPECS_0_1_2, { retainLast: 1, clean: true });
    expect([run.summary.removedPartitionSpecIds, run.summary.removedSchemaIds]).toEqual([['2'], ['0']]);
    expect(ids(run.committed['partition-specs'], 'spec-id')).toEqual(['0', '1']);
    expect(ids(run.committed['schemas'], 'schema-id')).toEqual(['1']);
    expect(String(run.committed['current-schema-id'])).toBe('1');
    expect(String(run.committed['last-partition-id'])).toBe('999');
    expect(run.missing).toEqual([]);
  });

  it('spark-bunnies-v2 --clean-expired-metadata, retainLast 2: schema 0 stays while a kept snapshot uses it', async () => {
    const run = await expireEdited(FIXTURES.sparkBunnies, SPECS_0_1_2, { retainLast: 2, clean: true });
    expect([run.summary.removedPartitionSpecIds, run.summary.removedSchemaIds]).toEqual([['2'], []]);
    expect(ids(run.committed['schemas'], 'schema-id')).toEqual(['0', '1']);
  });

  it('--clean-expired-metadata commits even when no snapshot expires (Java 1.10+), and only then', async () => {
    const run = await expireEdited(FIXTURES.javaBunnies, SPECS_0_1_2, { retainLast: 3, clean: true });
    expect([run.summary.status, run.summary.expiredSnapshotIds, run.summary.removedPartitionSpecIds, run.summary.removedSchemaIds]).toEqual(['expired', [], ['2'], []]);
    expect(run.deleted).toEqual([]);
    const untouched = await expireEdited(FIXTURES.javaBunnies, withProperties({ unrelated: 'x' }), { retainLast: 3, clean: true });
    expect(untouched.summary.status).toBe('nothing-to-expire');
  });
});
