/**
 * The pure mappings from a job's typed result to its samples, on results the end-to-end runs do
 * not reach cheaply (undeletable files, a stop, an unknown severity, a partial on-time rate), and
 * the catalogue itself: every family passes promtool's lint.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expireSnapshotsMetrics } from '../../src/cli/commands/metrics-expire-snapshots.js';
import { followupsMetrics } from '../../src/cli/commands/metrics-followups.js';
import { removeOrphansMetrics } from '../../src/cli/commands/metrics-remove-orphans.js';
import { resetModesMetrics } from '../../src/cli/commands/metrics-restore.js';
import type { ExpirationRun, TableSummary } from '../../src/iceberg/job/index.js';
import { ZERO_COUNTS, type OrphanRun, type OrphanTableSummary } from '../../src/iceberg/orphans/summary.js';
import type { FollowupsReport } from '../../src/postmortem/report/summary.js';
import type { Tally } from '../../src/postmortem/report/metrics.js';
import { JOB_METRIC_FAMILIES, JOB_METRIC_NAMES, type JobSample } from '../../src/scheduler/job-metric-catalogue.js';
import { jobRunRegistry } from '../../src/scheduler/job-metrics.js';
import { family } from './job-runs.js';
import { parseExposition } from '../../src/scheduler/job-metrics-sinks.js';

async function exposition(samples: readonly JobSample[]): Promise<string> {
  return jobRunRegistry({ job: 'guardrails_test', outcome: 'success', endedAt: new Date('2026-01-25T09:00:00Z'), durationSeconds: 1, samples }).metrics();
}

async function values(samples: readonly JobSample[], name: string): Promise<Record<string, number>> {
  return family(parseExposition(await exposition(samples)), name);
}

const files = (counts: Partial<Record<string, number>>) =>
  Object.fromEntries(['data', 'position-deletes', 'equality-deletes', 'deletion-vectors', 'manifests', 'manifest-lists', 'statistics'].map((k) => [k, { count: counts[k] ?? 0, bytes: 0 }]));

function table(over: Partial<TableSummary>): TableSummary {
  return {
    table: 'c.ns.t', status: 'expired', dryRun: false, snapshotsBefore: 3, snapshotsAfter: 1, expiredSnapshotIds: ['1', '2'], droppedRefs: [],
    files: files({}) as TableSummary['files'], bytes: 0, resumedDeletions: 0, deleteFailures: [], pendingDeletions: 0, warnings: [], commitAttempts: 1,
    previousMetadataLocation: 'm/v1.json', metadataLocation: 'm/v2.json', durationMs: 1, error: undefined, plannedDeletions: undefined, ...over,
    // Only what the mapping reads matters; the cast keeps the fixture valid as the summary grows fields.
  } as unknown as TableSummary;
}

const run = (...tables: TableSummary[]): ExpirationRun => ({ catalog: 'c', shard: { index: 0, count: 1 }, dryRun: false, now: '2026-01-25T09:00:00Z', stopped: false, tables, notStarted: [] });

describe('expire-snapshots samples', () => {
  it('counts deletion vectors as position deletes, and refused deletes as undeletable but not deletes a stop kept from starting', async () => {
    const summary = table({
      files: files({ data: 4, 'position-deletes': 1, 'deletion-vectors': 2, manifests: 3 }) as TableSummary['files'],
      deleteFailures: [{ path: 'a', reason: 'AccessDenied' }, { path: 'b', reason: 'AccessDenied' }, { path: 'c', reason: 'not attempted: the run was stopped', notAttempted: true }],
    });
    const samples = expireSnapshotsMetrics(run(summary));
    expect(await values(samples, 'guardrails_expire_files_deleted_total')).toEqual({
      'table=c.ns.t,kind=data': 4, 'table=c.ns.t,kind=position_delete': 3, 'table=c.ns.t,kind=equality_delete': 0,
      'table=c.ns.t,kind=manifest': 3, 'table=c.ns.t,kind=manifest_list': 0, 'table=c.ns.t,kind=statistics': 0,
    });
    expect(await values(samples, 'guardrails_expire_undeletable_files')).toEqual({ 'table=c.ns.t': 2 });
    expect(await values(samples, 'guardrails_expire_snapshots_expired_total')).toEqual({ 'table=c.ns.t': 2 });
  });

  it('counts no expired snapshot for a table that failed before its commit', async () => {
    const samples = expireSnapshotsMetrics(run(table({ status: 'failed', metadataLocation: undefined, error: { code: 'COMMIT_CONFLICT', message: 'x' } })));
    expect(await values(samples, 'guardrails_expire_snapshots_expired_total')).toEqual({ 'table=c.ns.t': 0 });
    expect(await values(samples, 'guardrails_expire_undeletable_files')).toEqual({ 'table=c.ns.t': 0 });
  });
});

function orphanTable(table: string, over: Partial<OrphanTableSummary>): OrphanTableSummary {
  return {
    table, status: 'cleaned', dryRun: false, location: 'l', metadataLocation: 'm', counts: ZERO_COUNTS, filesPerSecond: undefined, deleteMs: 0, durationMs: 1,
    files: [], prefixMismatches: [], failures: [], warnings: [], ...over,
  };
}

const orphanRun = (...tables: OrphanTableSummary[]): OrphanRun => ({
  catalog: 'c', shard: { index: 0, count: 1 }, dryRun: false, now: '2026-01-25T09:00:00Z', cutoff: '2026-01-22T09:00:00Z', prefixMismatch: 'error', mode: 'delete',
  stopped: true, totals: { ...ZERO_COUNTS, filesPerSecond: undefined }, tables, notStarted: ['c.ns.later'],
});

describe('remove-orphans samples', () => {
  it('counts a table whose deletes failed as failed with its failures, a stopped table as not failed, and none for tables not started', async () => {
    const failed = orphanTable('c.ns.refused', { status: 'failed', counts: { ...ZERO_COUNTS, orphans: 5, deleted: 3, deletedBytes: 300, deleteFailures: 2, skippedPrefixMismatch: 1 } });
    const stopped = orphanTable('c.ns.stopped', { status: 'stopped', counts: { ...ZERO_COUNTS, orphans: 4, deleted: 1, deletedBytes: 10, notAttempted: 3, awaitingMark: 2 } });
    const samples = removeOrphansMetrics(orphanRun(failed, stopped));
    expect(await values(samples, 'guardrails_orphans_table_failed')).toEqual({ 'table=c.ns.refused': 1, 'table=c.ns.stopped': 0 });
    expect(await values(samples, 'guardrails_orphans_files_deleted_total')).toEqual({ 'table=c.ns.refused': 3, 'table=c.ns.stopped': 1 });
    expect(await values(samples, 'guardrails_orphans_reclaimed_bytes_total')).toEqual({ 'table=c.ns.refused': 300, 'table=c.ns.stopped': 10 });
    expect(await values(samples, 'guardrails_orphans_delete_failures_total')).toEqual({ 'table=c.ns.refused': 2, 'table=c.ns.stopped': 0 });
    expect(await values(samples, 'guardrails_orphans_awaiting_mark_files')).toEqual({ 'table=c.ns.refused': 0, 'table=c.ns.stopped': 2 });
    expect((await values(samples, 'guardrails_orphans_skipped_files'))['table=c.ns.refused,reason=prefix_mismatch']).toBe(1);
  });
});

describe('followups samples', () => {
  const tally = (t: Partial<Tally>): Tally => ({ total: 0, open: 0, done: 0, overdue: 0, onTime: 0, eligible: 0, onTimePct: null, ...t });
  const report = (bySeverity: Record<string, Tally>) => ({ metrics: { bySeverity } }) as unknown as FollowupsReport;

  it('gives the exact on-time ratio, 0 for severities without items, and folds items without a severity into unknown', async () => {
    const samples = followupsMetrics(report({ P2: tally({ total: 4, open: 1, done: 3, onTime: 1, eligible: 2 }), unknown: tally({ total: 1, open: 1, overdue: 1, eligible: 1 }) }));
    expect(await values(samples, 'guardrails_followups_on_time_ratio')).toEqual({ 'incident_severity=P2': 0.5, 'incident_severity=unknown': 0 });
    expect(await values(samples, 'guardrails_followups_done')).toEqual({ 'incident_severity=P1': 0, 'incident_severity=P2': 3, 'incident_severity=P3': 0, 'incident_severity=P4': 0, 'incident_severity=unknown': 0 });
    expect(await values(samples, 'guardrails_followups_overdue')).toEqual({ 'incident_severity=P1': 0, 'incident_severity=P2': 0, 'incident_severity=P3': 0, 'incident_severity=P4': 0, 'incident_severity=unknown': 1 });
  });
});

describe('restore --reset-modes samples', () => {
  it('counts as left in IMPORT what a dry run found, what failed, and what a stop did not reach', async () => {
    const result = { checked: 5, reset: [{ subject: 'a', to: 'READWRITE' as const }], failed: [{ subject: 'b', reason: 'HTTP 500' }], notDone: ['c', 'd'], stopped: true };
    expect(await values(resetModesMetrics(result, false), 'guardrails_restore_subjects_left_in_import')).toEqual({ '': 3 });
    expect(await values(resetModesMetrics(result, false), 'guardrails_restore_modes_reset_total')).toEqual({ '': 1 });
    expect(await values(resetModesMetrics(result, true), 'guardrails_restore_subjects_left_in_import')).toEqual({ '': 4 });
  });
});

describe('the catalogue', () => {
  const everyFamily = (): JobSample[] =>
    Object.entries(JOB_METRIC_FAMILIES).map(([metric, f]) => ({ metric, labels: Object.fromEntries(f.labelNames.map((l) => [l, 'x'])), value: 1 }) as JobSample);

  it('lists every name once, each with the guardrails_ prefix, counters ending in _total and gauges not', () => {
    expect(new Set(JOB_METRIC_NAMES).size).toBe(JOB_METRIC_NAMES.length);
    for (const f of Object.values(JOB_METRIC_FAMILIES)) {
      expect(f.name).toMatch(/^guardrails_[a-z_]+$/);
      expect(f.name.endsWith('_total'), f.name).toBe(f.type === 'counter');
      expect(f.labelNames, f.name).not.toContain('job');
    }
  });

  it('refuses a sample whose labels are not its family\'s', () => {
    const wrong = { metric: 'driftFindings', labels: { table: 'x' }, value: 1 } as unknown as JobSample;
    expect(() => jobRunRegistry({ job: 'guardrails_test', outcome: 'success', endedAt: new Date(0), durationSeconds: 0, samples: [wrong] })).toThrow('guardrails_drift_findings takes the labels job only, not table');
  });

  it.skipIf(!existsSync('/usr/bin/promtool'))('passes promtool check metrics with every family in one exposition', async () => {
    const text = await exposition(everyFamily());
    expect(new Set(parseExposition(text).map((s) => s.name))).toEqual(new Set(JOB_METRIC_NAMES));
    const checked = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });
});
