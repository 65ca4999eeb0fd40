/**
 * Every metric family a job publishes, in one place: name, type, help and labels. The registry
 * builder, each job's sample mapping, the dashboard test and the rules test all read this list, so
 * a name cannot be emitted that the docs, alerts and dashboard do not know. Every family also
 * carries the `job` label, added by the builder; `labelNames` lists the others.
 */

export type JobMetricType = 'gauge' | 'counter';

export interface JobMetricFamily {
  readonly name: string;
  readonly type: JobMetricType;
  readonly help: string;
  readonly labelNames: readonly string[];
}

const family = <const L extends readonly string[]>(name: string, type: JobMetricType, help: string, labelNames: L) => ({ name, type, help, labelNames });

/** Spark's six kinds of files expire_snapshots deletes (ExpireSnapshotsSparkAction's result). */
export const EXPIRE_FILE_KINDS = ['data', 'position_delete', 'equality_delete', 'manifest', 'manifest_list', 'statistics'] as const;
export type ExpireFileKind = (typeof EXPIRE_FILE_KINDS)[number];

/** The post-mortem severities; exported up front so that an overdue count is 0, not absent. */
export const INCIDENT_SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;

/** What became of each schema file `guardrails register` handled. */
export const REGISTER_RESULTS = ['registered', 'registered_break', 'already_present', 'planned', 'refused', 'not_latest', 'failed', 'skipped'] as const;
export type RegisterFileResult = (typeof REGISTER_RESULTS)[number];

/** Why remove-orphans left a file it listed: too young, hidden (`_` or `.`), or referenced under another prefix. */
export const ORPHAN_SKIP_REASONS = ['too_young', 'hidden', 'prefix_mismatch'] as const;
export type OrphanSkipReason = (typeof ORPHAN_SKIP_REASONS)[number];

export const JOB_METRIC_FAMILIES = {
  lastSuccess: family('guardrails_job_last_success_timestamp_seconds', 'gauge', 'Unix time of the last successful run of the job.', []),
  lastRun: family('guardrails_job_last_run_timestamp_seconds', 'gauge', 'Unix time the last run of the job ended, whatever its outcome.', []),
  duration: family('guardrails_job_duration_seconds', 'gauge', 'How long the last run of the job took, in seconds.', []),
  runs: family('guardrails_job_runs_total', 'counter', 'Runs of the job by outcome (the exit contract: success 0, failure 1, bad_input 2, bug 3, unavailable 4).', ['outcome']),

  backupSubjectsSaved: family('guardrails_backup_subjects_saved_total', 'counter', 'Subjects written to the backup by the run.', []),
  backupVersionsSaved: family('guardrails_backup_versions_saved_total', 'counter', 'Schema versions written to the backup by the run.', []),
  backupWrittenBytes: family('guardrails_backup_written_bytes_total', 'counter', 'Bytes of backup files the run wrote.', []),
  backupRequests: family('guardrails_backup_requests_total', 'counter', 'HTTP requests the run sent to the Schema Registry, retries included.', []),

  restoreVersionsRegistered: family('guardrails_restore_versions_registered_total', 'counter', 'Schema versions the restore registered.', []),
  restoreConflicts: family('guardrails_restore_conflicts_total', 'counter', 'Versions the restore refused because the registry holds something else under the same id or version.', []),
  restoreModesReset: family('guardrails_restore_modes_reset_total', 'counter', 'Subjects the run put back from IMPORT to their mode.', []),
  restoreLeftInImport: family('guardrails_restore_subjects_left_in_import', 'gauge', 'Subjects that may still be in IMPORT mode when the run ended.', []),

  expireFilesDeleted: family('guardrails_expire_files_deleted_total', 'counter', "Files the run deleted from the table, by Spark's six kinds.", ['table', 'kind']),
  expireSnapshotsExpired: family('guardrails_expire_snapshots_expired_total', 'counter', 'Snapshots the run expired from the table.', ['table']),
  expireUndeletable: family('guardrails_expire_undeletable_files', 'gauge', 'Files the last run of the table expired but could not delete.', ['table']),

  orphansFilesDeleted: family('guardrails_orphans_files_deleted_total', 'counter', 'Orphan files the run deleted from the table location.', ['table']),
  orphansBytesReclaimed: family('guardrails_orphans_reclaimed_bytes_total', 'counter', 'Bytes of orphan files the run deleted from the table location.', ['table']),
  orphansFound: family('guardrails_orphans_found', 'gauge', 'Orphan files older than the cutoff that the last run of the table found.', ['table']),
  orphansDeleteFailures: family('guardrails_orphans_delete_failures_total', 'counter', 'Orphan files the run tried to delete and could not.', ['table']),
  orphansSkipped: family('guardrails_orphans_skipped_files', 'gauge', 'Unreferenced files the last run of the table left, by reason (too_young, hidden, prefix_mismatch).', ['table', 'reason']),
  orphansAwaitingMark: family('guardrails_orphans_awaiting_mark_files', 'gauge', 'Orphans not yet marked long enough to delete at the last run of the table (two-phase mode).', ['table']),
  orphansTableFailed: family('guardrails_orphans_table_failed', 'gauge', 'Whether the last run failed the table (1) or not (0): unreadable metadata, prefix mismatch, refused, a delete failed.', ['table']),

  followupsOpen: family('guardrails_followups_open', 'gauge', 'Post-mortem follow-ups not done, by incident severity.', ['incident_severity']),
  followupsDone: family('guardrails_followups_done', 'gauge', 'Post-mortem follow-ups done, by incident severity.', ['incident_severity']),
  followupsOverdue: family('guardrails_followups_overdue', 'gauge', 'Open post-mortem follow-ups past their due date, by incident severity.', ['incident_severity']),
  followupsOnTime: family('guardrails_followups_on_time_ratio', 'gauge', 'Follow-ups done on time among those due, 0 to 1, by incident severity.', ['incident_severity']),

  checkSubjectsChecked: family('guardrails_check_subjects_checked_total', 'counter', 'Subjects the check compared.', []),
  checkIncompatibilities: family('guardrails_check_incompatibilities_total', 'counter', 'Incompatible changes the check found.', []),
  checkAllowedBreaks: family('guardrails_check_allowed_breaking_changes_total', 'counter', 'Breaking changes the check let through by an allowance.', []),

  driftFindings: family('guardrails_drift_findings', 'gauge', 'Differences between the registry and git found by the last run.', []),

  registerSchemaFiles: family('guardrails_register_schema_files_total', 'counter', 'Schema files the run handled, by what became of each.', ['result']),
} as const;

export type JobMetricKey = keyof typeof JOB_METRIC_FAMILIES;

/** Every metric name a job can emit, for the dashboard and rules tests. */
export const JOB_METRIC_NAMES: readonly string[] = Object.values(JOB_METRIC_FAMILIES).map((f) => f.name);

type LabelsOf<K extends JobMetricKey> = (typeof JOB_METRIC_FAMILIES)[K]['labelNames'][number];

/** One value of a job's own metrics; the builder adds the `job` label. */
export type JobSample = {
  [K in JobMetricKey]: { readonly metric: K; readonly labels: { readonly [L in LabelsOf<K>]: string }; readonly value: number };
}[JobMetricKey];

/** A sample, typed by its family so that a missing or unknown label does not compile. */
export function sample<K extends JobMetricKey>(metric: K, value: number, labels: { readonly [L in LabelsOf<K>]: string }): JobSample {
  return { metric, labels, value } as JobSample;
}
