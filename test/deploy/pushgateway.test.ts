/**
 * Every job pushes to a real Pushgateway (Debian's prometheus-pushgateway, started here on
 * 127.0.0.1), and the values read back from the gateway's /metrics are the job's own. One gateway
 * holds every job's group, as in production, so a metric name with two types would be refused.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseExposition, type Sample } from '../../src/scheduler/job-metrics-sinks.js';
import { buildFixture } from '../backup/fixtures.js';
import { tempDir } from '../backup/support.js';
import { CONFIG as CHECK_CONFIG, PRICE, SYMBOL, record } from '../cli/schemas.js';
import { TempRepo } from '../github/support/temp-repo.js';
import { NOW, OLD, ageAll, plant } from '../iceberg/orphans/support.js';
import { runJob } from '../metrics/job-runs.js';
import { PUSHGATEWAY_BINARY, pushgatewayAvailable, startPushgateway, type Pushgateway } from '../metrics/support.js';
import { EXAMPLE, EXAMPLE_SOURCE } from '../postmortem/harness.js';
import { address, gitRepo, user } from '../registry/register-support.js';
import { FIXTURES, FIXTURES_PRESENT, FIXTURES_ROOT, copyFixture, createCatalog, registerTable } from '../support/iceberg/fixtures.js';
import { startTestDatabase } from '../support/iceberg/postgres.js';
import { startTestRegistry } from '../support/test-registry/index.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe.skipIf(!pushgatewayAvailable())('every job pushing to a real Pushgateway', () => {
  let gateway: Pushgateway;
  beforeAll(async () => {
    gateway = await startPushgateway();
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const push = ['--pushgateway-url', '', '--metrics-instance', 'ci'];
  const withGateway = () => push.map((a) => (a === '' ? gateway.url : a));

  it('reads back each job\'s own values from its group job/instance, and no push was refused', async () => {
    const sr = await startTestRegistry();
    cleanups.push(() => sr.close());
    const out = await tempDir('pushgateway-');
    cleanups.push(() => out.remove());

    await buildFixture(sr.url);
    expect((await runJob(['backup', '--registry-url', sr.url, '--out', out.path, '--name', 'b', '--progress', 'none', ...withGateway()], out.path)).code).toBe(0);
    const target = await startTestRegistry();
    cleanups.push(() => target.close());
    expect((await runJob(['restore', '--from', join(out.path, 'b'), '--registry-url', target.url, '--progress', 'none', ...withGateway()], out.path)).code).toBe(0);

    const repo = await gitRepo();
    cleanups.push(() => repo.remove());
    await repo.commit({ 'guardrails.yaml': 'version: 1\nsubjects:\n  - files: schemas/common/*.avsc\n    strategy: RecordNameStrategy\n  - files: schemas/user.avsc\n    topic: users\n', 'schemas/common/address.avsc': address, 'schemas/user.avsc': user() });
    const registry = await startTestRegistry();
    cleanups.push(() => registry.close());
    expect((await runJob(['register', '--registry-url', registry.url, ...withGateway()], repo.path)).code).toBe(0);
    expect((await runJob(['drift', '--registry-url', registry.url, ...withGateway()], repo.path)).code).toBe(0);

    const checked = TempRepo.create();
    cleanups.push(() => checked.cleanup());
    checked.write('guardrails.yaml', CHECK_CONFIG).write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE])).commit('v1');
    checked.git('checkout', '-q', '-b', 'feature');
    checked.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string' }]));
    expect((await runJob(['check', ...withGateway()], checked.dir)).code).toBe(1);

    await mkdir(join(out.path, 'postmortems'));
    await copyFile(EXAMPLE_SOURCE, join(out.path, EXAMPLE));
    await writeFile(join(out.path, 'guardrails.yaml'), 'version: 1\nfollowups:\n  repo: acme/platform\n');
    expect((await runJob(['followups', '--dry-run', '--now', '2026-01-25', ...withGateway()], out.path)).code).toBe(0);

    const samples = parseExposition(await gateway.metrics());
    const group = (job: string) => ({ job, instance: 'ci' });
    const expected: [string, Record<string, string>, number][] = [
      ['guardrails_backup_subjects_saved_total', group('guardrails_backup'), 8],
      ['guardrails_backup_versions_saved_total', group('guardrails_backup'), 12],
      ['guardrails_restore_versions_registered_total', group('guardrails_restore'), 12],
      ['guardrails_restore_subjects_left_in_import', group('guardrails_restore'), 0],
      ['guardrails_register_schema_files_total', { ...group('guardrails_register'), result: 'registered' }, 2],
      ['guardrails_drift_findings', group('guardrails_drift'), 0],
      ['guardrails_check_subjects_checked_total', group('guardrails_check'), 1],
      ['guardrails_check_incompatibilities_total', group('guardrails_check'), 1],
      ['guardrails_followups_overdue', { ...group('guardrails_followups'), incident_severity: 'P1' }, 2],
      ['guardrails_followups_overdue', { ...group('guardrails_followups'), incident_severity: 'P4' }, 0],
      ['guardrails_job_runs_total', { ...group('guardrails_check'), outcome: 'failure' }, 1],
    ];
    expect(expected.map(([name, labels]) => [name, labels, valueOf(samples, name, labels)])).toEqual(expected);
    for (const job of ['backup', 'restore', 'register', 'drift', 'check', 'followups']) {
      expect(valueOf(samples, 'push_time_seconds', group(`guardrails_${job}`)), job).toBeGreaterThan(0);
      expect(valueOf(samples, 'push_failure_time_seconds', group(`guardrails_${job}`)), job).toBe(0);
    }
  });

  it.skipIf(!FIXTURES_PRESENT)('expire-snapshots pushes its per-table counts (needs ../shared/iceberg-fixtures)', async () => {
    const db = await startTestDatabase('pushgateway');
    cleanups.push(() => db.stop());
    const pool = db.pool();
    await createCatalog(pool, 'V1');
    const dir = copyFixture(FIXTURES.javaBunnies);
    await registerTable(pool, { catalog: 'gw', namespace: 'ns', name: 'bunnies', metadataLocation: FIXTURES.javaBunnies.metadataLocation });
    const ran = await runJob(['expire-snapshots', '--catalog-name', 'gw', '--now', '2026-11-26T00:00:00Z', '--map-location', `${FIXTURES.javaBunnies.prefix}=${dir}`, ...withGateway()], process.cwd(), { DATABASE_URL: db.url });
    expect(ran.code, ran.stderr).toBe(0);
    const samples = parseExposition(await gateway.metrics());
    const table = { job: 'guardrails_expire_snapshots', instance: 'ci', table: 'gw.ns.bunnies' };
    expect(valueOf(samples, 'guardrails_expire_files_deleted_total', { ...table, kind: 'manifest_list' })).toBe(2);
    expect(valueOf(samples, 'guardrails_expire_snapshots_expired_total', table)).toBe(2);
    expect(valueOf(samples, 'guardrails_expire_undeletable_files', table)).toBe(0);
    expect(valueOf(samples, 'push_failure_time_seconds', { job: 'guardrails_expire_snapshots', instance: 'ci' })).toBe(0);
  });

  it.skipIf(!FIXTURES_PRESENT)('remove-orphans pushes its per-table counts beside the other jobs (needs ../shared/iceberg-fixtures)', async () => {
    const db = await startTestDatabase('pushgateway_orphans');
    cleanups.push(() => db.stop());
    const pool = db.pool();
    await createCatalog(pool, 'V1');
    const dir = copyFixture(FIXTURES.sparkBunnies);
    ageAll(dir, OLD);
    plant(dir, 'data/orphan-old.parquet', OLD);
    await registerTable(pool, { catalog: 'gw', namespace: 'ns', name: 'orphaned', metadataLocation: FIXTURES.sparkBunnies.metadataLocation });
    const ran = await runJob(['remove-orphans', '--catalog-name', 'gw', '--now', new Date(NOW).toISOString(), '--map-location', `${FIXTURES.sparkBunnies.prefix}=${dir}`, ...withGateway()], process.cwd(), { DATABASE_URL: db.url });
    expect(ran.code, ran.stderr).toBe(0);
    const samples = parseExposition(await gateway.metrics());
    const table = { job: 'guardrails_remove_orphans', instance: 'ci', table: 'gw.ns.orphaned' };
    // The planted file and the fixture's unreferenced SOURCE.txt.
    expect(valueOf(samples, 'guardrails_orphans_files_deleted_total', table)).toBe(2);
    expect(valueOf(samples, 'guardrails_orphans_found', table)).toBe(2);
    expect(valueOf(samples, 'guardrails_orphans_table_failed', table)).toBe(0);
    expect(valueOf(samples, 'push_failure_time_seconds', { job: 'guardrails_remove_orphans', instance: 'ci' })).toBe(0);
  });
});

if (!FIXTURES_PRESENT) {
  describe('expire-snapshots pushing to a real Pushgateway', () => {
    it.skip(`needs the Iceberg fixtures at ${FIXTURES_ROOT}, absent here`, () => {});
  });
}

if (!pushgatewayAvailable()) {
  describe('every job pushing to a real Pushgateway', () => {
    it.skip(`needs ${PUSHGATEWAY_BINARY} (apt-get install -y prometheus-pushgateway; .ci/run installs it)`, () => {});
  });
}
