/** Repository, ref and merge-base facts. */
import { GitError, firstLine, type GitRunner } from './run.js';

/** Tried in order when `--against` is not given. */
export const DEFAULT_BASE_REFS = ['origin/HEAD', 'main', 'master', 'origin/main', 'origin/master'] as const;

/** The top-level directory of the work tree containing `cwd`. */
export async function workTreeRoot(git: GitRunner, cwd: string): Promise<string> {
  try {
    return firstLine((await git(['rev-parse', '--show-toplevel'])).toString('utf8'));
  } catch (error) {
    if (error instanceof GitError && error.kind === 'failed') {
      throw new GitError('not-a-repository', `${cwd} is not inside a git work tree; run the command in a git checkout or pass --cwd <dir>`);
    }
    throw error;
  }
}

/** The commit a ref names, or undefined when there is none. */
export async function tryResolveCommit(git: GitRunner, ref: string): Promise<string | undefined> {
  if (ref.startsWith('-')) return undefined;
  try {
    const out = firstLine((await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString('utf8'));
    return out === '' ? undefined : out;
  } catch (error) {
    if (error instanceof GitError && error.kind === 'failed') return undefined;
    throw error;
  }
}

/** The commit a ref names; a GitError of kind `ref-not-found` naming the ref when there is none. */
export async function resolveCommit(git: GitRunner, ref: string): Promise<string> {
  const commit = await tryResolveCommit(git, ref);
  if (commit !== undefined) return commit;
  throw new GitError('ref-not-found', `git ref ${JSON.stringify(ref)} does not exist; pass an existing branch, tag or commit with --against (fetch it first in CI)`);
}

/** The first of DEFAULT_BASE_REFS that exists, with its commit. */
export async function defaultBaseRef(git: GitRunner): Promise<{ ref: string; commit: string }> {
  for (const ref of DEFAULT_BASE_REFS) {
    const commit = await tryResolveCommit(git, ref);
    if (commit !== undefined) return { ref, commit };
  }
  throw new GitError('ref-not-found', `no base branch found (tried ${DEFAULT_BASE_REFS.join(', ')}); pass one with --against <git-ref>`);
}

/** The best common ancestor of two commits. */
export async function mergeBase(git: GitRunner, a: string, b: string): Promise<string> {
  try {
    const out = firstLine((await git(['merge-base', a, b])).toString('utf8'));
    if (out !== '') return out;
  } catch (error) {
    if (!(error instanceof GitError && error.kind === 'failed')) throw error;
  }
  throw new GitError('no-merge-base', `${a} and ${b} have no common ancestor; pass a base that shares history with HEAD via --against`);
}

export async function isShallow(git: GitRunner): Promise<boolean> {
  return firstLine((await git(['rev-parse', '--is-shallow-repository'])).toString('utf8')) === 'true';
}

/** Fails with the fix when the clone is shallow: a history built from it would be silently incomplete. */
export async function requireFullHistory(git: GitRunner): Promise<void> {
  if (await isShallow(git)) {
    throw new GitError(
      'shallow',
      'the repository is a shallow clone, so the schema history is incomplete; fetch the full history (actions/checkout: `fetch-depth: 0`; locally: `git fetch --unshallow`)',
    );
  }
}
