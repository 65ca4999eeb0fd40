/**
 * The git commands backup and restore need, through plumbing only: they never touch the working
 * tree, the index or HEAD of the repository they run in.
 */
import { execFile } from 'node:child_process';
import { BackupError } from './errors.js';

export type Git = (args: readonly string[], options?: { input?: string | Buffer; env?: NodeJS.ProcessEnv }) => Promise<Buffer>;

export function gitIn(repo: string, baseEnv: NodeJS.ProcessEnv = process.env): Git {
  return (args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        [...args],
        { cwd: repo, env: { ...baseEnv, ...options.env }, encoding: 'buffer', maxBuffer: 1 << 30 },
        (error, stdout, stderr) => {
          if (!error) return resolve(stdout);
          const first = stderr.toString('utf8').trim().split('\n')[0] ?? '';
          reject(new BackupError('destination', `git ${args[0]} failed in '${repo}': ${first || error.message}`, 'Check that it is a git repository and the ref exists'));
        },
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
}

/** The commit a ref names, or undefined when it does not exist. */
export async function tryResolve(git: Git, ref: string): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The last commit reachable from `ref` made before `before`. The instant goes to git as an exact
 * UTC time: git would read a bare date as that day at the current time of day, and "before
 * 2026-11-20" would pick that day's 02:17 backup.
 */
export async function commitBefore(git: Git, ref: string, before: Date): Promise<string> {
  const at = before.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000');
  const found = (await git(['rev-list', '-1', `--before=${at}`, ref, '--'])).toString('utf8').trim();
  if (!found) throw new BackupError('invalid-input', `no commit on '${ref}' before ${before.toISOString()}`, 'Pick a later --before or another ref');
  return found;
}

/** Every blob at `commit` that `include` keeps (all by default), by repository-relative path. */
export async function readTree(git: Git, commit: string, include: (path: string) => boolean = () => true): Promise<Map<string, Buffer>> {
  const listing = (await git(['ls-tree', '-r', '-z', '--full-tree', commit])).toString('utf8');
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [, type, sha] = line.slice(0, tab).split(' ');
      return { type, sha: sha as string, path: line.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && include(e.path));
  const out = new Map<string, Buffer>();
  if (entries.length === 0) return out;
  const batch = await git(['cat-file', '--batch'], { input: entries.map((e) => `${e.sha}\n`).join('') });
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = batch.indexOf(0x0a, offset);
    const size = Number(batch.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
    out.set(entry.path, batch.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return out;
}
