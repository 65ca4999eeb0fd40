import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRepository } from '../../../src/github/git/repository.js';
import { GitError } from '../../../src/github/git/run.js';
import { TempRepo, gitIn } from '../support/temp-repo.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function newRepo(): TempRepo {
  const repo = TempRepo.create();
  cleanups.push(() => repo.cleanup());
  return repo;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardrails-plain-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<GitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitError);
  return error as GitError;
}

describe('refs', () => {
  it('resolves refs and names a missing one', async () => {
    const repo = newRepo();
    const c1 = repo.write('a', '1').commit('c1');
    const git = await openRepository(repo.dir);
    expect(await git.resolveCommit('main')).toBe(c1);
    expect(await git.head()).toBe(c1);
    const error = await rejection(git.resolveCommit('origin/nope'));
    expect(error.kind).toBe('ref-not-found');
    expect(error.message).toContain('"origin/nope" does not exist');
    expect((await rejection(git.resolveCommit('--output=/tmp/x'))).kind).toBe('ref-not-found');
  });

  it('defaults the base to main, then master, and fails naming what it tried', async () => {
    const repo = newRepo();
    const c1 = repo.write('a', '1').commit('c1');
    const git = await openRepository(repo.dir);
    expect(await git.defaultBase()).toEqual({ ref: 'main', commit: c1 });
    repo.git('branch', '-m', 'main', 'master');
    expect(await git.defaultBase()).toEqual({ ref: 'master', commit: c1 });
    repo.git('branch', '-m', 'master', 'trunk');
    const error = await rejection(git.defaultBase());
    expect(error.message).toBe('no base branch found (tried origin/HEAD, main, master, origin/main, origin/master); pass one with --against <git-ref>');
  });

  it('prefers origin/HEAD in a clone', async () => {
    const origin = newRepo();
    origin.write('a', '1').commit('c1');
    const dir = tempDir();
    gitIn(dir, 'clone', '-q', origin.dir, dir);
    const clone = TempRepo.at(dir);
    clone.git('config', 'user.name', 'T');
    clone.git('config', 'user.email', 't@example.com');
    clone.git('checkout', '-q', '-b', 'feature');
    clone.write('b', '2').commit('c2');
    clone.git('branch', '-D', 'main');
    const git = await openRepository(dir);
    expect((await git.defaultBase()).ref).toBe('origin/HEAD');
  });

  it('finds the merge base of a branch and HEAD', async () => {
    const repo = newRepo();
    const c1 = repo.write('a', '1').commit('c1');
    repo.git('checkout', '-q', '-b', 'feat');
    const f1 = repo.write('a', '2').commit('f1');
    repo.git('checkout', '-q', 'main');
    repo.write('b', '1').commit('c2');
    const git = await openRepository(repo.dir);
    expect(await git.mergeBase('main', f1)).toBe(c1);
  });

  it('reports unrelated histories', async () => {
    const repo = newRepo();
    repo.write('a', '1').commit('c1');
    repo.git('checkout', '-q', '--orphan', 'other');
    repo.write('b', '1').commit('o1');
    const git = await openRepository(repo.dir);
    expect((await rejection(git.mergeBase('main', 'HEAD'))).kind).toBe('no-merge-base');
  });

  it('detects a shallow clone and says how to fix it', async () => {
    const origin = newRepo();
    origin.write('a', '1').commit('c1');
    origin.write('a', '2').commit('c2');
    const dir = tempDir();
    gitIn(dir, 'clone', '-q', '--depth', '1', `file://${origin.dir}`, dir);
    const git = await openRepository(dir);
    const error = await rejection(git.requireFullHistory());
    expect(error.kind).toBe('shallow');
    expect(error.message).toContain('fetch-depth: 0');
    await expect((await openRepository(origin.dir)).requireFullHistory()).resolves.toBeUndefined();
  });

  it('says when the directory is not a repository, and when there is no commit yet', async () => {
    const error = await rejection(openRepository(tempDir()));
    expect(error.kind).toBe('not-a-repository');
    expect(error.message).toMatch(/is not inside a git work tree; .*--cwd/);
    const empty = newRepo();
    const git = await openRepository(empty.dir);
    expect((await rejection(git.head())).message).toBe('the repository has no commit yet; commit the schemas first');
  });
});
