/**
 * The metrics of `guardrails remove-orphans` through the real CLI, a real PostgreSQL catalog and copies of the real
 * fixture tables: one table with planted orphans (old, young, hidden) and one whose current metadata file is unreadable.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_METRIC_NAMES } from '../../src/scheduler/job-metrics.js';
import { FIXTURES, FIXTURES_PRESENT, FIXTURES_ROOT, copyFixture, createCatalog, registerTable } from '../support/iceberg/fixtures.js';
import { startTestDatabase, type TestDatabase } from '../support/iceberg/postgres.js';
import { NEW, NOW, OLD, ageAll, catalogArgs, plant } from '../iceberg/orphans/support.js';
import { family, names, runJob } from './job-runs.js';

const CATALOG = 'orphan_metrics';
const GOOD = `table=${CATALOG}.ns.bunnies`;
const BROKEN = `table=${CATALOG}.ns.broken`;

describe.skipIf(!FIXTURES_PRESENT)('remove-orphans metrics against a real catalog (needs ../shared/iceberg-fixtures)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await startTestDatabase('orphan_metrics');
    pool = db.pool();
    await createCatalog(pool, 'V1');
  });
  afterAll(async () => {
    await db?.stop();
  });

  it('counts per table the orphans found, deleted and their bytes, skipped by reason, and a failed table; a dry run deletes nothing', async () => {
    const good = copyFixture(FIXTURES.sparkBunnies);
    ageAll(good, OLD);
    plant(good, 'data/orphan-old.parquet', OLD, 'an old orphan');
    plant(good, 'data/orphan-young.parquet', NEW);
    plant(good, 'data/.orphan-old.parquet.crc', OLD);
    // SOURCE.txt lies under the table location and nothing references it: the other old orphan.
    const reclaimable = statSync(join(good, 'data/orphan-old.parquet')).size + statSync(join(good, 'SOURCE.txt')).size;
    const broken = copyFixture(FIXTURES.javaBunnies);
    ageAll(broken, OLD);
    writeFileSync(join(broken, 'metadata/v5.metadata.json'), '{ not json');
    await registerTable(pool, { catalog: CATALOG, namespace: 'ns', name: 'bunnies', metadataLocation: FIXTURES.sparkBunnies.metadataLocation });
    await registerTable(pool, { catalog: CATALOG, namespace: 'ns', name: 'broken', metadataLocation: FIXTURES.javaBunnies.metadataLocation });
    const { argv, env } = catalogArgs(db.url, CATALOG);
    const args = [
      'remove-orphans', ...argv, '--now', new Date(NOW).toISOString(),
      '--map-location', `${FIXTURES.sparkBunnies.prefix}=${good}`, '--map-location', `${FIXTURES.javaBunnies.prefix}=${broken}`,
    ];
    const skipped = { [`${GOOD},reason=too_young`]: 1, [`${GOOD},reason=hidden`]: 1, [`${GOOD},reason=prefix_mismatch`]: 0, [`${BROKEN},reason=too_young`]: 0, [`${BROKEN},reason=hidden`]: 0, [`${BROKEN},reason=prefix_mismatch`]: 0 };

    const dry = await runJob([...args, '--dry-run'], process.cwd(), env);
    expect(dry.code, dry.stderr).toBe(1);
    expect(dry.job).toBe('guardrails_remove_orphans');
    expect(family(dry.samples, 'guardrails_job_runs_total')['outcome=failure']).toBe(1);
    expect(family(dry.samples, 'guardrails_orphans_found')).toEqual({ [GOOD]: 2, [BROKEN]: 0 });
    expect(family(dry.samples, 'guardrails_orphans_files_deleted_total')).toEqual({ [GOOD]: 0, [BROKEN]: 0 });
    expect(family(dry.samples, 'guardrails_orphans_reclaimed_bytes_total')).toEqual({ [GOOD]: 0, [BROKEN]: 0 });
    expect(family(dry.samples, 'guardrails_orphans_table_failed')).toEqual({ [GOOD]: 0, [BROKEN]: 1 });
    expect(existsSync(join(good, 'data/orphan-old.parquet'))).toBe(true);

    const ran = await runJob(args, process.cwd(), env);
    expect(ran.code, ran.stderr).toBe(1);
    expect(family(ran.samples, 'guardrails_job_runs_total')['outcome=failure']).toBe(1);
    for (const s of ran.samples) expect(s.labels['job'], s.name).toBe('guardrails_remove_orphans');
    for (const name of names(ran.samples)) expect(JOB_METRIC_NAMES, name).toContain(name);
    expect(family(ran.samples, 'guardrails_orphans_found')).toEqual({ [GOOD]: 2, [BROKEN]: 0 });
    expect(family(ran.samples, 'guardrails_orphans_files_deleted_total')).toEqual({ [GOOD]: 2, [BROKEN]: 0 });
    expect(family(ran.samples, 'guardrails_orphans_reclaimed_bytes_total')).toEqual({ [GOOD]: reclaimable, [BROKEN]: 0 });
    expect(family(ran.samples, 'guardrails_orphans_delete_failures_total')).toEqual({ [GOOD]: 0, [BROKEN]: 0 });
    expect(family(ran.samples, 'guardrails_orphans_skipped_files')).toEqual(skipped);
    expect(family(ran.samples, 'guardrails_orphans_awaiting_mark_files')).toEqual({ [GOOD]: 0, [BROKEN]: 0 });
    expect(family(ran.samples, 'guardrails_orphans_table_failed')).toEqual({ [GOOD]: 0, [BROKEN]: 1 });
    expect(existsSync(join(good, 'data/orphan-old.parquet'))).toBe(false);
    expect(existsSync(join(good, 'data/orphan-young.parquet'))).toBe(true);

    if (existsSync('/usr/bin/promtool')) {
      const checked = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: ran.exposition, encoding: 'utf8' });
      expect(checked.stdout + checked.stderr).toBe('');
      expect(checked.status).toBe(0);
    }
  });
});

if (!FIXTURES_PRESENT) {
  describe('remove-orphans metrics', () => {
    it.skip(`need the Iceberg fixtures at ${FIXTURES_ROOT}, absent here`, () => {});
  });
}
