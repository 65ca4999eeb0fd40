import { describe, expect, it } from 'vitest';
import { evaluateApprovals } from '../../../src/policy/approvals/evaluate.js';
import { renderApprovalText } from '../../../src/policy/approvals/result.js';
import type { PullFacts } from '../../../src/policy/approvals/facts.js';
import { HEAD, facts, review, settings } from './builders.js';

const FILES = ['schemas/orders.avsc'];
const SHORT = HEAD.slice(0, 7);
const REASON = `pushed the current head ${SHORT}, so cannot approve it; someone else must approve after the last push`;

function evaluate(reviews: Parameters<typeof facts>[0], overrides: Partial<PullFacts> = {}, excludeLastPusher = true) {
  return evaluateApprovals({ settings: settings({ excludeLastPusher }), facts: facts(reviews, overrides), schemaFiles: FILES, required: true });
}

describe('trap 5: the last pusher cannot approve', () => {
  it('dismisses the approval of a Platform Lead who pushed the head without authoring any commit', () => {
    // lead1 pushed the author's commits (or clicked "Update branch"); commitPeople holds only the author.
    const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], { lastPusher: 'lead1' });
    expect(result.status).toBe('pending');
    expect(result.dismissed).toEqual([expect.objectContaining({ login: 'lead1', reason: REASON })]);
    expect(renderApprovalText(result)).toContain(`  - @lead1: ${REASON}`);
    expect(result.description).toBe('1/2 roles filled by 1 distinct approver(s); ignored 1 review(s) from disqualified or stale reviewers');
  });

  it('compares logins case-insensitively', () => {
    const result = evaluate([review('Lead1', 'APPROVED'), review('expert1', 'APPROVED')], { lastPusher: 'LEAD1' });
    expect(result.status).toBe('pending');
    expect(result.dismissed.map((d) => d.login)).toEqual(['Lead1']);
  });

  it('approves when someone other than the pusher fills the role', () => {
    const result = evaluate([review('lead1', 'APPROVED'), review('lead2', 'APPROVED'), review('expert1', 'APPROVED')], { lastPusher: 'lead1' });
    expect(result.status).toBe('approved');
    expect(result.approvers.map((a) => a.login)).toEqual(['lead2', 'expert1']);
  });

  it('still lets the pusher object: their CHANGES_REQUESTED blocks', () => {
    const result = evaluate([review('lead2', 'APPROVED'), review('expert1', 'APPROVED'), review('lead1', 'CHANGES_REQUESTED')], { lastPusher: 'lead1' });
    expect(result.status).toBe('blocked');
    expect(result.blockers).toEqual(['lead1']);
  });

  it('fails closed with the exact message when who pushed the head could not be proven', () => {
    const message = `the push that made ${SHORT} the head of PR #2 is not in the activity of branch changes of acme/schemas`;
    const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], { pusherError: message, lastPusher: undefined });
    expect(result.status).toBe('error');
    expect(result.error).toBe(message);
    expect(result.description).toBe(message);
    expect(result.approvers).toEqual([]);
  });

  it('fails closed when the pusher was never loaded (a caller bug), rather than letting them approve', () => {
    const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], { lastPusher: undefined });
    expect(result.status).toBe('error');
    expect(result.error).toContain(`who pushed head ${SHORT} of PR #2 was not loaded`);
  });

  it('is skipped, not an error, when no change needs approval', () => {
    const result = evaluateApprovals({ settings: settings(), facts: facts([], { pusherError: 'x' }), schemaFiles: [], required: false });
    expect(result.status).toBe('skipped');
  });

  describe('with exclude-last-pusher: false', () => {
    it('counts the pusher’s approval', () => {
      const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], { lastPusher: 'lead1' }, false);
      expect(result.status).toBe('approved');
      expect(result.dismissed).toEqual([]);
    });

    it('needs no pusher facts and ignores a pusher error', () => {
      expect(evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], { lastPusher: undefined }, false).status).toBe('approved');
      expect(evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], { lastPusher: undefined, pusherError: 'x' }, false).status).toBe('approved');
    });
  });

  it('a membership error still wins: it is reported, not the pusher', () => {
    const result = evaluate([], { membershipError: 'cannot read team acme/platform-leads', pusherError: 'x' });
    expect(result.error).toBe('cannot read team acme/platform-leads');
  });
});
