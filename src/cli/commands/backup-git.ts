/**
 * The cheap checks of `backup --git-branch`, before the registry is read: the repository is one,
 * the branch name is valid, and the push remote exists. Read-only git commands only.
 */
import { execFile } from 'node:child_process';
import { UsageError } from '../errors.js';

function git(repo: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('git', [...args], { cwd: repo, env: env as NodeJS.ProcessEnv }, (error) => resolve(error === null));
  });
}

export async function preflightGit(repo: string, branch: string, push: string | undefined, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  if (!(await git(repo, ['rev-parse', '--git-dir'], env))) {
    throw new UsageError(`--git-repo "${repo}" is not a git repository; give the checkout the backup branch lives in`, 'backup');
  }
  if (!(await git(repo, ['check-ref-format', '--branch', branch], env))) {
    throw new UsageError(`--git-branch "${branch}" is not a valid branch name; e.g. schema-backups`, 'backup');
  }
  if (push !== undefined && !(await git(repo, ['remote', 'get-url', push], env))) {
    throw new UsageError(`--push "${push}" is not a remote of ${repo}; give one of \`git remote\`, e.g. origin`, 'backup');
  }
}
