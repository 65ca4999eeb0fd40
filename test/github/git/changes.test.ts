import { afterEach, describe, expect, it } from 'vitest';
import { parseNameStatus } from '../../../src/github/git/changes.js';
import { openRepository } from '../../../src/github/git/repository.js';
import { TempRepo } from '../support/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.cleanup()));

function newRepo(): TempRepo {
  const repo = TempRepo.create();
  repos.push(repo);
  return repo;
}

const body = (tag: string) => `${'line\n'.repeat(30)}${tag}\n`;

describe('changedFiles', () => {
  it('sees committed, staged, unstaged and untracked changes against the base, renames included', async () => {
    const repo = newRepo();
    repo.write('s/keep.avsc', 'k').write('s/edit.avsc', 'e1').write('s/gone.avsc', 'g').write('s/move.avsc', body('m'));
    repo.write('.gitignore', 'ignored.avsc\n');
    const base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'work');
    repo.write('s/committed.avsc', 'c').commit('add on branch');
    repo.write('s/edit.avsc', 'e2');
    repo.remove('s/gone.avsc');
    repo.git('mv', 's/move.avsc', 's/moved.avsc');
    repo.write('s/staged.avsc', 's');
    repo.git('add', 's/staged.avsc');
    repo.write('s/tab\there "quoted" ü.avsc', 'odd');
    repo.write('ignored.avsc', 'i');

    const git = await openRepository(repo.dir);
    const changes = await git.changedFiles(base);

    expect([...changes].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { status: 'added', path: 's/committed.avsc' },
      { status: 'modified', path: 's/edit.avsc' },
      { status: 'deleted', path: 's/gone.avsc' },
      { status: 'renamed', path: 's/moved.avsc', from: 's/move.avsc' },
      { status: 'added', path: 's/staged.avsc' },
      { status: 'added', path: 's/tab\there "quoted" ü.avsc' },
    ]);
  });

  it('is empty when nothing changed', async () => {
    const repo = newRepo();
    const base = repo.write('s/a.avsc', 'a').commit('base');
    const git = await openRepository(repo.dir);
    expect(await git.changedFiles(base)).toEqual([]);
  });

  it('works from a subdirectory, with repository-relative paths', async () => {
    const repo = newRepo();
    const base = repo.write('s/a.avsc', 'a').commit('base');
    repo.write('s/b.avsc', 'b');
    const git = await openRepository(`${repo.dir}/s`);
    expect(await git.changedFiles(base)).toEqual([{ status: 'added', path: 's/b.avsc' }]);
    expect(await git.workingTreeFiles()).toEqual(['s/a.avsc', 's/b.avsc']);
  });
});

describe('workingTreeFiles', () => {
  it('lists tracked and untracked files present on disk, not ignored or deleted ones', async () => {
    const repo = newRepo();
    repo.write('s/a.avsc', 'a').write('s/deleted.avsc', 'd').write('.gitignore', '*.tmp\n').commit('base');
    repo.remove('s/deleted.avsc');
    repo.write('s/new.avsc', 'n').write('x.tmp', 't');
    const git = await openRepository(repo.dir);
    expect(await git.workingTreeFiles()).toEqual(['.gitignore', 's/a.avsc', 's/new.avsc']);
  });
});

describe('parseNameStatus', () => {
  it('reads one path per status and two for renames and copies', () => {
    expect(parseNameStatus(['M', 'a', 'R087', 'b', 'c', 'D', 'd', 'C100', 'e', 'f', 'T', 'g', 'A', 'h'])).toEqual([
      { status: 'modified', path: 'a' },
      { status: 'renamed', path: 'c', from: 'b' },
      { status: 'deleted', path: 'd' },
      { status: 'added', path: 'f' },
      { status: 'modified', path: 'g' },
      { status: 'added', path: 'h' },
    ]);
  });

  it('rejects a truncated record', () => {
    expect(() => parseNameStatus(['R100', 'only-one'])).toThrow(/unexpected record/);
  });
});
