import { afterEach, describe, expect, it } from 'vitest';
import { BatchOutputParser, objectReader } from '../../../src/github/git/object-reader.js';
import { GitError } from '../../../src/github/git/run.js';
import { TempRepo } from '../support/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.cleanup()));

function repoWithFiles(): { repo: TempRepo; commit: string } {
  const repo = TempRepo.create();
  repos.push(repo);
  // Larger than a pipe's chunk, so one blob arrives in several pieces.
  const big = Array.from({ length: 40_000 }, (_, i) => `line ${i}`).join('\n');
  const commit = repo.write('s/a.avsc', 'one\ntwo').write('s/bin', Buffer.from([0xff, 0x00, 0x0a, 0xfe])).write('s/big.txt', big).commit('c1');
  return { repo, commit };
}

/** True while a process with this id exists, a zombie included (it would still be listed). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('objectReader', () => {
  it('answers many reads, interleaved, from one git process, in order, binary-safe, missing and non-blob objects undefined', async () => {
    const { repo, commit } = repoWithFiles();
    const reader = objectReader(repo.dir);
    try {
      const [first, second] = await Promise.all([
        reader.read([`${commit}:s/a.avsc`, `${commit}:s/missing`, `${commit}:s`, `${commit}:s/big.txt`]),
        reader.read([`${commit}:s/bin`, `${commit}:s/a.avsc`]),
      ]);
      const pid = reader.pid;
      const third = await reader.read([`${commit}:s/a.avsc`]);

      expect(first.get(`${commit}:s/a.avsc`)?.toString('utf8')).toBe('one\ntwo');
      expect(first.has(`${commit}:s/missing`)).toBe(true);
      expect(first.get(`${commit}:s/missing`)).toBeUndefined();
      expect(first.get(`${commit}:s`)).toBeUndefined();
      expect(first.get(`${commit}:s/big.txt`)?.toString('utf8')).toBe(Array.from({ length: 40_000 }, (_, i) => `line ${i}`).join('\n'));
      expect(second.get(`${commit}:s/bin`)).toEqual(Buffer.from([0xff, 0x00, 0x0a, 0xfe]));
      expect(second.get(`${commit}:s/a.avsc`)?.toString('utf8')).toBe('one\ntwo');
      expect(third.get(`${commit}:s/a.avsc`)?.toString('utf8')).toBe('one\ntwo');
      expect(pid).toBeTypeOf('number');
      expect(reader.pid).toBe(pid);
    } finally {
      reader.close();
    }
  });

  it('refuses a name with a line break', async () => {
    const { repo } = repoWithFiles();
    const reader = objectReader(repo.dir);
    await expect(reader.read(['HEAD:a\nHEAD:b'])).rejects.toThrow(/contains a line break/);
    reader.close();
  });

  it('ends git when closed, and the process is reaped (no zombie)', async () => {
    const { repo, commit } = repoWithFiles();
    const reader = objectReader(repo.dir);
    await reader.read([`${commit}:s/a.avsc`]);
    const pid = reader.pid as number;
    expect(processExists(pid)).toBe(true);

    reader.close();
    await reader.exited;

    expect(processExists(pid)).toBe(false);
    await expect(reader.read([`${commit}:s/a.avsc`])).rejects.toBeInstanceOf(GitError);
  });

  it('on abort, fails the waiting reads with kind stopped and ends git', async () => {
    const { repo, commit } = repoWithFiles();
    const controller = new AbortController();
    const reader = objectReader(repo.dir, { signal: controller.signal });
    await reader.read([`${commit}:s/a.avsc`]);
    const pid = reader.pid as number;

    const waiting = reader.read([`${commit}:s/big.txt`]);
    controller.abort(new Error('stopped by SIGINT'));

    await expect(waiting).rejects.toMatchObject({ name: 'GitError', kind: 'stopped' });
    await reader.exited;
    expect(processExists(pid)).toBe(false);
    await expect(reader.read([`${commit}:s/a.avsc`])).rejects.toMatchObject({ kind: 'stopped' });
  });

  it('with an already aborted signal never starts git', async () => {
    const { repo, commit } = repoWithFiles();
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    const reader = objectReader(repo.dir, { signal: controller.signal });
    await expect(reader.read([`${commit}:s/a.avsc`])).rejects.toMatchObject({ kind: 'stopped' });
    expect(reader.pid).toBeUndefined();
  });
});

describe('BatchOutputParser', () => {
  it('splits output cut at any byte into one content per request', () => {
    const output = Buffer.from('x blob 3\nabc\ny missing\nz blob 0\n\nt tree 2\nzz\nw blob 4\na\nbc\n', 'utf8');
    for (let cut = 1; cut < output.length; cut++) {
      const parser = new BatchOutputParser();
      const contents = [...parser.push(output.subarray(0, cut)), ...parser.push(output.subarray(cut))];
      expect(contents.map((b) => b?.toString('utf8'))).toEqual(['abc', undefined, '', undefined, 'a\nbc']);
    }
  });
});
