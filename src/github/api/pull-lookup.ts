/**
 * Finds the open pull requests whose head is a given branch at a given commit. A workflow_run event
 * lists only pull requests from the same repository, so a fork's PR is found here by its head label
 * (`owner:branch`); the commit must still match, or the run describes an outdated head. A queued
 * merge-group commit is compared with its first parent.
 */
import type { GitHubClient } from './client.js';
import { apiFailure } from './errors.js';
import type { RepoRef } from './pulls.js';

export async function openPullsAtHead(client: GitHubClient, ref: RepoRef, headOwner: string, headBranch: string, headSha: string): Promise<number[]> {
  try {
    const pulls = await client.paginate('GET /repos/{owner}/{repo}/pulls', { ...ref, state: 'open', head: `${headOwner}:${headBranch}`, per_page: 100 });
    return pulls.filter((pull) => pull.head.sha === headSha).map((pull) => pull.number);
  } catch (error) {
    throw apiFailure(`find the open pull requests of ${headOwner}:${headBranch}`, error);
  }
}

export async function firstParentOf(client: GitHubClient, ref: RepoRef, sha: string): Promise<string> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...ref, ref: sha });
    const parent = data.parents[0]?.sha;
    if (parent !== undefined) return parent;
  } catch (error) {
    throw apiFailure(`read commit ${sha.slice(0, 12)}`, error);
  }
  throw apiFailure(`find the parent of commit ${sha.slice(0, 12)}`, new Error('it has no parent'));
}
