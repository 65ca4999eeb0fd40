/**
 * `guardrails backup` as one typed function: the backup, then each destination (git branch, S3)
 * and retention. A stop before the local backup is complete publishes nothing; a stop after it
 * leaves that complete backup and skips the destinations that had not started.
 */
import { basename } from 'node:path';
import type { RegistryClient } from '../registry/index.js';
import { createBackup, type BackupOptions } from './backup.js';
import { pruneDirectory } from './destinations/directory.js';
import { commitToBranch } from './destinations/git-branch.js';
import { uploadToS3, type S3Options } from './destinations/s3.js';
import { gitIn } from './git.js';
import type { Manifest } from './model.js';
import type { RetentionRule } from './retention.js';

export interface GitDestination {
  readonly repo: string;
  readonly branch: string;
  /** Push the branch to this remote after committing. */
  readonly push?: string;
}

export interface BackupJobOptions extends Omit<BackupOptions, 'now' | 'signal' | 'onProgress'> {
  readonly git?: GitDestination;
  readonly s3?: S3Options;
  readonly retention?: RetentionRule;
}

export interface BackupJobDeps {
  readonly client: RegistryClient;
  readonly signal: AbortSignal;
  readonly now: () => Date;
  /** The environment git runs with. */
  readonly env: NodeJS.ProcessEnv;
  /** One line per finished step. */
  readonly log: (line: string) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BackupJobResult {
  /** `stopped`: a signal ended the run; `notDone` names what did not happen. */
  readonly status: 'complete' | 'stopped';
  /** The finished backup directory. */
  readonly path: string;
  readonly name: string;
  readonly manifest: Manifest;
  readonly git?: { readonly branch: string; readonly commit: string; readonly changed: boolean; readonly pushedTo?: string };
  readonly s3?: { readonly location: string };
  /** Backups deleted by retention. */
  readonly removed: readonly string[];
  readonly notDone: readonly string[];
}

export async function backup(options: BackupJobOptions, deps: BackupJobDeps): Promise<BackupJobResult> {
  const made = await createBackup(deps.client, { ...options, now: deps.now, signal: deps.signal, ...(deps.onProgress ? { onProgress: deps.onProgress } : {}) });
  const name = basename(made.path);
  const c = made.manifest.counts;
  let result: BackupJobResult = { status: 'complete', path: made.path, name, manifest: made.manifest, removed: [], notDone: [] };
  const steps: { what: string; run: () => Promise<Partial<BackupJobResult>> }[] = [];
  if (options.git) {
    const git = options.git;
    steps.push({
      what: `commit to the git branch ${git.branch}${git.push ? ` and push to ${git.push}` : ''}`,
      run: async () => {
        const message = `registry backup ${name}\n\n${c.subjects} subjects, ${c.versions} versions from ${made.manifest.source.url}`;
        const done = await commitToBranch(gitIn(git.repo, deps.env), made.path, [...made.files.keys()], { branch: git.branch, message, pushTo: git.push });
        deps.log(`git: ${done.changed ? `committed ${done.commit.slice(0, 12)} to` : 'no change on'} ${git.branch}${git.push ? `, pushed to ${git.push}` : ''}`);
        return { git: { branch: git.branch, commit: done.commit, changed: done.changed, ...(git.push ? { pushedTo: git.push } : {}) } };
      },
    });
  }
  if (options.s3) {
    const s3 = options.s3;
    steps.push({
      what: `upload to s3://${s3.bucket}/${s3.prefix}${name}/`,
      run: async () => {
        const location = await uploadToS3(made.files, name, s3, deps.signal);
        deps.log(`s3: uploaded to ${location}`);
        return { s3: { location } };
      },
    });
  }
  if (options.retention && (options.retention.keepLast !== undefined || options.retention.keepDays !== undefined)) {
    const rule = options.retention;
    steps.push({
      what: 'retention',
      run: async () => {
        const removed = await pruneDirectory(options.parent, rule, deps.now());
        if (removed.length) deps.log(`retention: removed ${removed.join(', ')}`);
        return { removed };
      },
    });
  }
  for (const [index, step] of steps.entries()) {
    // Checked before each step starts, never inside one: a commit or an upload is not cut half-way.
    if (deps.signal.aborted) return { ...result, status: 'stopped', notDone: steps.slice(index).map((s) => s.what) };
    result = { ...result, ...(await step.run()) };
  }
  return result;
}
