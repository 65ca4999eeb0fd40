import { describe, expect, it } from 'vitest';
import { openRepository } from '../../src/github/git/repository.js';
import { BASE_MOVED, CheckoutMismatchError, StaleBaseError, verifyBase, verifyCheckout } from '../../src/action/checkout.js';
import { Repo } from './e2e-support.js';

const repo = new Repo();
const base = repo.write('a.txt', 'a\n').commit('base', 2);
repo.git(new Date(), 'checkout', '-q', '-b', 'pr');
const head = repo.write('a.txt', 'b\n').commit('head', 1);

describe('verifyBase', () => {
  it('accepts a base whose commit the checkout holds, even when it is not an ancestor of HEAD', async () => {
    repo.git(new Date(), 'checkout', '-q', 'main');
    const moved = repo.write('m.txt', 'm\n').commit('main moves on', 0);
    repo.git(new Date(), 'checkout', '-q', 'pr');
    const git = await openRepository(repo.dir);
    await expect(verifyBase(git, base, 'main')).resolves.toBeUndefined();
    await expect(verifyBase(git, moved, 'main')).resolves.toBeUndefined();
  });

  it('a base the checkout does not hold is stale, with the reason first and the fix', async () => {
    const git = await openRepository(repo.dir);
    const absent = '0123456789abcdef0123456789abcdef01234567';
    const error = await verifyBase(git, absent, 'release/1.x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleBaseError);
    expect((error as Error).message).toBe(
      `${BASE_MOVED} (the pull request's base is now release/1.x at 0123456789ab, which this checkout does not contain; checkout with fetch-depth: 0 after the base moved, or push to the pull request)`,
    );
    // A tree or blob with that sha is not a base commit either.
    const tree = repo.git(new Date(), 'rev-parse', 'HEAD^{tree}');
    await expect(verifyBase(git, tree, 'main')).rejects.toBeInstanceOf(StaleBaseError);
  });
});

describe('verifyCheckout', () => {
  it('accepts the head or a merge commit of it, and refuses anything else', async () => {
    const git = await openRepository(repo.dir);
    await expect(verifyCheckout(git, head)).resolves.toBeUndefined();
    await expect(verifyCheckout(git, base)).rejects.toBeInstanceOf(CheckoutMismatchError);
    repo.git(new Date(), 'checkout', '-q', '--detach', base);
    repo.git(new Date(), 'merge', '-q', '--no-ff', '-m', 'merge', 'pr');
    await expect(verifyCheckout(git, head)).resolves.toBeUndefined();
    repo.git(new Date(), 'checkout', '-q', 'pr');
  });
});
