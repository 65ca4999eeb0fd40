/**
 * Fetches what the approval engine needs for one PR: the fresh PR (current head, labels), every
 * review and commit (all pages), label events, and live team membership of every reviewer and the
 * override label's actor in every team the policy names. A token that cannot read membership is
 * recorded as the facts' error, so the engine fails with that exact message.
 */
import type { ApprovalSettings } from '../policy/config/policy-sections.js';
import { teamKey, type MembershipState, type PullFacts } from '../policy/approvals/facts.js';
import type { PullInfo, PullSource } from '../github/api/pulls.js';
import type { TeamSource } from '../github/api/teams.js';
import { GitHubApiError } from '../github/api/errors.js';

export async function loadPullFacts(pulls: PullSource, teams: TeamSource, settings: ApprovalSettings, pull: PullInfo): Promise<PullFacts> {
  const [reviews, commitPeople, labelEvents] = await Promise.all([
    pulls.reviews(pull.number),
    pulls.commitPeople(pull.number),
    settings.emergencyLabel !== undefined && pull.labels.includes(settings.emergencyLabel) ? pulls.labelEvents(pull.number) : Promise.resolve([]),
  ]);
  const logins = new Set<string>();
  for (const review of reviews) if (review.user) logins.add(review.user.login);
  const actor = labelEvents.filter((e) => e.label === settings.emergencyLabel).pop()?.actor;
  if (actor !== undefined) logins.add(actor);
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
  };
}
