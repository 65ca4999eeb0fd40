/**
 * The git facts the schema check needs, behind one narrow interface. The real implementation runs
 * git in the work tree's top-level directory, so every path is repository-relative.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readObjects } from './blobs.js';
import { changedFiles, workingTreeFiles, type FileChange } from './changes.js';
import { fileHistories, fileHistory, firstParentChain, type FileVersion } from './history.js';
import { objectReader, type ObjectReader, type ObjectReaderOptions } from './object-reader.js';
import { defaultBaseRef, mergeBase, requireFullHistory, resolveCommit, tryResolveCommit, workTreeRoot } from './refs.js';
import { GitError, gitRunner } from './run.js';

export interface GitRepository {
  /** Absolute path of the work tree's top-level directory. */
  readonly root: string;
  /** The commit a ref names; GitError `ref-not-found` naming the ref otherwise. */
  resolveCommit(ref: string): Promise<string>;
  /** HEAD's commit; GitError `ref-not-found` when the repository has no commit yet. */
  head(): Promise<string>;
  /** The first existing of origin/HEAD, main, master, origin/main, origin/master. */
  defaultBase(): Promise<{ ref: string; commit: string }>;
  mergeBase(a: string, b: string): Promise<string>;
  /** GitError `shallow`, with the fix, when the clone is shallow. */
  requireFullHistory(): Promise<void>;
  /** Files changed between a commit and the working tree (untracked files included). */
  changedFiles(base: string): Promise<FileChange[]>;
  /** Every non-ignored file (or symbolic link) in the working tree that `include` accepts, sorted. */
  workingTreeFiles(include?: (path: string) => boolean): Promise<string[]>;
  /** Committed versions of a file along first parents from `commit`, oldest first, renames followed. */
  fileHistory(commit: string, path: string): Promise<FileVersion[]>;
  /** `fileHistory` of many paths, with one `git log` per group of paths. */
  fileHistories(commit: string, paths: readonly string[]): Promise<Map<string, FileVersion[]>>;
  /** Contents of blobs or `<commit>:<path>` objects, in one batch; missing ones map to undefined. */
  readObjects(names: readonly string[]): Promise<Map<string, Buffer | undefined>>;
  /** A working-tree file's bytes. Symbolic links are refused: a link could point outside the repository. */
  readWorkingFile(path: string): Promise<Buffer>;
  /** The first-parent chain from `commit`, newest first. */
  firstParentChain(commit: string): Promise<string[]>;
  /**
   * One long-lived `git cat-file --batch` for many reads, e.g. a history read subject by subject;
   * the caller closes it (aborting `signal` closes it too).
   */
  openObjectReader(options?: ObjectReaderOptions): ObjectReader;
}

/** Opens the repository containing `cwd`; GitError `not-a-repository` when there is none. */
export async function openRepository(cwd: string): Promise<GitRepository> {
  const root = await workTreeRoot(gitRunner(cwd), cwd);
  const git = gitRunner(root);
  return {
    root,
    resolveCommit: (ref) => resolveCommit(git, ref),
    async head() {
      const commit = await tryResolveCommit(git, 'HEAD');
      if (commit !== undefined) return commit;
      throw new GitError('ref-not-found', 'the repository has no commit yet; commit the schemas first');
    },
    defaultBase: () => defaultBaseRef(git),
    mergeBase: (a, b) => mergeBase(git, a, b),
    requireFullHistory: () => requireFullHistory(git),
    changedFiles: (base) => changedFiles(git, base),
    workingTreeFiles: (include) => workingTreeFiles(git, root, include),
    fileHistory: (commit, path) => fileHistory(git, commit, path),
    fileHistories: (commit, paths) => fileHistories(git, commit, paths),
    readObjects: (names) => readObjects(git, names),
    readWorkingFile: (path) => readWorkingFile(root, path),
    firstParentChain: (commit) => firstParentChain(git, commit),
    openObjectReader: (readerOptions) => objectReader(root, readerOptions),
  };
}

async function readWorkingFile(root: string, path: string): Promise<Buffer> {
  const absolute = join(root, path);
  const stats = await lstat(absolute);
  if (stats.isSymbolicLink()) {
    throw new GitError('failed', `${path} is a symbolic link; schema files must be regular files`);
  }
  return readFile(absolute);
}
