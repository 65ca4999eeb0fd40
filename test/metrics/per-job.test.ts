/**
 * Each job's own metrics, end to end: a known input, the job run through the real CLI, and the
 * exact values it handed to the metrics wrapper (captured through CliIo.onJobMetrics, the
 * scheduler's hook). The values come from what the input makes the job do, not from its report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JOB_METRIC_NAMES } from '../../src/scheduler/job-metrics.js';
import { buildFixture } from '../backup/fixtures.js';
import { tempDir } from '../backup/support.js';
import { record, PRICE, SYMBOL, CONFIG as CHECK_CONFIG } from '../cli/schemas.js';
import { TempRepo } from '../github/support/temp-repo.js';
import { EXAMPLE, EXAMPLE_SOURCE } from '../postmortem/harness.js';
import { address, gitRepo, user } from '../registry/register-support.js';
import { FIXTURES, FIXTURES_PRESENT, FIXTURES_ROOT, copyFixture, createCatalog, registerTable } from '../support/iceberg/fixtures.js';
import { startTestDatabase, type TestDatabase } from '../support/iceberg/postgres.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { family, names, runJob, type JobRunCapture } from './job-runs.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function registry(): Promise<TestRegistry> {
  const sr = await startTestRegistry();
  cleanups.push(() => sr.close());
  return sr;
}

async function folder(prefix: string): Promise<string> {
  const dir = await tempDir(prefix);
  cleanups.push(() => dir.remove());
  return dir.path;
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

function expectCommon(ran: JobRunCapture, job: string, outcome: string): void {
  expect(ran.job).toBe(job);
  expect(family(ran.samples, 'guardrails_job_runs_total')[`outcome=${outcome}`]).toBe(1);
  for (const s of ran.samples) expect(s.labels['job'], s.name).toBe(job);
  for (const name of names(ran.samples)) expect(JOB_METRIC_NAMES, name).toContain(name);
}

function lint(exposition: string): void {
  if (!existsSync('/usr/bin/promtool')) return;
  const checked = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  expect(checked.stdout + checked.stderr).toBe('');
  expect(checked.status).toBe(0);
}

describe('backup and restore', () => {
  it('backup: subjects and versions saved and the bytes of its files; restore: versions registered, modes reset, none left in IMPORT', async () => {
    const source = await registry();
    await buildFixture(source.url);
    const fixtureRequests = source.requests.length;
    const out = await folder('metrics-backup-');
    const backup = await runJob(['backup', '--registry-url', source.url, '--out', out, '--name', 'b', '--progress', 'none'], out);
    expect(backup.code, backup.stderr).toBe(0);
    expectCommon(backup, 'guardrails_backup', 'success');
    // The fixture: 8 subjects (one soft-deleted), 12 versions (two soft-deleted), all kept by default.
    expect(family(backup.samples, 'guardrails_backup_subjects_saved_total')).toEqual({ '': 8 });
    expect(family(backup.samples, 'guardrails_backup_versions_saved_total')).toEqual({ '': 12 });
    expect(family(backup.samples, 'guardrails_backup_written_bytes_total')).toEqual({ '': await bytesUnder(join(out, 'b')) });
    // Every request the registry saw from this run (buildFixture's own requests came before).
    expect(family(backup.samples, 'guardrails_backup_requests_total')).toEqual({ '': source.requests.length - fixtureRequests });
    lint(backup.exposition);

    const target = await registry();
    const restore = await runJob(['restore', '--from', join(out, 'b'), '--registry-url', target.url, '--progress', 'none'], out);
    expect(restore.code, restore.stderr).toBe(0);
    expectCommon(restore, 'guardrails_restore', 'success');
    expect(family(restore.samples, 'guardrails_restore_versions_registered_total')).toEqual({ '': 12 });
    expect(family(restore.samples, 'guardrails_restore_conflicts_total')).toEqual({ '': 0 });
    expect(family(restore.samples, 'guardrails_restore_modes_reset_total')).toEqual({ '': 8 });
    expect(family(restore.samples, 'guardrails_restore_subjects_left_in_import')).toEqual({ '': 0 });
    lint(restore.exposition);

    // The same backup again: every version is already there, so nothing is registered.
    const again = await runJob(['restore', '--from', join(out, 'b'), '--registry-url', target.url, '--progress', 'none', '--dry-run'], out);
    expect(again.code, again.stderr).toBe(0);
    expect(family(again.samples, 'guardrails_restore_versions_registered_total')).toEqual({ '': 0 });
    expect(family(again.samples, 'guardrails_restore_subjects_left_in_import')).toEqual({ '': 0 });
  });

  it('a failed backup publishes the common metrics and nothing it does not know', async () => {
    const source = await registry();
    source.faults.add({ method: 'GET', path: '/subjects', fault: { kind: 'hang' } });
    const out = await folder('metrics-backup-');
    const failed = await runJob(['backup', '--registry-url', source.url, '--out', out, '--name', 'b', '--progress', 'none', '--registry-timeout-ms', '100'], out);
    expect(failed.code).toBe(4);
    expectCommon(failed, 'guardrails_backup', 'unavailable');
    expect(names(failed.samples)).toEqual(['guardrails_job_duration_seconds', 'guardrails_job_last_run_timestamp_seconds', 'guardrails_job_runs_total']);
  });
});

describe('register and drift', () => {
  const CONFIG = `version: 1
subjects:
  - files: schemas/common/*.avsc
    strategy: RecordNameStrategy
  - files: schemas/user.avsc
    topic: users
`;

  it('register counts files by result; drift counts the differences it found', async () => {
    const sr = await registry();
    const repo = await gitRepo();
    cleanups.push(() => repo.remove());
    await repo.commit({ 'guardrails.yaml': CONFIG, 'schemas/common/address.avsc': address, 'schemas/user.avsc': user() });

    const first = await runJob(['register', '--registry-url', sr.url], repo.path);
    expect(first.code, first.stderr).toBe(0);
    expectCommon(first, 'guardrails_register', 'success');
    const zero = { 'result=registered': 0, 'result=registered_break': 0, 'result=already_present': 0, 'result=planned': 0, 'result=refused': 0, 'result=not_latest': 0, 'result=failed': 0, 'result=skipped': 0 };
    expect(family(first.samples, 'guardrails_register_schema_files_total')).toEqual({ ...zero, 'result=registered': 2 });
    lint(first.exposition);

    const second = await runJob(['register', '--registry-url', sr.url], repo.path);
    expect(family(second.samples, 'guardrails_register_schema_files_total')).toEqual({ ...zero, 'result=already_present': 2 });

    // An incompatible user schema (a field without a default): refused by the registry.
    await repo.commit({ 'schemas/user.avsc': user([{ name: 'id', type: 'string' }, { name: 'email', type: 'string' }]) });
    const refused = await runJob(['register', '--registry-url', sr.url], repo.path);
    expect(refused.code).toBe(1);
    expectCommon(refused, 'guardrails_register', 'failure');
    expect(family(refused.samples, 'guardrails_register_schema_files_total')).toEqual({ ...zero, 'result=already_present': 1, 'result=refused': 1 });

    const drift = await runJob(['drift', '--registry-url', sr.url, '--ref', 'HEAD~1'], repo.path);
    expect(drift.code, drift.stderr).toBe(0);
    expectCommon(drift, 'guardrails_drift', 'success');
    expect(family(drift.samples, 'guardrails_drift_findings')).toEqual({ '': 0 });
    lint(drift.exposition);

    // A level changed by hand, not in git: one finding.
    const put = await fetch(`${sr.url}/config/users-value`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ compatibility: 'NONE' }) });
    expect(put.status).toBe(200);
    const drifted = await runJob(['drift', '--registry-url', sr.url, '--ref', 'HEAD~1'], repo.path);
    expect(drifted.code).toBe(1);
    expectCommon(drifted, 'guardrails_drift', 'failure');
    expect(family(drifted.samples, 'guardrails_drift_findings')).toEqual({ '': 1 });
  });
});

describe('check', () => {
  it('counts the subjects it compared and the incompatibilities it found; the command allows no break', async () => {
    const repo = TempRepo.create();
    cleanups.push(() => repo.cleanup());
    repo.write('guardrails.yaml', CHECK_CONFIG).write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE])).write('schemas/trades.avsc', record('Trade', [SYMBOL])).commit('v1');
    repo.git('checkout', '-q', '-b', 'feature');
    // Two fields without defaults: two incompatibilities in one subject; trades unchanged.
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string' }, { name: 'size', type: 'long' }]));
    const ran = await runJob(['check', '--all'], repo.dir);
    expect(ran.code).toBe(1);
    expectCommon(ran, 'guardrails_check', 'failure');
    expect(family(ran.samples, 'guardrails_check_subjects_checked_total')).toEqual({ '': 2 });
    expect(family(ran.samples, 'guardrails_check_incompatibilities_total')).toEqual({ '': 2 });
    expect(family(ran.samples, 'guardrails_check_allowed_breaking_changes_total')).toEqual({ '': 0 });
    lint(ran.exposition);
  });
});

describe('followups', () => {
  it('counts open, done and overdue per incident severity, P1-P4 always, and the on-time ratio only where some item was due', async () => {
    const dir = await folder('metrics-followups-');
    await mkdir(join(dir, 'postmortems'));
    await copyFile(EXAMPLE_SOURCE, join(dir, EXAMPLE));
    await writeFile(join(dir, 'guardrails.yaml'), 'version: 1\nfollowups:\n  repo: acme/platform\n');
    // The example (P1): three items due 2026-01-10, -20 and -31, none done; on the 25th two are overdue.
    const ran = await runJob(['followups', '--dry-run', '--now', '2026-01-25'], dir);
    expect(ran.code, ran.stderr).toBe(0);
    expectCommon(ran, 'guardrails_followups', 'success');
    const severities = (p1: number) => ({ 'incident_severity=P1': p1, 'incident_severity=P2': 0, 'incident_severity=P3': 0, 'incident_severity=P4': 0 });
    expect(family(ran.samples, 'guardrails_followups_open')).toEqual(severities(3));
    expect(family(ran.samples, 'guardrails_followups_done')).toEqual(severities(0));
    expect(family(ran.samples, 'guardrails_followups_overdue')).toEqual(severities(2));
    // Two were due, neither done on time.
    expect(family(ran.samples, 'guardrails_followups_on_time_ratio')).toEqual({ 'incident_severity=P1': 0 });
    lint(ran.exposition);
  });
});

describe.skipIf(!FIXTURES_PRESENT)('expire-snapshots against a real catalog (needs ../shared/iceberg-fixtures)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await startTestDatabase('metrics');
    pool = db.pool();
    await createCatalog(pool, 'V1');
  });
  afterAll(async () => {
    await db?.stop();
  });

  it("counts per table Spark's six kinds of files deleted, the snapshots expired and none undeletable; a dry run counts nothing", async () => {
    const dir = copyFixture(FIXTURES.javaBunnies);
    await registerTable(pool, { catalog: 'metrics', namespace: 'ns', name: 'java_bunnies', metadataLocation: FIXTURES.javaBunnies.metadataLocation });
    const args = ['expire-snapshots', '--catalog-name', 'metrics', '--now', '2026-11-26T00:00:00Z', '--map-location', `${FIXTURES.javaBunnies.prefix}=${dir}`];
    const table = 'table=metrics.ns.java_bunnies';
    const kinds = (manifestLists: number) => ({
      [`${table},kind=data`]: 0,
      [`${table},kind=position_delete`]: 0,
      [`${table},kind=equality_delete`]: 0,
      [`${table},kind=manifest`]: 0,
      [`${table},kind=manifest_list`]: manifestLists,
      [`${table},kind=statistics`]: 0,
    });

    const dry = await runJob([...args, '--dry-run'], process.cwd(), { DATABASE_URL: db.url });
    expect(dry.code, dry.stderr).toBe(0);
    expect(family(dry.samples, 'guardrails_expire_files_deleted_total')).toEqual(kinds(0));
    expect(family(dry.samples, 'guardrails_expire_snapshots_expired_total')).toEqual({ [table]: 0 });

    // The fixture keeps 1 of its 3 snapshots by default: 2 expire, and only their 2 manifest lists are unreferenced.
    const ran = await runJob(args, process.cwd(), { DATABASE_URL: db.url });
    expect(ran.code, ran.stderr).toBe(0);
    expectCommon(ran, 'guardrails_expire_snapshots', 'success');
    expect(family(ran.samples, 'guardrails_expire_files_deleted_total')).toEqual(kinds(2));
    expect(family(ran.samples, 'guardrails_expire_snapshots_expired_total')).toEqual({ [table]: 2 });
    expect(family(ran.samples, 'guardrails_expire_undeletable_files')).toEqual({ [table]: 0 });
    lint(ran.exposition);
  });
});

if (!FIXTURES_PRESENT) {
  describe('expire-snapshots metrics', () => {
    it.skip(`need the Iceberg fixtures at ${FIXTURES_ROOT}, absent here`, () => {});
  });
}
