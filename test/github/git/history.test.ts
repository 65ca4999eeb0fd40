import { afterEach, describe, expect, it } from 'vitest';
import { firstParentChain, parseRawLog, parseRawLogByPath } from '../../../src/github/git/history.js';
import { gitRunner } from '../../../src/github/git/run.js';
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

  it('records a byte-identical re-add after a deletion in reAdded instead of as a new version', async () => {
    const repo = newRepo();
    const c1 = repo.write('s/a.avsc', 'v1').commit('c1');
    repo.remove('s/a.avsc').commit('delete');
    const c3 = repo.write('s/a.avsc', 'v1').commit('re-add');
    repo.remove('s/a.avsc').commit('delete again');
    const c5 = repo.write('s/a.avsc', 'v1').commit('re-add again');
    const c6 = repo.write('s/a.avsc', 'v2').commit('edit');

    const history = await (await openRepository(repo.dir)).fileHistory(c6, 's/a.avsc');

    // The registry gets no version from a re-add, so the check's history is unchanged; the deprecation
    // window still needs to know the file was gone in between.
    expect(history.map((v) => [v.commit, v.afterGap ?? false, v.reAdded])).toEqual([
      [c1, false, [{ commit: c3, date: repo.dateOf(c3), path: 's/a.avsc' }, { commit: c5, date: repo.dateOf(c5), path: 's/a.avsc' }]],
      [c6, false, undefined],
    ]);
  });

  it('a re-add at a renamed path records that path', async () => {
    const repo = newRepo();
    const c1 = repo.write('s/a.avsc', 'v1').commit('c1');
    repo.git('mv', 's/a.avsc', 's/b.avsc');
    repo.commit('rename');
    repo.remove('s/b.avsc').commit('delete');
    const c4 = repo.write('s/b.avsc', 'v1').commit('re-add');

    const history = await (await openRepository(repo.dir)).fileHistory(c4, 's/b.avsc');

    expect(history.map((v) => [v.commit, v.path, v.reAdded?.map((r) => [r.commit, r.path])])).toEqual([[c1, 's/a.avsc', [[c4, 's/b.avsc']]]]);
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

describe('fileHistories', () => {
  it('gives every path the versions fileHistory gives it: merges, renames (one on a side branch), gaps, re-adds', async () => {
    const repo = newRepo();
    repo.write('s/a.avsc', 'a1').write('s/b.avsc', 'b1').write('s/c.avsc', 'c1').commit('c1');
    repo.git('mv', 's/a.avsc', 's/a2.avsc');
    repo.write('s/b.avsc', 'b2').commit('rename a, edit b');
    repo.remove('s/c.avsc').commit('delete c');
    repo.write('s/c.avsc', 'c1').write('s/d.avsc', 'd1').commit('re-add c, add d');
    repo.git('checkout', '-q', '-b', 'side');
    repo.git('mv', 's/d.avsc', 's/e.avsc');
    repo.write('s/b.avsc', 'b3').commit('side');
    repo.git('checkout', '-q', 'main');
    repo.write('s/c.avsc', 'c2').commit('edit c');
    const head = repo.merge('side');
    const paths = ['s/a2.avsc', 's/b.avsc', 's/c.avsc', 's/e.avsc', 's/missing.avsc', 's/b.avsc'];
    const git = await openRepository(repo.dir);

    const batched = await git.fileHistories(head, paths);

    expect([...batched.keys()]).toEqual(['s/a2.avsc', 's/b.avsc', 's/c.avsc', 's/e.avsc', 's/missing.avsc']);
    for (const path of batched.keys()) expect(batched.get(path)).toEqual(await git.fileHistory(head, path));
    expect(batched.get('s/a2.avsc')?.map((v) => v.path)).toEqual(['s/a.avsc']);
    expect(batched.get('s/e.avsc')?.map((v) => v.path)).toEqual(['s/d.avsc']);
    expect(batched.get('s/c.avsc')?.map((v) => v.reAdded?.length ?? 0)).toEqual([1, 0]);
  });
});

describe('parseRawLogByPath', () => {
  it('groups the raw lines of each commit by the path they name', () => {
    const [b1, b2, zero] = ['b'.repeat(40), 'c'.repeat(40), '0'.repeat(40)];
    const [c1, c2] = ['1'.repeat(40), '2'.repeat(40)];
    const output =
      `\x01${c2}\x002026-01-02T00:00:00+00:00\x00\n:100644 100644 ${b1} ${b2} M\x00s/a.avsc\x00:100644 000000 ${b1} ${zero} D\x00s/b c.avsc\x00` +
      `\x01${c1}\x002026-01-01T00:00:00+00:00\x00\n:000000 100644 ${zero} ${b1} A\x00s/a.avsc\x00:000000 100644 ${zero} ${b1} A\x00s/b c.avsc\x00`;
    expect(Object.fromEntries(parseRawLogByPath(output))).toEqual({
      's/a.avsc': [
        { commit: c2, date: '2026-01-02T00:00:00+00:00', status: 'M', blob: b2 },
        { commit: c1, date: '2026-01-01T00:00:00+00:00', status: 'A', blob: b1 },
      ],
      's/b c.avsc': [
        { commit: c2, date: '2026-01-02T00:00:00+00:00', status: 'D', blob: zero },
        { commit: c1, date: '2026-01-01T00:00:00+00:00', status: 'A', blob: b1 },
      ],
    });
  });
});

describe('firstParentChain', () => {
  it('lists the commits the branch went through, newest first, leaving out merged side commits', async () => {
    const repo = newRepo();
    const c1 = repo.write('a.txt', '1').commit('c1');
    repo.git('checkout', '-q', '-b', 'side');
    repo.write('b.txt', '1').commit('side');
    repo.git('checkout', '-q', 'main');
    const c2 = repo.write('a.txt', '2').commit('c2');
    const merge = repo.merge('side');
    expect(await firstParentChain(gitRunner(repo.dir), merge)).toEqual([merge, c2, c1]);
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
