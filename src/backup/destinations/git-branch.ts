/**
 * Destination: a commit on a dedicated branch (e.g. `schema-backups`) whose tree is exactly the
 * backup, so the branch history holds every night and `git diff` shows what changed. Built with
 * plumbing and a temporary index; the branch moves by compare-and-swap (`update-ref <new> <old>`),
 * so two runs at once cannot lose a commit.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Git } from '../git.js';
import { tryResolve } from '../git.js';

export interface GitBranchOptions {
  readonly branch: string;
  readonly message: string;
  /** Push the branch to this remote afterwards. */
  readonly pushTo?: string;
}

export interface GitBranchResult {
  readonly commit: string;
  /** False when the tree equals the branch's current tree (then no commit is made). */
  readonly changed: boolean;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: 'guardrails backup',
  GIT_AUTHOR_EMAIL: 'guardrails-backup@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'guardrails backup',
  GIT_COMMITTER_EMAIL: 'guardrails-backup@users.noreply.github.com',
};

/** Commits the files of a finished backup directory `dir` (paths relative to it) to the branch. */
export async function commitToBranch(git: Git, dir: string, paths: readonly string[], options: GitBranchOptions): Promise<GitBranchResult> {
  const ref = `refs/heads/${options.branch}`;
  const parent = await tryResolve(git, ref);
  const tmp = await mkdtemp(join(tmpdir(), 'guardrails-index-'));
  const env = { GIT_INDEX_FILE: join(tmp, 'index') };
  try {
    const sorted = [...paths].sort();
    const hashes = (await git(['hash-object', '-w', '--no-filters', '--stdin-paths'], { input: sorted.map((p) => `${join(dir, p)}\n`).join('') }))
      .toString('utf8')
      .trim()
      .split('\n');
    const info = sorted.map((p, i) => `100644 ${hashes[i]}\t${p}\n`).join('');
    await git(['update-index', '--add', '--index-info'], { input: info, env });
    const tree = (await git(['write-tree'], { env })).toString('utf8').trim();
    if (parent && (await git(['rev-parse', `${parent}^{tree}`])).toString('utf8').trim() === tree) return { commit: parent, changed: false };
    const commitArgs = ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', options.message];
    const commit = (await git(commitArgs, { env: IDENTITY })).toString('utf8').trim();
    await git(['update-ref', ref, commit, parent ?? ''.padStart(40, '0')]);
    if (options.pushTo) await git(['push', '--quiet', options.pushTo, `${ref}:${ref}`]);
    return { commit, changed: true };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

