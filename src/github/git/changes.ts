/** Which files changed between a commit and the working tree, and which files the working tree has. */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { GitError, splitNul, type GitRunner } from './run.js';

export type FileChange =
  | { readonly status: 'added' | 'modified' | 'deleted'; readonly path: string }
  /** Moved (and maybe edited): `from` is the path at the base commit. */
  | { readonly status: 'renamed'; readonly path: string; readonly from: string };

/**
 * Files changed between `base` and the working tree: committed, staged and unstaged changes of
 * tracked files (renames detected), plus untracked files that are not ignored, as added.
 */
export async function changedFiles(git: GitRunner, base: string): Promise<FileChange[]> {
  const diff = await git(['diff', '-M', '--name-status', '-z', '--no-ext-diff', '--no-textconv', base, '--']);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z', '--']);
  const changes = parseNameStatus(splitNul(diff));
  const seen = new Set(changes.map((change) => change.path));
  for (const path of splitNul(untracked)) {
    if (!seen.has(path)) changes.push({ status: 'added', path });
  }
  return changes;
}

/** Parses `git diff --name-status -z` fields: a status, then one path (two for renames and copies). */
export function parseNameStatus(fields: readonly string[]): FileChange[] {
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i] ?? '';
    const letter = status.charAt(0);
    if (letter === 'R' || letter === 'C') {
      const from = fields[i + 1];
      const path = fields[i + 2];
      if (from === undefined || path === undefined) throw malformed(status);
      changes.push(letter === 'R' ? { status: 'renamed', path, from } : { status: 'added', path });
      i += 3;
      continue;
    }
    const path = fields[i + 1];
    if (path === undefined) throw malformed(status);
    changes.push({ status: letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : 'modified', path });
    i += 2;
  }
  return changes;
}

function malformed(status: string): GitError {
  return new GitError('failed', `git diff printed an unexpected record (status ${JSON.stringify(status)}); this is a bug, please report it`);
}

/**
 * Every file of the working tree that git tracks or would track (not ignored) and that is on disk
 * (a regular file or a symbolic link, not a submodule), restricted to `include` before touching the disk.
 */
export async function workingTreeFiles(git: GitRunner, root: string, include: (path: string) => boolean = () => true): Promise<string[]> {
  const listed = splitNul(await git(['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--']));
  const unique = [...new Set(listed)].filter(include);
  const present = await Promise.all(unique.map((path) => isFileOrLink(join(root, path))));
  return unique.filter((_, index) => present[index]).sort();
}

async function isFileOrLink(path: string): Promise<boolean> {
  try {
    const stats = await lstat(path);
    return stats.isFile() || stats.isSymbolicLink();
  } catch {
    return false;
  }
}
