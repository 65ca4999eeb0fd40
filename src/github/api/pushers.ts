/**
 * Who pushed a pull request's current head (trap 5, GitHub's "require approval of the most recent
 * reviewable push"): the actor of the newest activity on the head branch that left the branch at the
 * head commit. That person may be no commit's author (they pushed a colleague's commits, or clicked
 * "Update branch"), so the commit list cannot tell.
 */
import type { ActivitySource, ActivityType } from './activity.js';

/** Activities that move a branch to a new tip; a deletion leaves nothing to approve. */
const PUSHES: ReadonlySet<ActivityType> = new Set<ActivityType>(['push', 'force_push', 'branch_creation', 'pr_merge', 'merge_queue_merge']);

/**
 * GitHub's placeholder for a deleted account. A push by a deleted account is still a proven push;
 * naming the placeholder keeps "found" distinct from "not found", and nobody can approve as it.
 */
export const DELETED_ACCOUNT = 'ghost';

/**
 * The login that pushed `headSha` onto `branch`, reading activity pages only until it is found;
 * undefined when no activity of the branch left it at that commit.
 */
export async function headPusher(activity: ActivitySource, branch: string, headSha: string): Promise<string | undefined> {
  const sha = headSha.toLowerCase();
  for await (const entry of activity.activities(branch)) {
    if (PUSHES.has(entry.type) && entry.after.toLowerCase() === sha) return entry.actor ?? DELETED_ACCOUNT;
  }
  return undefined;
}
