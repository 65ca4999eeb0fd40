/**
 * Each reviewer's latest opinionated review (trap 1 and 2 of the approvals notes): PENDING reviews are
 * invisible, COMMENTED never changes an opinion, and a later CHANGES_REQUESTED or DISMISSED cancels an
 * approval. States are compared upper case, so webhook payloads (`approved`) and REST (`APPROVED`) agree.
 */
import type { ReviewFact } from './facts.js';

export type Opinion = 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED';

export interface LatestOpinion {
  readonly login: string;
  readonly type?: string;
  readonly opinion: Opinion;
  readonly review: ReviewFact;
}

const OPINIONS: ReadonlySet<string> = new Set<Opinion>(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/** One entry per reviewer (logins compared case-insensitively), in order of their latest opinion. */
export function latestOpinions(reviews: readonly ReviewFact[]): LatestOpinion[] {
  const ordered = reviews
    .filter((review) => review.submittedAt !== null && review.user !== null)
    .map((review, index) => ({ review, index }))
    .sort((a, b) => compareTime(a.review, b.review) || a.index - b.index);
  const latest = new Map<string, LatestOpinion>();
  for (const { review } of ordered) {
    const state = review.state.toUpperCase();
    const user = review.user;
    if (user === null || !OPINIONS.has(state)) continue;
    const key = user.login.toLowerCase();
    latest.delete(key);
    latest.set(key, { login: user.login, ...(user.type !== undefined && { type: user.type }), opinion: state as Opinion, review });
  }
  return [...latest.values()];
}

function compareTime(a: ReviewFact, b: ReviewFact): number {
  const ta = Date.parse(a.submittedAt ?? '');
  const tb = Date.parse(b.submittedAt ?? '');
  return ta === tb ? a.id - b.id : ta - tb;
}
