/**
 * What the checkout must hold before a verdict can be about it: the head commit (or GitHub's merge
 * commit of it), and the pull request's current base, from which policy, owners, deprecation history
 * and the merge-base are read (issue 12).
 */
import type { GitRepository } from '../github/git/repository.js';

/** The checkout is not the commit the run judges. */
export class CheckoutMismatchError extends Error {
  override readonly name = 'CheckoutMismatchError';
}

/** The event is older than the PR: its base is not in the checkout, or its head or base moved while the run started. */
export class StaleBaseError extends Error {
  override readonly name = 'StaleBaseError';
  constructor(
    message: string,
    /** The check run's title. */
    readonly title = 'Base moved since this event',
  ) {
    super(message);
  }
}

/** The one-line reason a stale run gives; the check run and the job say it first. */
export const BASE_MOVED = 'base moved since this event: re-run from the latest commit or push';

/**
 * The verdict is only about `headSha` if the checkout is that commit, or the merge commit GitHub
 * builds for it (actions/checkout's default for pull_request), whose second parent it is.
 */
export async function verifyCheckout(repo: GitRepository, headSha: string): Promise<void> {
  const head = await repo.head();
  if (head === headSha) return;
  const mergedHead = await repo.resolveCommit('HEAD^2').catch(() => undefined);
  if (mergedHead === headSha) return;
  throw new CheckoutMismatchError(
    `the checkout (HEAD ${head}) is neither the event's head ${headSha} nor a merge commit of it; check out the pull request's head or merge ref (actions/checkout with no ref) and rerun`,
  );
}

/**
 * The run is judged against the PR's current base only if its commit is in the checkout: everything
 * the check reads from the base then comes from git objects, content-addressed by the sha the API
 * gave, so a replayed event (GitHub's "Re-run jobs") is re-evaluated on the fresh base. A checkout
 * without it (fetched before the base moved, or shallow) cannot be judged and fails closed; it never
 * falls back to the event's own, older base.
 */
export async function verifyBase(repo: GitRepository, baseSha: string, baseRef: string): Promise<void> {
  const found = await repo.resolveCommit(baseSha).catch(() => undefined);
  if (found === baseSha) return;
  throw new StaleBaseError(
    `${BASE_MOVED} (the pull request's base is now ${baseRef} at ${baseSha.slice(0, 12)}, which this checkout does not contain; checkout with fetch-depth: 0 after the base moved, or push to the pull request)`,
  );
}
