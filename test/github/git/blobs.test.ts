import { afterEach, describe, expect, it } from 'vitest';
import { parseBatchOutput } from '../../../src/github/git/blobs.js';
import { openRepository } from '../../../src/github/git/repository.js';
import { TempRepo } from '../support/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.cleanup()));

describe('readObjects', () => {
  it('reads blobs and commit:path names in one batch, binary-safe, missing ones undefined', async () => {
    const repo = TempRepo.create();
    repos.push(repo);
    const binary = Buffer.from([0xff, 0x00, 0x0a, 0xfe]);
    const c1 = repo.write('s/a.avsc', 'one\ntwo').write('s/bin', binary).commit('c1');
    const blob = repo.git('rev-parse', `${c1}:s/a.avsc`);
    const git = await openRepository(repo.dir);

    const read = await git.readObjects([blob, `${c1}:s/bin`, `${c1}:s/missing`, blob]);

    expect(read.get(blob)?.toString('utf8')).toBe('one\ntwo');
    expect(read.get(`${c1}:s/bin`)).toEqual(binary);
    expect(read.has(`${c1}:s/missing`)).toBe(true);
    expect(read.get(`${c1}:s/missing`)).toBeUndefined();
  });

  it('refuses a name with a line break', async () => {
    const repo = TempRepo.create();
    repos.push(repo);
    repo.write('a', '1').commit('c1');
    const git = await openRepository(repo.dir);
    await expect(git.readObjects(['HEAD:a\nHEAD:b'])).rejects.toThrow(/contains a line break/);
  });
});

describe('parseBatchOutput', () => {
  it('splits contents by the sizes in the headers', () => {
    const output = Buffer.from('x blob 3\nabc\ny missing\nz blob 0\n\n', 'utf8');
    expect(parseBatchOutput(output, 3).map((b) => b?.toString('utf8'))).toEqual(['abc', undefined, '']);
  });

  it('fails when the output ends early', () => {
    expect(() => parseBatchOutput(Buffer.from('x blob 10\nabc', 'utf8'), 1)).toThrow(/ended early/);
  });
});
