import { afterEach, describe, expect, it } from 'vitest';
import { parseRawLog } from '../../../src/github/git/history.js';
import { openRepository } from '../../../src/github/git/repository.js';
import { TempRepo } from '../support/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.cleanup()));

function newRepo(): TempRepo {
  const repo = TempRepo.create();
  repos.push(repo);
  return repo;
}

async function contents(repo: TempRepo, commit: string, path: string) {
  const git = await openRepository(repo.dir);
  const versions = await git.fileHistory(commit, path);
  const blobs = await git.readObjects(versions.map((v) => v.blob));
  return versions.map((v) => ({ commit: v.commit, date: v.date, path: v.path, text: blobs.get(v.blob)?.toString('utf8') }));
}

describe('fileHistory', () => {
  it('lists first-parent versions oldest first, dating merged work by the merge commit', async () => {
    const repo = newRepo();
    const c1 = repo.write('s/a.avsc', 'v1').commit('c1');
    repo.git('checkout', '-q', '-b', 'feat');
    repo.write('s/a.avsc', 'v2').commit('f1');
    repo.write('s/a.avsc', 'v3').commit('f2');
    repo.git('checkout', '-q', 'main');
    repo.write('other.txt', 'x').commit('c2');
    const merge = repo.merge('feat');

    const history = await contents(repo, merge, 's/a.avsc');

    expect(history).toEqual([
      { commit: c1, date: repo.dateOf(c1), path: 's/a.avsc', text: 'v1' },
      { commit: merge, date: repo.dateOf(merge), path: 's/a.avsc', text: 'v3' },
    ]);
  });

  it('follows renames and skips deletions and unchanged content', async () => {
    const repo = newRepo();
    const c1 = repo.write('s/a.avsc', 'v1').commit('c1');
    repo.git('mv', 's/a.avsc', 's/b.avsc');
    repo.commit('rename');
    const c3 = repo.write('s/b.avsc', 'v2').commit('edit');
    repo.remove('s/b.avsc').commit('delete');
    const c5 = repo.write('s/b.avsc', 'v3').commit('re-add');

    const history = await contents(repo, c5, 's/b.avsc');

    expect(history.map((v) => [v.commit, v.path, v.text])).toEqual([
      [c1, 's/a.avsc', 'v1'],
      [c3, 's/b.avsc', 'v2'],
      [c5, 's/b.avsc', 'v3'],
    ]);
  });

  it('marks the version after a deletion with afterGap', async () => {
    const repo = newRepo();
    repo.write('s/a.avsc', 'v1').commit('c1');
    const c2 = repo.write('s/a.avsc', 'v2').commit('c2');
    repo.remove('s/a.avsc').commit('delete');
    const c4 = repo.write('s/a.avsc', 'v3').commit('re-add');

    const history = await (await openRepository(repo.dir)).fileHistory(c4, 's/a.avsc');

    expect(history.map((v) => [v.commit === c2 || v.commit === c4 ? v.commit : 'c1', v.afterGap ?? false])).toEqual([
      ['c1', false],
      [c2, false],
      [c4, true],
    ]);
  });

  it('follows a rename made on a side branch and merged', async () => {
    const repo = newRepo();
    const c1 = repo.write('s/old name.avsc', 'v1\n'.repeat(20)).commit('c1');
    repo.git('checkout', '-q', '-b', 'move');
    repo.git('mv', 's/old name.avsc', 's/new,name:ü.avsc');
    repo.write('s/new,name:ü.avsc', `${'v1\n'.repeat(20)}v2\n`).commit('move and edit');
    repo.git('checkout', '-q', 'main');
    const merge = repo.merge('move');

    const history = await contents(repo, merge, 's/new,name:ü.avsc');

    expect(history.map((v) => [v.commit, v.path])).toEqual([
      [c1, 's/old name.avsc'],
      [merge, 's/new,name:ü.avsc'],
    ]);
  });

  it('is empty for a file the branch never had', async () => {
    const repo = newRepo();
    const c1 = repo.write('a.txt', 'x').commit('c1');
    expect(await contents(repo, c1, 's/missing.avsc')).toEqual([]);
  });
});

describe('parseRawLog', () => {
  it('reads commit, date, status and new blob of each record', () => {
    const blob = 'b'.repeat(40);
    const zero = '0'.repeat(40);
    const output =
      `\x01${'1'.repeat(40)}\x002026-01-02T00:00:00+00:00\x00\n:100644 000000 ${blob} ${zero} D\x00s/a.avsc\x00` +
      `\x01${'2'.repeat(40)}\x002026-01-01T00:00:00+00:00\x00\n:000000 100644 ${zero} ${blob} A\x00s/a.avsc\x00`;
    expect(parseRawLog(output)).toEqual([
      { commit: '1'.repeat(40), date: '2026-01-02T00:00:00+00:00', status: 'D', blob: zero },
      { commit: '2'.repeat(40), date: '2026-01-01T00:00:00+00:00', status: 'A', blob },
    ]);
  });
});
