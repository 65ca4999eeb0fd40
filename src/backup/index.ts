/**
 * Registry backup and restore (issue 5) as typed functions; `guardrails backup` and
 * `guardrails restore` (src/cli/commands/) read the options and call them.
 */
export { backup, type BackupJobDeps, type BackupJobOptions, type BackupJobResult, type GitDestination } from './backup-job.js';
export { createBackup, defaultBackupName, type BackupOptions, type BackupResult } from './backup.js';
export { restore, type RestoreDeps, type RestoreOptions, type RestoreOutcome } from './restore.js';
export { resetModes, type ModeReset, type ResetModesDeps, type ResetModesOptions, type ResetModesResult } from './reset-modes.js';
export { restoreFromGitHistory, renderGitHistory, type GitHistoryEntry, type GitHistoryResult } from './git-history.js';
export { describeSource, loadBackup, resolveGitSource, type BackupSource, type LoadedBackup } from './source.js';
export { parseBackup, type ParsedBackup } from './parse-backup.js';
export { readBackupDir } from './backup-dir.js';
export { planRestore, type RestorePlan } from './plan.js';
export { renderOutcome, renderPlan } from './render-plan.js';
export { progressStyle, createProgress, type ProgressStyle } from './progress.js';
export { normalizeContext } from '../registry/index.js';
export { BackupError, type BackupErrorKind } from './errors.js';
export type { ApplyResult } from './apply.js';
export type { Selection } from './select.js';
export type { Manifest, RegistrySnapshot, VersionRecord } from './model.js';
