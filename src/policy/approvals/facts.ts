/**
 * The facts the approval rule engine decides from, fetched beforehand by src/github/api (issue 4 §4).
 * Plain data: the engine never touches a client, a clock or the file system.
 */

/** A review as GitHub returns it; `state` is upper case from REST and lower case in webhook payloads. */
export interface ReviewFact {
  readonly id: number;
  /** Null for a deleted account ("ghost"). */
  readonly user: { readonly login: string; readonly type?: string } | null;
  readonly state: string;
  /** The commit the review was made on; null when that commit was garbage-collected after a force push. */
  readonly commitId: string | null;
  /** Absent for a PENDING review, which only its author can see. */
  readonly submittedAt: string | null;
}

/** Membership of one login in one team, as the API reported it at evaluation time. */
export type MembershipState = 'active' | 'pending' | 'none';

/** A `labeled` or `unlabeled` event on the pull request, for the emergency override's audit. */
export interface LabelEvent {
  readonly action: 'labeled' | 'unlabeled';
  /** The label's name as the event spells it (GitHub compares label names case-insensitively). */
  readonly label: string;
  /** Null when GitHub returns no actor (a deleted account, some integrations): the applier is unknown. */
  readonly actor: string | null;
  readonly createdAt: string;
}

export interface PullFacts {
  readonly number: number;
  readonly author: string;
  /** The PR's current head commit. */
  readonly headSha: string;
  /** Logins of every commit author and committer in the PR (unknown emails are absent). */
  readonly commitPeople: readonly string[];
  readonly labels: readonly string[];
  /** Label events of the PR, all pages, oldest first. */
  readonly labelEvents: readonly LabelEvent[];
  /** Every review, all pages, oldest first. */
  readonly reviews: readonly ReviewFact[];
  /** `org/slug` → lower-case login → state, for every team the policy names and every reviewer. */
  readonly teams: ReadonlyMap<string, ReadonlyMap<string, MembershipState>>;
  /** Set when team membership could not be read (a token without org read access): the engine then errors. */
  readonly membershipError?: string;
  /** Who pushed `headSha` onto the head branch (repository activity); read only when the policy excludes them. */
  readonly lastPusher?: string;
  /** Set when who pushed the head could not be proven: with `exclude-last-pusher` on, the engine then errors. */
  readonly pusherError?: string;
}

/** Logins GitHub uses for apps and AI reviewers that are not `[bot]`-suffixed. */
const BOT_LOGINS = new Set(['copilot', 'copilot-pull-request-reviewer', 'github-actions', 'dependabot']);

export function isBot(user: { readonly login: string; readonly type?: string }): boolean {
  const login = user.login.toLowerCase();
  return user.type === 'Bot' || login.endsWith('[bot]') || BOT_LOGINS.has(login);
}

export function teamKey(org: string, slug: string): string {
  return `${org}/${slug}`.toLowerCase();
}

/** The subset of a review object (REST response or webhook payload) the engine reads. */
export interface ReviewPayload {
  readonly id: number;
  readonly user?: { readonly login: string; readonly type?: string } | null;
  readonly state: string;
  readonly commit_id?: string | null;
  readonly submitted_at?: string | null;
}

export function reviewFromPayload(review: ReviewPayload): ReviewFact {
  return {
    id: review.id,
    user: review.user ? { login: review.user.login, ...(review.user.type !== undefined && { type: review.user.type }) } : null,
    state: review.state,
    commitId: review.commit_id ?? null,
    submittedAt: review.submitted_at ?? null,
  };
}
