/**
 * Review facts derived from real webhook payloads (@octokit/webhooks-examples): the examples are all
 * `commented`/`dismissed` by the PR author, so approvals, other reviewers, stale commits, forks and
 * bots are variations of them (notes §8).
 */
import { createRequire } from 'node:module';
import { DEFAULT_APPROVALS, parsePrincipal, type ApprovalSettings } from '../../../src/policy/config/policy-sections.js';
import { reviewFromPayload, teamKey, type MembershipState, type PullFacts, type ReviewFact, type ReviewPayload } from '../../../src/policy/approvals/facts.js';

interface Example {
  readonly name: string;
  readonly examples: readonly {
    action: string;
    review: ReviewPayload & { user: { login: string; type: string } };
    pull_request: { head: { sha: string }; user: { login: string }; number: number };
    sender: { login: string };
  }[];
}

const require = createRequire(import.meta.url);
const index = require('@octokit/webhooks-examples/api.github.com/index.json') as Example[];
const submitted = index.find((e) => e.name === 'pull_request_review')?.examples.find((e) => e.action === 'submitted');
if (submitted === undefined) throw new Error('webhooks-examples has no pull_request_review submitted example');

const synchronize = index.find((e) => e.name === 'pull_request')?.examples.find((e) => e.action === 'synchronize');
if (synchronize === undefined) throw new Error('webhooks-examples has no pull_request synchronize example');

/** The real payload's PR: head sha and author. */
export const HEAD = submitted.pull_request.head.sha;
export const AUTHOR = submitted.pull_request.user.login;
/** Who pushed the head: the sender of the real `synchronize` payload of the same PR (its author, as usual). */
export const PUSHER = synchronize.sender.login;
const BASE_REVIEW = submitted.review;

let nextId = 1000;
let clock = Date.parse(BASE_REVIEW.submitted_at ?? '2019-05-15T15:20:38Z');

/** A variation of the real review payload: another reviewer, state, commit or account type. */
export function review(login: string, state: string, options: { commit?: string | null; type?: string; submittedAt?: string | null } = {}): ReviewFact {
  clock += 60_000;
  return reviewFromPayload({
    ...BASE_REVIEW,
    id: nextId++,
    user: { ...BASE_REVIEW.user, login, type: options.type ?? 'User' },
    state,
    commit_id: options.commit === undefined ? HEAD : options.commit,
    submitted_at: options.submittedAt === undefined ? new Date(clock).toISOString() : options.submittedAt,
  });
}

export function settings(overrides: Partial<ApprovalSettings> = {}): ApprovalSettings {
  return {
    ...DEFAULT_APPROVALS,
    platformLeads: [parsePrincipal('acme/platform-leads')],
    domainExperts: [
      { files: 'schemas/**', owners: [parsePrincipal('acme/data-eng')] },
      { files: 'schemas/market/**', owners: [parsePrincipal('alice'), parsePrincipal('acme/market-data')] },
    ],
    ...overrides,
  };
}

/** Team tables: team → members with their state. */
export function teams(entries: Record<string, Record<string, MembershipState>>): Map<string, Map<string, MembershipState>> {
  return new Map(Object.entries(entries).map(([team, members]) => [team.toLowerCase(), new Map(Object.entries(members).map(([l, s]) => [l.toLowerCase(), s]))]));
}

export const STANDARD_TEAMS = teams({
  'acme/platform-leads': { lead1: 'active', lead2: 'active', both: 'active', invited: 'pending' },
  'acme/data-eng': { expert1: 'active', expert2: 'active', both: 'active' },
  'acme/market-data': { marketeer: 'active' },
});

export function facts(reviews: ReviewFact[], overrides: Partial<PullFacts> = {}): PullFacts {
  return {
    number: submitted?.pull_request.number ?? 1,
    author: AUTHOR,
    headSha: HEAD,
    commitPeople: [AUTHOR],
    lastPusher: PUSHER,
    labels: [],
    labelEvents: [],
    reviews,
    teams: STANDARD_TEAMS,
    ...overrides,
  };
}

/** A real `pull_request_review` payload's review, unchanged (states are lower case there). */
export function realReview(action: 'submitted' | 'dismissed'): ReviewFact {
  const example = index.find((e) => e.name === 'pull_request_review')?.examples.find((e) => e.action === action);
  if (example === undefined) throw new Error(`webhooks-examples has no pull_request_review ${action} example`);
  return reviewFromPayload(example.review);
}

export { teamKey };
