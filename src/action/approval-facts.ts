/**
 * Fetches what the approval engine needs for one PR: the fresh PR (current head, labels), every
 * review and commit (all pages), label events, and live team membership of every reviewer and the
 * override label's actor in every team the policy names, and who pushed the head (when the policy
 * excludes the last pusher). A token that cannot read membership or the head branch's activity is
 * recorded as the facts' error, so the engine fails with that exact message.
 */
import type { ApprovalSettings } from '../policy/config/policy-sections.js';
import { teamKey, type MembershipState, type PullFacts } from '../policy/approvals/facts.js';
import { labelApplication, sameLabel } from '../policy/approvals/override.js';
import type { ActivitySource } from '../github/api/activity.js';
import type { PullInfo, PullSource, RepoRef } from '../github/api/pulls.js';
import { headPusher } from '../github/api/pushers.js';
import type { TeamSource } from '../github/api/teams.js';
import { GitHubApiError } from '../github/api/errors.js';

/** `activityFor` reads a repository's activity: the head repository's, which is the fork for a fork PR. */
export async function loadPullFacts(
  pulls: PullSource,
  teams: TeamSource,
  activityFor: (repo: RepoRef) => ActivitySource,
  settings: ApprovalSettings,
  pull: PullInfo,
): Promise<PullFacts> {
  const [reviews, commitPeople, labelEvents, pusher] = await Promise.all([
    pulls.reviews(pull.number),
    pulls.commitPeople(pull.number),
    hasLabel(pull.labels, settings.emergencyLabel) ? pulls.labelEvents(pull.number) : Promise.resolve([]),
    settings.excludeLastPusher ? tryLastPusher(activityFor, pull) : Promise.resolve({}),
  ]);
  const logins = new Set<string>();
  for (const review of reviews) if (review.user) logins.add(review.user.login);
  // The applier the override rule will credit, so that their membership is read like a reviewer's.
  const application = settings.emergencyLabel === undefined ? undefined : labelApplication(settings.emergencyLabel, labelEvents);
  if (application?.applied === true) logins.add(application.actor);
  const named = [...settings.platformLeads, ...settings.domainExperts.flatMap((rule) => rule.owners)];
  const teamRefs = [...new Map(named.flatMap((p) => (p.kind === 'team' ? [[teamKey(p.org, p.slug), p] as const] : []))).values()];
  const table = new Map<string, Map<string, MembershipState>>();
  let membershipError: string | undefined;
  try {
    for (const team of teamRefs) {
      const members = new Map<string, MembershipState>();
      for (const login of logins) members.set(login.toLowerCase(), await teams.membership(team.org, team.slug, login));
      table.set(teamKey(team.org, team.slug), members);
    }
  } catch (error) {
    if (!(error instanceof GitHubApiError)) throw error;
    membershipError = error.message;
  }
  return {
    number: pull.number,
    author: pull.author,
    headSha: pull.headSha,
    commitPeople,
    labels: pull.labels,
    labelEvents,
    reviews,
    teams: table,
    ...(membershipError !== undefined && { membershipError }),
    ...pusher,
  };
}

function hasLabel(labels: readonly string[], label: string | undefined): label is string {
  return label !== undefined && labels.some((name) => sameLabel(name, label));
}

type PusherFacts = Pick<PullFacts, 'lastPusher' | 'pusherError'>;

/** Who pushed the head, or why that cannot be proven; only a failure that is not GitHub's is thrown. */
async function tryLastPusher(activityFor: (repo: RepoRef) => ActivitySource, pull: PullInfo): Promise<PusherFacts> {
  const head = pull.headSha.slice(0, 7);
  const accept = 'or set approvals.exclude-last-pusher: false to accept that whoever pushed it may approve';
  if (pull.headRepo === null) {
    return { pusherError: `the head repository of PR #${pull.number} was deleted, so who pushed its head ${head} cannot be proven; open the change again from an existing branch, ${accept}` };
  }
  const where = `branch ${pull.headRef} of ${pull.headRepo.owner}/${pull.headRepo.repo}`;
  try {
    const lastPusher = await headPusher(activityFor(pull.headRepo), pull.headRef, pull.headSha);
    if (lastPusher !== undefined) return { lastPusher };
    return {
      pusherError: `the push that made ${head} the head of PR #${pull.number} is not in the activity of ${where}, so who pushed it cannot be proven; push the branch again (or re-run the check if the push was just made), ${accept}`,
    };
  } catch (error) {
    if (!(error instanceof GitHubApiError)) throw error;
    return { pusherError: `cannot prove who pushed head ${head} of PR #${pull.number} to ${where}: ${error.message}` };
  }
}
