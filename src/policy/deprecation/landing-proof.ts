/**
 * When did a commit reach the base branch, by the server's clock (notes §6, trap 15)? The repository
 * activity of `refs/heads/<branch>` records every push, merge, force push and branch creation with
 * GitHub's timestamp and the branch tip before and after. Matched against the branch's first-parent
 * chain (newest first, position 0 = the base commit), a fast-forward from `before` (position pb) to
 * `after` (position pa) brought exactly the chain commits at pa ≤ p < pb; a branch creation
 * (`before` all zeros) brought everything from pa down.
 *
 * A force push, a branch deletion, or a tip that is not on the current chain means the history was
 * rewritten: what came before it cannot prove a commit stayed on the branch (issue 4 §5:
 * "continuously"). When the rewrite left the branch at a commit of the current chain, that commit and
 * its first-parent ancestors have been on the branch since the rewrite (the branch only grew after
 * it), so their clock restarts there; anything else pending is unproven. Pure: the caller feeds
 * activities newest first and stops reading as soon as `feed` says every commit is settled.
 */

export type BranchActivityType = 'push' | 'force_push' | 'branch_deletion' | 'branch_creation' | 'pr_merge' | 'merge_queue_merge';

/** One activity on the branch, as the activity API reports it. */
export interface BranchActivity {
  readonly type: BranchActivityType;
  /** The tip before; all zeros when the branch was created. */
  readonly before: string;
  /** The tip after; all zeros when the branch was deleted. */
  readonly after: string;
  /** Server time, ISO 8601. */
  readonly at: string;
  /** Null for a deleted account. */
  readonly actor: string | null;
}

/** Where a landing date comes from, most trusted first. */
export type LandingProofSource = 'activity' | 'pr-merged-at' | 'web-flow-committer-date' | 'committer-date' | 'unproven';

/** When one commit reached the base branch, and what proves it. */
export interface LandingFact {
  readonly commit: string;
  readonly source: LandingProofSource;
  /** ISO 8601; absent when unproven. */
  readonly at?: string;
  /** One line: the record that proves the date, or why nothing does and what to do. */
  readonly detail: string;
}

export interface MatchRequest {
  /** The base branch's name, e.g. `main`. */
  readonly branch: string;
  /** Its first-parent chain from the base commit, newest first. */
  readonly chain: readonly string[];
  /** The commits to date. */
  readonly commits: readonly string[];
  /**
   * Now minus the window, ISO 8601. A commit shown on the branch at or before it has matured either
   * way, so the older record of its arrival is not needed (and not paged through).
   */
  readonly windowStart?: string;
}

export interface ActivityMatch {
  /** Commits dated by an activity, or unproven because the branch was rewritten after they landed. */
  readonly landings: ReadonlyMap<string, LandingFact>;
  /** Commits no activity read accounts for: `fallbackGate` says whether the weaker sources may date them. */
  readonly unresolved: readonly string[];
  /** The oldest activity fed, absent when none was. */
  readonly oldestRead?: BranchActivity;
}

export interface ActivityMatcher {
  /** Takes the next older activity; true once every commit is settled, so no older one is needed. */
  feed(activity: BranchActivity): boolean;
  result(): ActivityMatch;
}

const NO_COMMIT = /^0+$/;
const HOW: Record<BranchActivityType, string> = {
  push: 'push',
  force_push: 'force push',
  branch_deletion: 'deletion of the branch',
  branch_creation: 'creation of the branch',
  pr_merge: 'pull request merge',
  merge_queue_merge: 'merge queue merge',
};

export function activityMatcher(request: MatchRequest): ActivityMatcher {
  const position = new Map(request.chain.map((sha, i) => [sha, i]));
  const pending = new Set(request.commits);
  const landings = new Map<string, LandingFact>();
  const cutoff = request.windowStart === undefined ? undefined : Date.parse(request.windowStart);
  let reachedChain = false;
  let oldestRead: BranchActivity | undefined;
  const settle = (fact: LandingFact) => {
    landings.set(fact.commit, fact);
    pending.delete(fact.commit);
  };
  return {
    feed(activity) {
      if (pending.size === 0) return true;
      oldestRead = activity;
      const after = position.get(activity.after);
      const rewrite = rewriteOf(activity, after, reachedChain, position, request.branch);
      if (rewrite !== undefined) {
        // Older records cannot prove continuity across the rewrite; the rewrite's own tip can.
        for (const commit of pending) {
          const p = position.get(commit);
          settle(after !== undefined && p !== undefined && p >= after ? presentSinceRewrite(commit, activity, rewrite) : rewrittenAfter(commit, rewrite));
        }
        return true;
      }
      if (after === undefined) return false; // newer than the base commit
      reachedChain = true;
      const end = coveredEnd(activity, after, position, request.chain.length);
      const early = cutoff !== undefined && Date.parse(activity.at) <= cutoff;
      for (const commit of pending) {
        const p = position.get(commit);
        if (p === undefined || p < after) continue;
        if (p < end) settle(broughtBy(commit, activity, request.branch));
        else if (early) settle(presentBy(commit, activity, request.branch));
      }
      return pending.size === 0;
    },
    result: () => ({ landings, unresolved: [...pending], ...(oldestRead !== undefined && { oldestRead }) }),
  };
}

/** `activityMatcher` over activities already in hand, newest first. */
export function matchActivities(request: MatchRequest, activities: Iterable<BranchActivity>): ActivityMatch {
  const matcher = activityMatcher(request);
  for (const activity of activities) if (matcher.feed(activity)) break;
  return matcher.result();
}

