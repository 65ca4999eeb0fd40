/**
 * The backup, as named steps: collect the registry, render the files, write them under a temporary
 * name and rename. Destinations and retention are separate steps (backup-job.ts).
 */
import type { RegistryClient } from '../registry/index.js';
import { collectSnapshot, type CollectOptions } from './collect.js';
import { writeBackupDir } from './backup-dir.js';
import { BackupError } from './errors.js';
import { renderBackup } from './layout.js';
import { MANIFEST_FILE } from './paths.js';
import type { Manifest } from './model.js';

export interface BackupOptions extends Pick<CollectOptions, 'includeDeleted' | 'listing' | 'onProgress'> {
  /** The source URL as it may be written down: without credentials. */
  readonly sourceUrl: string;
  readonly toolVersion: string;
  /** The directory the backup directory is created in. */
  readonly parent: string;
  /** The backup directory's name; `backup-<UTC time>` when absent. */
  readonly name?: string;
  readonly now: () => Date;
  /**
   * A stop: the client should send nothing once it is aborted; the files are then not written, or
   * their temporary directory is removed, and a BackupError of kind `stopped` is thrown.
   */
  readonly signal?: AbortSignal;
}

export interface BackupResult {
  readonly path: string;
  readonly manifest: Manifest;
  readonly files: ReadonlyMap<string, string>;
}

export async function createBackup(client: RegistryClient, options: BackupOptions): Promise<BackupResult> {
  const startedAt = options.now();
  const { snapshot, listing } = await collectSnapshot(client, options).catch((error: unknown) => {
    throw options.signal?.aborted ? stopped('while reading the registry; nothing was written') : error;
  });
  if (options.signal?.aborted) throw stopped('after reading the registry; nothing was written');
  const files = renderBackup(snapshot, {
    tool: { name: 'guardrails', version: options.toolVersion },
    source: { url: options.sourceUrl, serverVersion: null },
    startedAt: startedAt.toISOString(),
    finishedAt: options.now().toISOString(),
    listing,
    includesDeleted: options.includeDeleted,
  });
  const path = await writeBackupDir(files, options.parent, options.name ?? defaultBackupName(startedAt), options.signal);
  if (path === undefined) throw stopped('while writing the files; the temporary directory was removed');
  return { path, manifest: JSON.parse(files.get(MANIFEST_FILE) as string) as Manifest, files };
}

function stopped(when: string): BackupError {
  return new BackupError('stopped', `the backup was stopped by a signal ${when}, and nothing was published`, 'Run it again');
}

/** `backup-20261126T021500Z`: sorts by time, valid on every file system. */
export function defaultBackupName(at: Date): string {
  return `backup-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
}
