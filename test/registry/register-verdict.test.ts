/** The verdict record the PR check embeds in its summary: what `register` later trusts as proof. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/action/markdown.js';
import { decideVerdict } from '../../src/action/verdict.js';
import type { ApprovalResult } from '../../src/policy/approvals/result.js';
import type { GateResult } from '../../src/policy/deprecation/gate.js';
import type { DeprecationVerdict } from '../../src/policy/deprecation/window.js';
import type { CheckReport, SubjectReport } from '../../src/policy/report/model.js';
import { decodeVerdictRecord } from '../../src/registry/register/verdict-record.js';

const subject = (overrides: Partial<SubjectReport>): SubjectReport => ({
  subject: 'orders-value', file: 'schemas/orders.avsc', level: 'BACKWARD', status: 'incompatible', compatible: false,
  incompatibilities: [], changes: [], history: [], warnings: [], ...overrides,
});
const report = (subjects: SubjectReport[]): CheckReport => ({ reportVersion: 1, ok: false, mode: 'changed', against: { ref: 'b', commit: 'b', mergeBase: 'b' }, subjects, warnings: [] });
const role = (name: string, login: string): ApprovalResult => ({
  name, status: 'approved', description: 'd', approvers: [{ login, role: name, reviewId: 1 }], dismissed: [], blockers: [], children: [],
});
const approvals: ApprovalResult = { name: 'Schema change approvals', status: 'approved', description: 'd', approvers: [], dismissed: [], blockers: [], children: [role('platform-lead', 'lead'), role('domain-expert', 'expert')] };
const mature = { label: 'Order.note', status: 'mature' } as DeprecationVerdict;
const pending = { label: 'Order.memo', status: 'pending' } as DeprecationVerdict;
const allowed: GateResult = { breaking: true, allowed: true, elements: [mature], unattributed: [], markers: [mature, pending] };
const blocked: GateResult = { breaking: true, allowed: false, elements: [pending], unattributed: [], markers: [pending] };
const settings = { failOn: 'error', mode: 'check' } as const;

function recordOf(subjects: SubjectReport[], gates: Map<string, GateResult>, a: ApprovalResult = approvals) {
  const r = report(subjects);
  const verdict = decideVerdict({ report: r, gates, approvals: a, settings });
  return decodeVerdictRecord(renderMarkdown({ report: r, gates, approvals: a, verdict, windowDays: 30 }));
}

describe('the verdict record in the check summary', () => {
  it('lists the allowed breaks with their matured markers, and the approvers', () => {
    expect(recordOf([subject({})], new Map([['schemas/orders.avsc', allowed]]))).toEqual({
      version: 1,
      conclusion: 'success',
      allowedBreaks: [{ subject: 'orders-value', file: 'schemas/orders.avsc', matured: ['Order.note'] }],
      approvers: ['expert', 'lead'],
    });
  });

  it('lists no break the window did not allow, and the check fails', () => {
    const record = recordOf([subject({})], new Map([['schemas/orders.avsc', blocked]]));
    expect(record).toMatchObject({ conclusion: 'failure', allowedBreaks: [] });
  });

  it('under the emergency override lists every breaking subject and who applied it', () => {
    const overridden: ApprovalResult = { ...approvals, override: { label: 'schema-emergency', appliedBy: 'lead1', valid: true, description: 'x' } };
    const record = recordOf([subject({})], new Map([['schemas/orders.avsc', blocked]]), overridden);
    expect(record).toMatchObject({ conclusion: 'success', overriddenBy: 'lead1', allowedBreaks: [{ subject: 'orders-value', matured: [] }] });
  });
});
