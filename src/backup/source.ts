/**
 * Where a backup to restore comes from: a directory, a commit of the backup branch (optionally the
 * last one before an instant), or S3. Read whole, then checked against SHA256SUMS before any of
 * it is parsed, and before the registry is contacted.
 */
import { readBackupDir } from './backup-dir.js';
import { downloadFromS3 } from './destinations/s3.js';
import { BackupError } from './errors.js';
import { commitBefore, gitIn, readTree, tryResolve } from './git.js';
import { parseBackup, type ParsedBackup } from './parse-backup.js';

export type BackupSource =
  | { readonly kind: 'dir'; readonly path: string }
  | { readonly kind: 's3'; readonly location: string; readonly region?: string; readonly endpoint?: string }
  | { readonly kind: 'git'; readonly repo: string; readonly ref: string; readonly before?: Date };

export interface LoadedBackup extends ParsedBackup {
  /** How the backup is named in messages: the directory, the S3 location, or `git REF (commit)`. */
  readonly label: string;
}

export function describeSource(source: BackupSource): string {
  if (source.kind === 'dir') return source.path;
  if (source.kind === 's3') return source.location;
  return `git ${source.ref}${source.before ? ` before ${source.before.toISOString()}` : ''}`;
}

/** The commit a git source names; a BackupError of kind `invalid-input` when there is none. */
export async function resolveGitSource(source: Extract<BackupSource, { kind: 'git' }>, env: NodeJS.ProcessEnv): Promise<string> {
  const git = gitIn(source.repo, env);
  const commit = source.before ? await commitBefore(git, source.ref, source.before) : await tryResolve(git, source.ref);
  if (!commit) throw new BackupError('invalid-input', `'${source.ref}' is not a commit in '${source.repo}'`, 'Fetch the backup branch first (git fetch origin schema-backups:schema-backups)');
  return commit;
}

export async function loadBackup(source: BackupSource, env: NodeJS.ProcessEnv): Promise<LoadedBackup> {
  if (source.kind === 'dir') return { ...parseBackup(await readBackupDir(source.path), source.path), label: source.path };
  if (source.kind === 's3') {
    const files = await downloadFromS3(source.location, { region: source.region, endpoint: source.endpoint });
    return { ...parseBackup(files, source.location), label: source.location };
  }
  const commit = await resolveGitSource(source, env);
  const label = `${describeSource(source)} (${commit.slice(0, 12)})`;
  return { ...parseBackup(await readTree(gitIn(source.repo, env), commit), label), label };
}
