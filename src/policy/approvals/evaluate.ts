/**
 * The two-approver rule (issue 4 §4) as a pure function of fetched facts: the latest opinionated
 * review per person, on the current head, from someone who is neither the author, a commit author or
 * committer, the last pusher, nor a bot; roles filled by distinct people; any eligible
 * CHANGES_REQUESTED blocks. Facts that could not be read make the result an error (fail closed).
 */
import type { ApprovalSettings } from '../config/policy-sections.js';
import { assignRoles } from './assign.js';
import { isBot, type PullFacts } from './facts.js';
import { latestOpinions, type LatestOpinion } from './latest.js';
import { evaluateOverride } from './override.js';
import { describePrincipals, isMember, rolesFor, type Role } from './roles.js';
import { worstStatus, type ApprovalResult, type Approver, type Dismissal } from './result.js';

export interface ApprovalInput {
  readonly settings: ApprovalSettings;
  readonly facts: PullFacts;
  /** Changed schema files (new paths; deleted files by their old path). */
  readonly schemaFiles: readonly string[];
  /** Whether the changes need approval at all (settings.requiredFor decides upstream). */
  readonly required: boolean;
}

const ROOT = 'Schema change approvals';

export function evaluateApprovals(input: ApprovalInput): ApprovalResult {
  const { settings, facts } = input;
  const empty = { approvers: [], dismissed: [], blockers: [], children: [] };
  if (!input.required) return { ...empty, name: ROOT, status: 'skipped', description: 'no schema change in this PR needs approval' };
  const error = missingFacts(settings, facts);
  if (error !== undefined) return { ...empty, name: ROOT, status: 'error', description: error, error };
  const roles = rolesFor(settings, input.schemaFiles);
  const canFill = (login: string, role: Role) => isMember(role.principals, login, facts.teams);
  const inAnyRole = (login: string) => roles.some((role) => canFill(login, role)) || isMember(settings.platformLeads, login, facts.teams);
  const { valid, dismissed, blockers } = screen(latestOpinions(facts.reviews), facts, settings, inAnyRole);
  const assignment = assignRoles(roles, canFill, valid.map((o) => o.login));
  const children = roles.map((role, i) => roleResult(role, assignment.filled[i] ?? [], valid));
  const approvers = children.flatMap((child) => child.approvers);
  const override = evaluateOverride(settings, facts);
  let status = worstStatus(children.map((child) => child.status));
  if (blockers.length > 0) status = 'blocked';
  const filled = children.filter((c) => c.status === 'approved').length;
  const counts = `${filled}/${children.length} roles filled by ${new Set(approvers.map((a) => a.login)).size} distinct approver(s)`;
  const ignored = dismissed.length > 0 ? `; ignored ${dismissed.length} review(s) from disqualified or stale reviewers` : '';
  const blocked = blockers.length > 0 ? `; changes requested by ${blockers.map((b) => `@${b}`).join(', ')}` : '';
  return {
    name: ROOT,
    status,
    description: `${counts}${ignored}${blocked}`,
    approvers,
    dismissed,
    blockers,
    children,
    ...(override !== undefined && { override }),
  };
}

/** Why the facts cannot decide, if they cannot: a read that failed, or a fact the settings need but nobody loaded. */
function missingFacts(settings: ApprovalSettings, facts: PullFacts): string | undefined {
  if (facts.membershipError !== undefined) return facts.membershipError;
  if (!settings.excludeLastPusher) return undefined;
  if (facts.pusherError !== undefined) return facts.pusherError;
  // Absent without an error means the caller never asked: fail closed rather than let the pusher approve.
  if (facts.lastPusher === undefined) {
    return `who pushed head ${facts.headSha.slice(0, 7)} of PR #${facts.number} was not loaded, so the last pusher cannot be excluded; this is a bug in guardrails, please report it (or set approvals.exclude-last-pusher: false)`;
  }
  return undefined;
}

/** Splits latest opinions into approvals that may count, dismissed ones with reasons, and blockers. */
function screen(opinions: readonly LatestOpinion[], facts: PullFacts, settings: ApprovalSettings, inAnyRole: (login: string) => boolean) {
  const valid: LatestOpinion[] = [];
  const dismissed: Dismissal[] = [];
  const blockers: string[] = [];
  const people = new Set(facts.commitPeople.map((login) => login.toLowerCase()));
  for (const opinion of opinions) {
    const reason = disqualification(opinion, facts, people, settings);
    // Blocks whatever the reason: the last pusher, say, may not approve but may still object.
    if (opinion.opinion === 'CHANGES_REQUESTED') {
      if (!isBot(opinion) && inAnyRole(opinion.login)) blockers.push(opinion.login);
      continue;
    }
    if (opinion.opinion === 'DISMISSED') {
      dismissed.push({ login: opinion.login, reviewId: opinion.review.id, reason: 'their latest review was dismissed' });
    } else if (reason !== undefined) dismissed.push({ login: opinion.login, reviewId: opinion.review.id, reason });
    else valid.push(opinion);
  }
  return { valid, dismissed, blockers };
}

function disqualification(opinion: LatestOpinion, facts: PullFacts, people: ReadonlySet<string>, settings: ApprovalSettings): string | undefined {
  const login = opinion.login.toLowerCase();
  if (isBot(opinion)) return 'bots cannot approve schema changes';
  if (login === facts.author.toLowerCase()) return 'the author of the PR cannot approve it';
  if (people.has(login)) return 'authored or committed commits in this PR, so cannot approve it';
  if (settings.excludeLastPusher && login === facts.lastPusher?.toLowerCase()) {
    return `pushed the current head ${facts.headSha.slice(0, 7)}, so cannot approve it; someone else must approve after the last push`;
  }
  if (settings.requireCurrentHead && opinion.review.commitId !== facts.headSha) {
    const on = opinion.review.commitId === null ? 'a commit that no longer exists (force-pushed away)' : `commit ${opinion.review.commitId.slice(0, 7)}`;
    return `approved ${on}, not the current head ${facts.headSha.slice(0, 7)}; re-approve`;
  }
  return undefined;
}

function roleResult(role: Role, logins: readonly string[], valid: readonly LatestOpinion[]): ApprovalResult {
  const approvers: Approver[] = logins.map((login) => ({
    login,
    role: role.name,
    reviewId: valid.find((o) => o.login === login)?.review.id ?? 0,
  }));
  const done = approvers.length >= role.count;
  const files = role.files.length > 0 ? ` for ${role.files.length} file(s)` : '';
  return {
    name: role.name,
    status: done ? 'approved' : 'pending',
    description: `${approvers.length}/${role.count} required approval(s)${files}`,
    approvers,
    dismissed: [],
    blockers: [],
    mayStillApprove: describePrincipals(role.principals),
    children: [],
  };
}
