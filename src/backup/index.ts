/**
 * Registry backup and restore (issue 5). The CLI wires `runBackupCommand` and `runRestoreCommand`
 * as `guardrails backup` and `guardrails restore`; the jobs call them with process.argv.
 */
export { runBackupCommand, BACKUP_HELP } from './backup-command.js';
export { runRestoreCommand, RESTORE_HELP } from './restore-command.js';
export { EXIT_CODES, packageVersionIn, type CommandIo } from './command-support.js';
export { createBackup, defaultBackupName, type BackupOptions, type BackupResult } from './backup.js';
export { restoreSnapshot, type RestoreOptions, type RestoreOutcome } from './restore.js';
export { parseBackup, type ParsedBackup } from './parse-backup.js';
export { readBackupDir } from './backup-dir.js';
export { planRestore, type RestorePlan } from './plan.js';
export { BackupError, type BackupErrorKind } from './errors.js';
export { REGISTRY_ENV } from './registry-env.js';
export type { Manifest, RegistrySnapshot, VersionRecord } from './model.js';