/** Whether `merged_at` and web-flow dates may date the commits the activity left unresolved. */
export type FallbackGate = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * The weaker sources say when a commit was merged or made, not that it stayed on the branch: only
 * the activity record shows rewrites. They are used only when the record read covers the window:
 * its oldest entry read is the branch's creation (the whole record), or is older than the window's
 * start (any rewrite that matters would have been read). Otherwise a force push inside the window
 * could be missing from what was read (issue 12, "stricter dating").
 */
export function fallbackGate(match: Pick<ActivityMatch, 'oldestRead'>, branch: string, windowStart?: string): FallbackGate {
  const oldest = match.oldestRead;
  if (oldest !== undefined && (oldest.type === 'branch_creation' || NO_COMMIT.test(oldest.before))) return { allowed: true };
  if (oldest !== undefined && windowStart !== undefined && Date.parse(oldest.at) < Date.parse(windowStart)) return { allowed: true };
  if (oldest === undefined) return { allowed: false, reason: `the repository activity of ${branch} lists nothing, ${WITHOUT_RECORD}` };
  const limit = windowStart === undefined ? 'not to the creation of the branch' : `later than the window's start (${windowStart}) and not to the creation of the branch`;
  return { allowed: false, reason: `the repository activity of ${branch} reaches back only to the ${HOW[oldest.type]} ${by(oldest.actor)} at ${oldest.at}, ${limit}, ${WITHOUT_RECORD}` };
}

const WITHOUT_RECORD = 'so a force push since the marker landed could be missing; merged_at and web-flow commit dates are not used without that record';

/** The fact for a commit the weaker sources may not date, because the activity record read does not cover the window. */
export function uncoveredLanding(commit: string, branch: string, reason: string): LandingFact {
  const detail = `no record proves when commit ${short(commit)} reached ${branch}: ${reason}; re-run the check once the activity record covers the window, or ask a Platform Lead for the emergency label`;
  return { commit, source: 'unproven', detail };
}

/** The fact for a commit that nothing proves, with what to do about it. */
export function unprovenLanding(commit: string, branch: string): LandingFact {
  const detail =
    `no record proves when commit ${short(commit)} reached ${branch}: the repository activity does not list its arrival, ` +
    `no pull request into ${branch} has it as its merge commit, and it is not a commit GitHub created and signed (committer dates are set by the client); ` +
    `re-run the check once the activity record lists it, land deprecation markers through pull requests, or ask a Platform Lead for the emergency label`;
  return { commit, source: 'unproven', detail };
}

/** The one-line description of a rewrite of the branch, or undefined when the activity is not one. */
function rewriteOf(activity: BranchActivity, after: number | undefined, reachedChain: boolean, position: ReadonlyMap<string, number>, branch: string): string | undefined {
  const who = `${by(activity.actor)} at ${activity.at}`;
  if (activity.type === 'force_push') return `${branch} was force-pushed ${who}`;
  if (activity.type === 'branch_deletion' || NO_COMMIT.test(activity.after)) return `${branch} was deleted ${who}`;
  // Before the first activity on the chain, an unknown tip is simply newer than the base commit.
  if (after === undefined) return reachedChain ? `the ${HOW[activity.type]} ${who} left ${branch} at ${short(activity.after)}, which is not on its current first-parent history (rewritten, or merged in as a second parent)` : undefined;
  const before = position.get(activity.before);
  if (before !== undefined && before < after) return `the ${HOW[activity.type]} ${who} moved ${branch} back to an older commit`;
  return undefined;
}

/** The chain position where the commits this activity brought end (exclusive). */
function coveredEnd(activity: BranchActivity, after: number, position: ReadonlyMap<string, number>, length: number): number {
  if (NO_COMMIT.test(activity.before)) return length;
  const before = position.get(activity.before);
  if (before !== undefined) return Math.max(before, after);
  // `before` off the first-parent chain: a fast-forward onto a merge whose first parent is not the
  // old tip. Only the new tip itself is known to be new; the rest were there no later than now.
  return after + 1;
}

function broughtBy(commit: string, activity: BranchActivity, branch: string): LandingFact {
  return { commit, source: 'activity', at: activity.at, detail: `brought onto ${branch} by the ${HOW[activity.type]} ${by(activity.actor)} at ${activity.at}` };
}

function presentBy(commit: string, activity: BranchActivity, branch: string): LandingFact {
  const detail = `on ${branch} no later than ${activity.at} (the ${HOW[activity.type]} ${by(activity.actor)}); older records were not read, the window had passed by then`;
  return { commit, source: 'activity', at: activity.at, detail };
}

function presentSinceRewrite(commit: string, activity: BranchActivity, rewrite: string): LandingFact {
  return { commit, source: 'activity', at: activity.at, detail: `on the branch since ${rewrite}; the history before it was rewritten, so the window starts there` };
}

function rewrittenAfter(commit: string, rewrite: string): LandingFact {
  const detail =
    `commit ${short(commit)} reached the branch before ${rewrite}, so the rewritten history cannot prove the marker stayed there; ` +
    `restart the window by removing the marker and marking the element again, or ask a Platform Lead for the emergency label`;
  return { commit, source: 'unproven', detail };
}

function by(actor: string | null): string {
  return actor === null ? 'by a deleted account' : `by @${actor}`;
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
