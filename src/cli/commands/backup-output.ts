/**
 * What `guardrails backup` prints: a summary (text) or one versioned JSON document (docs/backup-restore.md).
 */
import type { BackupJobResult } from '../../backup/index.js';
import { EXIT } from '../errors.js';
import type { CliIo } from '../io.js';
import { writeJobJson } from './shared.js';

export function writeBackupReport(io: CliIo, format: 'text' | 'json', result: BackupJobResult): number {
  const exitCode = result.status === 'complete' ? EXIT.OK : EXIT.FAILED;
  if (format === 'json') return writeJobJson(io, 'backup', exitCode, backupJson(result));
  if (result.status === 'stopped') {
    io.stderr.write(`error: stopped by a signal after the backup was written to ${result.path}; not done: ${result.notDone.join(', ')}\n`);
  }
  io.stdout.write(summary(result));
  return exitCode;
}

/** A backup stopped before its files were complete: nothing was published. */
export function writeBackupStopped(io: CliIo, format: 'text' | 'json', message: string): number {
  if (format === 'json') return writeJobJson(io, 'backup', EXIT.FAILED, { status: 'stopped', message, published: false });
  io.stderr.write(`error: ${message}\n`);
  return EXIT.FAILED;
}

function backupJson(result: BackupJobResult): Record<string, unknown> {
  const m = result.manifest;
  return {
    status: result.status,
    path: result.path,
    name: result.name,
    source: m.source.url,
    listing: m.listing,
    startedAt: m.startedAt,
    finishedAt: m.finishedAt,
    counts: m.counts,
    maxIds: m.maxIds,
    git: result.git ?? null,
    s3: result.s3 ?? null,
    retention: { removed: result.removed },
    notDone: result.notDone,
  };
}

function summary(result: BackupJobResult): string {
  const c = result.manifest.counts;
  return [
    `backup ${result.status === 'complete' ? 'complete' : 'written (then stopped)'}: ${result.path}`,
    `  ${c.subjects} subjects (${c.deletedSubjects} soft-deleted), ${c.versions} versions (${c.deletedVersions} soft-deleted), ${c.contexts} named contexts`,
    `  listing ${result.manifest.listing}; ${c.files} files checked by SHA256SUMS`,
    '',
  ].join('\n');
}
