import { describe, expect, it } from 'vitest';
import { evaluateApprovals } from '../../../src/policy/approvals/evaluate.js';
import { renderApprovalText } from '../../../src/policy/approvals/result.js';
import { parsePrincipal } from '../../../src/policy/config/policy-sections.js';
import { AUTHOR, HEAD, facts, realReview, review, settings, teams } from './builders.js';
import type { PullFacts } from '../../../src/policy/approvals/facts.js';

const FILES = ['schemas/orders.avsc'];

function evaluate(reviews: Parameters<typeof facts>[0], overrides: Partial<PullFacts> = {}, options: { files?: string[]; settings?: ReturnType<typeof settings> } = {}) {
  return evaluateApprovals({ settings: options.settings ?? settings(), facts: facts(reviews, overrides), schemaFiles: options.files ?? FILES, required: true });
}

describe('the two-approver rule', () => {
  it('approves with one Platform Lead and one domain expert and says who filled which role', () => {
    const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')]);
    expect(result.status).toBe('approved');
    expect(result.approvers).toEqual([
      expect.objectContaining({ login: 'lead1', role: 'Platform Lead' }),
      expect.objectContaining({ login: 'expert1', role: 'Domain expert (schemas/**)' }),
    ]);
    expect(renderApprovalText(result)).toBe(
      [
        'Schema change approvals: approved: 2/2 roles filled by 2 distinct approver(s)',
        '  + @lead1 as Platform Lead',
        '  + @expert1 as Domain expert (schemas/**)',
        '  Platform Lead: approved: 1/1 required approval(s)',
        '    + @lead1 as Platform Lead',
        '  Domain expert (schemas/**): approved: 1/1 required approval(s) for 1 file(s)',
        '    + @expert1 as Domain expert (schemas/**)',
      ].join('\n'),
    );
  });

  it('is pending with one approval and says who may still approve', () => {
    const result = evaluate([review('lead1', 'APPROVED')]);
    expect(result.status).toBe('pending');
    expect(renderApprovalText(result)).toContain('may still approve: @acme/data-eng');
  });

  describe('trap 1: only the latest opinionated review per person counts', () => {
    it('a later CHANGES_REQUESTED cancels an approval and blocks', () => {
      const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED'), review('expert1', 'CHANGES_REQUESTED')]);
      expect(result.status).toBe('blocked');
      expect(result.blockers).toEqual(['expert1']);
      expect(result.description).toContain('changes requested by @expert1');
    });

    it('a later DISMISSED cancels an approval', () => {
      const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED'), review('expert1', 'DISMISSED')]);
      expect(result.status).toBe('pending');
      expect(result.dismissed).toEqual([expect.objectContaining({ login: 'expert1', reason: 'their latest review was dismissed' })]);
    });

    it('a later COMMENTED does not cancel an approval', () => {
      const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED'), review('expert1', 'COMMENTED')]);
      expect(result.status).toBe('approved');
    });

    it('an approval after CHANGES_REQUESTED lifts the block', () => {
      const result = evaluate([review('expert1', 'CHANGES_REQUESTED'), review('lead1', 'APPROVED'), review('expert1', 'APPROVED')]);
      expect(result.status).toBe('approved');
      expect(result.blockers).toEqual([]);
    });

    it('orders by submission time, not by list order', () => {
      const late = review('expert1', 'CHANGES_REQUESTED', { submittedAt: '2030-01-01T00:00:00Z' });
      const result = evaluate([late, review('lead1', 'APPROVED'), review('expert1', 'APPROVED')]);
      expect(result.status).toBe('blocked');
    });
  });

  describe('real webhook payloads', () => {
    it('the example "dismissed" review (lower-case state) counts as a dismissal, not an approval', () => {
      const dismissed = realReview('dismissed');
      expect(dismissed.state).toBe('dismissed');
      const login = dismissed.user?.login ?? '';
      const result = evaluate([dismissed], { author: 'someone-else', commitPeople: [], teams: teams({ 'acme/platform-leads': { [login]: 'active' } }) });
      expect(result.dismissed).toEqual([expect.objectContaining({ login, reason: 'their latest review was dismissed' })]);
    });

    it('the example "submitted" review is a comment by the PR author, which never approves', () => {
      const result = evaluate([realReview('submitted')]);
      expect(result.approvers).toEqual([]);
      expect(result.status).toBe('pending');
    });
  });

  describe('trap 2: PENDING reviews and state case', () => {
    it('ignores a PENDING review (no submitted_at) even if it is the latest', () => {
      const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED'), review('expert1', 'PENDING', { submittedAt: null })]);
      expect(result.status).toBe('approved');
    });

    it('treats lower-case webhook states like upper-case REST states', () => {
      const result = evaluate([review('lead1', 'approved'), review('expert1', 'approved')]);
      expect(result.status).toBe('approved');
      expect(evaluate([review('lead1', 'approved'), review('expert1', 'changes_requested')]).status).toBe('blocked');
    });
  });

  describe('trap 3: approvals of older commits', () => {
    it('does not count an approval of a previous commit', () => {
      const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED', { commit: 'a'.repeat(40) })]);
      expect(result.status).toBe('pending');
      expect(result.dismissed[0]?.reason).toBe(`approved commit aaaaaaa, not the current head ${HEAD.slice(0, 7)}; re-approve`);
    });

    it('does not count an approval whose commit was force-pushed away (commit_id null)', () => {
      const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED', { commit: null })]);
      expect(result.status).toBe('pending');
      expect(result.dismissed[0]?.reason).toContain('a commit that no longer exists');
    });

    it('counts them when require-current-head is off', () => {
      const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED', { commit: 'a'.repeat(40) })], {}, { settings: settings({ requireCurrentHead: false }) });
      expect(result.status).toBe('approved');
    });
  });

  describe('trap 5: author, commit authors, committers and bots cannot approve', () => {
    it('the PR author', () => {
      const result = evaluate([review('lead1', 'APPROVED'), review(AUTHOR, 'APPROVED')], { teams: teams({ 'acme/platform-leads': { lead1: 'active' }, 'acme/data-eng': { [AUTHOR]: 'active' } }) });
      expect(result.status).toBe('pending');
      expect(result.dismissed).toEqual([expect.objectContaining({ login: AUTHOR, reason: 'the author of the PR cannot approve it' })]);
    });

    it('a co-author or committer of a commit in the PR', () => {
      const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], { commitPeople: [AUTHOR, 'expert1'] });
      expect(result.status).toBe('pending');
      expect(result.dismissed[0]?.reason).toBe('authored or committed commits in this PR, so cannot approve it');
    });

    it.each([
      ['a [bot] login', 'renovate[bot]', 'Bot'],
      ['an account of type Bot', 'some-app', 'Bot'],
      ['Copilot', 'Copilot', 'User'],
      ['github-actions[bot]', 'github-actions[bot]', 'Bot'],
    ])('%s', (_label, login, type) => {
      const result = evaluate([review('lead1', 'APPROVED'), review(login, 'APPROVED', { type })], { teams: teams({ 'acme/platform-leads': { lead1: 'active' }, 'acme/data-eng': { [login]: 'active' } }) });
      expect(result.status).toBe('pending');
      expect(result.dismissed[0]?.reason).toBe('bots cannot approve schema changes');
    });

    it('does not treat author_association (e.g. OWNER) as authorisation: only role membership counts', () => {
      // The real payload's reviewer is the repository OWNER but in no team.
      const result = evaluate([review('lead1', 'APPROVED'), review('Codertocat-2', 'APPROVED')]);
      expect(result.status).toBe('pending');
    });
  });

  describe('trap 6: one person cannot fill both roles', () => {
    it('a Platform Lead who is also a domain expert counts once', () => {
      const result = evaluate([review('both', 'APPROVED')]);
      expect(result.status).toBe('pending');
      expect(result.approvers.map((a) => a.login)).toEqual(['both']);
    });

    it('assigns people so that both roles are filled when possible', () => {
      // `both` could be the lead or the expert; lead2 can only be the lead.
      const result = evaluate([review('both', 'APPROVED'), review('lead2', 'APPROVED')]);
      expect(result.status).toBe('approved');
      expect(result.approvers).toEqual([
        expect.objectContaining({ login: 'lead2', role: 'Platform Lead' }),
        expect.objectContaining({ login: 'both', role: 'Domain expert (schemas/**)' }),
      ]);
    });
  });

  describe('trap 7: team membership', () => {
    it('a pending invitation is not membership', () => {
      const result = evaluate([review('invited', 'APPROVED'), review('expert1', 'APPROVED')]);
      expect(result.status).toBe('pending');
    });

    it('fails with the exact message when membership could not be read', () => {
      const message = 'cannot read team acme/platform-leads: the token cannot read org membership';
      const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], { membershipError: message });
      expect(result.status).toBe('error');
      expect(result.error).toBe(message);
    });
  });

  it('a CHANGES_REQUESTED from an eligible reviewer blocks even on an old commit; from an outsider or a bot it does not', () => {
    expect(evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED'), review('lead2', 'CHANGES_REQUESTED', { commit: 'b'.repeat(40) })]).status).toBe('blocked');
    expect(evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED'), review('drive-by', 'CHANGES_REQUESTED')]).status).toBe('approved');
    expect(evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED'), review('lint[bot]', 'CHANGES_REQUESTED', { type: 'Bot' })]).status).toBe('approved');
  });

  it('trap 14: a comment review saying "approved" is not an approval', () => {
    const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'COMMENTED')]);
    expect(result.status).toBe('pending');
  });

  it('the last matching domain-experts entry wins, as in CODEOWNERS', () => {
    const market = ['schemas/market/ticks.avsc'];
    expect(evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], {}, { files: market }).status).toBe('pending');
    expect(evaluate([review('lead1', 'APPROVED'), review('marketeer', 'APPROVED')], {}, { files: market }).status).toBe('approved');
    expect(evaluate([review('lead1', 'APPROVED'), review('alice', 'APPROVED')], {}, { files: market }).status).toBe('approved');
  });

  it('trap 4: a moved schema needs the experts of its old path too', () => {
    const moved = ['schemas/orders.avsc', 'schemas/market/orders.avsc'];
    const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], {}, { files: moved });
    expect(result.status).toBe('pending');
    expect(result.children.map((c) => `${c.name}: ${c.status}`)).toEqual([
      'Platform Lead: approved',
      'Domain expert (schemas/**): approved',
      'Domain expert (schemas/market/**): pending',
    ]);
  });

  it('files no entry owns need an owner configured: fail closed with a hint', () => {
    const result = evaluate([review('lead1', 'APPROVED'), review('expert1', 'APPROVED')], {}, { files: ['other/x.avsc'] });
    expect(result.status).toBe('pending');
    expect(result.children[1]?.mayStillApprove).toBe('nobody (configure it in guardrails.yaml)');
  });

  it('is skipped when no change needs approval', () => {
    const result = evaluateApprovals({ settings: settings(), facts: facts([]), schemaFiles: [], required: false });
    expect(result.status).toBe('skipped');
  });

  describe('the emergency override', () => {
    const withLabel = settings({ emergencyLabel: 'schema-emergency' });
    const labelled = (actor: string) => ({ labels: ['schema-emergency'], labelEvents: [{ action: 'labeled' as const, label: 'schema-emergency', actor, createdAt: '2026-11-20T10:00:00Z' }] });

    it('is valid when a Platform Lead applied the label, and is recorded', () => {
      const result = evaluate([], labelled('lead1'), { settings: withLabel });
      expect(result.status).toBe('pending');
      expect(result.override).toEqual(expect.objectContaining({ valid: true, appliedBy: 'lead1' }));
      expect(result.override?.description).toBe('emergency override "schema-emergency" applied by Platform Lead @lead1 at 2026-11-20T10:00:00Z');
    });

    it('is ignored when someone else applied it', () => {
      const result = evaluate([], labelled('expert1'), { settings: withLabel });
      expect(result.override).toEqual(expect.objectContaining({ valid: false, appliedBy: 'expert1' }));
    });

    it('only the last application of the label counts', () => {
      const events = [{ action: 'labeled' as const, label: 'schema-emergency', actor: 'lead1', createdAt: '1' }, { action: 'labeled' as const, label: 'schema-emergency', actor: 'expert1', createdAt: '2' }];
      const result = evaluate([], { labels: ['schema-emergency'], labelEvents: events }, { settings: withLabel });
      expect(result.override?.valid).toBe(false);
    });
  });

  it('a user principal counts without any team lookup', () => {
    const s = settings({ platformLeads: [parsePrincipal('solo-lead')] });
    const result = evaluate([review('solo-lead', 'APPROVED'), review('expert1', 'APPROVED')], {}, { settings: s });
    expect(result.status).toBe('approved');
  });
});
