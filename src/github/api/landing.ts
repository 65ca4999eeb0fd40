/**
 * When a commit landed on the base branch, by the server's clock where possible (notes §6): the
 * `merged_at` of the pull request whose merge commit it is. Committer dates are set by the client,
 * so they are only the fallback, and the report says which source it used.
 */
import type { GitHubClient } from './client.js';
import { apiFailure, statusOf } from './errors.js';
import type { RepoRef } from './pulls.js';

export interface Landing {
  readonly at: string;
  readonly source: 'pr-merged-at' | 'first-parent-commit';
}

export interface LandingSource {
  /** `committerDate` is the first-parent commit's date from git, used when the API has no better answer. */
  landedAt(sha: string, committerDate: string): Promise<Landing>;
}

export function landingSource(client: GitHubClient, ref: RepoRef): LandingSource {
  const cache = new Map<string, Promise<Landing>>();
  const resolve = async (sha: string, committerDate: string): Promise<Landing> => {
    try {
      const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...ref, commit_sha: sha });
      const merged = data.find((pull) => pull.merge_commit_sha === sha && pull.merged_at);
      if (merged?.merged_at) return { at: merged.merged_at, source: 'pr-merged-at' };
    } catch (error) {
      // Only "no such commit here" falls back; a refused or failed request must not silently date by the client's clock.
      if (statusOf(error) !== 404) throw apiFailure(`find the pull request that merged ${sha.slice(0, 12)}`, error);
    }
    return { at: committerDate, source: 'first-parent-commit' };
  };
  return {
    landedAt(sha, committerDate) {
      let found = cache.get(sha);
      if (found === undefined) {
        found = resolve(sha, committerDate);
        cache.set(sha, found);
      }
      return found;
    },
  };
}

/** The offline source: first-parent committer dates only. */
export const gitLanding: LandingSource = { landedAt: async (_sha, committerDate) => ({ at: committerDate, source: 'first-parent-commit' }) };
