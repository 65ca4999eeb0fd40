/**
 * Git plumbing for a subject's combined deprecation history (issue 18): which files a commit's tree
 * holds, so the files defining each named type on the base commit can be found without the PR's
 * working tree (which may have moved or deleted them).
 */
import { splitNul, type GitRunner } from './run.js';

const SYMLINK_MODE = '120000';

/** Every regular file in `commit`'s tree (symbolic links and submodules left out), as git lists them. */
export async function filesAtCommit(git: GitRunner, commit: string): Promise<string[]> {
  const output = await git(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit]);
  return splitNul(output).flatMap((line) => {
    const tab = line.indexOf('\t');
    const [mode, type] = line.slice(0, tab).split(' ');
    return tab > 0 && type === 'blob' && mode !== SYMLINK_MODE ? [line.slice(tab + 1)] : [];
  });
}
