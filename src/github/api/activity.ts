/**
 * The repository activity of one branch (`GET /repos/{o}/{r}/activity`, notes §3): every push, force
 * push, merge and branch creation with the server's timestamp, the commits before and after, and the
 * actor. Unlike commit dates these are not set by the client, so they can prove when a commit reached
 * a branch and who pushed a pull request's head.
 */
import type { GitHubClient } from './client.js';
import { apiFailure } from './errors.js';
import type { RepoRef } from './pulls.js';

export type ActivityType = 'push' | 'force_push' | 'branch_deletion' | 'branch_creation' | 'pr_merge' | 'merge_queue_merge';

export interface RefActivity {
  readonly type: ActivityType;
  /** The branch tip before the activity; all zeros when the branch was created. */
  readonly before: string;
  /** The branch tip after it. */
  readonly after: string;
  /** Server time, ISO 8601. */
  readonly at: string;
  /** Null for a deleted account. */
  readonly actor: string | null;
}

export interface ActivitySource {
  /**
   * The activities of `refs/heads/<branch>`, newest first, read page by page (100 each) only as far
   * as the caller iterates.
   */
  activities(branch: string): AsyncIterable<RefActivity>;
}

export function activitySource(client: GitHubClient, ref: RepoRef): ActivitySource {
  return {
    async *activities(branch) {
      const params = { ...ref, ref: `refs/heads/${branch}`, per_page: 100, direction: 'desc' as const };
      try {
        for await (const page of client.paginate.iterator('GET /repos/{owner}/{repo}/activity', params)) {
          for (const item of page.data) {
            yield { type: item.activity_type, before: item.before, after: item.after, at: item.timestamp, actor: item.actor?.login ?? null };
          }
        }
      } catch (error) {
        throw apiFailure(`read the activity of branch ${branch} in ${ref.owner}/${ref.repo}`, error);
      }
    },
  };
}
