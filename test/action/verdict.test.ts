import { describe, expect, it } from 'vitest';
import { checkNameFor, decideVerdict } from '../../src/action/verdict.js';
import { escape, renderMarkdown } from '../../src/action/markdown.js';
import { annotationsOf } from '../../src/action/annotations.js';
import type { ApprovalResult } from '../../src/policy/approvals/result.js';
import type { GateResult } from '../../src/policy/deprecation/gate.js';
import type { CheckReport, SubjectReport } from '../../src/policy/report/model.js';

const subject = (overrides: Partial<SubjectReport> = {}): SubjectReport => ({
  subject: 'orders-value', file: 'schemas/orders.avsc', level: 'BACKWARD', status: 'compatible', compatible: true,
  incompatibilities: [], changes: [], history: [], warnings: [], ...overrides,
});
const report = (subjects: SubjectReport[], mode: CheckReport['mode'] = 'changed'): CheckReport => ({
  reportVersion: 1, ok: true, mode, against: { ref: 'b', commit: 'b', mergeBase: 'b' }, subjects, warnings: [],
});
const approvals = (status: ApprovalResult['status'], override?: ApprovalResult['override']): ApprovalResult => ({
  name: 'Schema change approvals', status, description: 'd', approvers: [], dismissed: [], blockers: [], children: [], ...(override && { override }),
});
const blocked: GateResult = { breaking: true, allowed: false, elements: [], unattributed: ['x'], markers: [] };
const settings = { failOn: 'error', mode: 'check' } as const;

describe('decideVerdict', () => {
  it('passes a compatible, approved change', () => {
    const v = decideVerdict({ report: report([subject()]), gates: new Map(), approvals: approvals('approved'), settings });
    expect(v).toEqual(expect.objectContaining({ conclusion: 'success', compatible: true, approvalsSatisfied: true, problems: [] }));
  });

  it('fails closed on subjects in error, blocked breaks and missing approvals', () => {
    const errored = subject({ file: 'schemas/bad.avsc', status: 'error', compatible: false, error: { code: 'INVALID_JSON', message: 'bad', file: 'schemas/bad.avsc' } });
    const v = decideVerdict({ report: report([subject(), errored]), gates: new Map([['schemas/orders.avsc', blocked]]), approvals: approvals('pending'), settings });
    expect(v.conclusion).toBe('failure');
    expect(v.problems).toEqual(['1 schema file(s) could not be checked', 'schemas/orders.avsc: breaking change not covered by a matured deprecation', 'approvals pending: d']);
  });

  it('fail-on warning fails on semantic-diff warnings', () => {
    const warned = subject({ changes: [{ rule: 'FIELD_DEFAULT_CHANGED', severity: 'warning', path: 'Order.x', message: 'm' }] });
    expect(decideVerdict({ report: report([warned]), gates: new Map(), approvals: approvals('approved'), settings }).conclusion).toBe('success');
    expect(decideVerdict({ report: report([warned]), gates: new Map(), approvals: approvals('approved'), settings: { ...settings, failOn: 'warning' } }).conclusion).toBe('failure');
  });

  it('report-only concludes neutral; a Platform Lead\'s override passes and is recorded', () => {
    const input = { report: report([subject()]), gates: new Map([['schemas/orders.avsc', blocked]]), approvals: approvals('approved') };
    expect(decideVerdict({ ...input, settings: { ...settings, mode: 'report-only' } }).conclusion).toBe('neutral');
    const override = { label: 'schema-emergency', appliedBy: 'lead1', valid: true, description: 'x' };
    const v = decideVerdict({ ...input, approvals: approvals('approved', override), settings });
    expect(v.conclusion).toBe('success');
    expect(v.overriddenBy).toBe('lead1');
    expect(v.problems).toHaveLength(1);
  });
});

describe('rendering', () => {
  it('trap 13: schema text cannot break the Markdown table or inject HTML', () => {
    expect(escape('a|b <img src=x onerror=alert(1)>\nnext')).toBe('a\\|b &lt;img src=x onerror=alert(1)&gt; next');
  });

  it('writes a table per subject with the verdict and each change in words', () => {
    const r = report([subject({ changes: [{ rule: 'FIELD_REMOVED', severity: 'breaking', path: 'Order.note', message: "field 'note' was removed" }] })]);
    const gates = new Map([['schemas/orders.avsc', blocked]]);
    const a = approvals('approved');
    const md = renderMarkdown({ report: r, gates, approvals: a, verdict: decideVerdict({ report: r, gates, approvals: a, settings }), windowDays: 30 });
    expect(md).toContain('| ❌ breaking, blocked | BACKWARD | `schemas/orders.avsc` |');
    expect(md).toContain("- 🔴 field 'note' was removed");
    expect(md).toContain('- 🚫 not allowed by any deprecation: x');
  });

  it('shows where each deprecation date comes from, and why an unproven one cannot count down', () => {
    const note = { kind: 'field', record: 'com.acme.Order', name: 'note' } as const;
    const memo = { kind: 'field', record: 'com.acme.Order', name: 'memo' } as const;
    const gate: GateResult = {
      breaking: true, allowed: false, unattributed: [], markers: [],
      elements: [
        { element: note, label: 'Order.note', status: 'mature', since: '2026-10-01T09:00:00Z', removableOn: '2026-10-31T09:00:00Z', daysLeft: 0, commit: 'c1',
          landing: { commit: 'c1', source: 'activity', at: '2026-10-01T09:00:00Z', detail: 'brought onto main by the push by @alice' } },
        { element: memo, label: 'Order.memo', status: 'unproven', commit: 'c2', problem: 'no record proves when commit c2 reached main; merge markers through pull requests',
          landing: { commit: 'c2', source: 'unproven', detail: 'no record' } },
      ],
    };
    const r = report([subject()]);
    const gates = new Map([['schemas/orders.avsc', gate]]);
    const a = approvals('approved');
    const md = renderMarkdown({ report: r, gates, approvals: a, verdict: decideVerdict({ report: r, gates, approvals: a, settings }), windowDays: 30 });
    expect(md).toContain('| `Order.note` | 2026-10-01 (repository activity) | 2026-10-31 | ✅ removable now |');
    expect(md).toContain('| `Order.memo` | date not proven (see below) | — | ❓ cannot count down |');
    expect(md).toContain('- ❓ `Order.memo`: no record proves when commit c2 reached main; merge markers through pull requests');
  });

  it('annotates a finding at its line, and a committed-version finding without one', () => {
    const r = report([subject({ status: 'incompatible', incompatibilities: [
      { type: 'T', location: '/', message: 'm', description: 'd', version: 0, direction: 'backward', file: 'schemas/orders.avsc', line: 7, column: 3 },
      { type: 'T', location: '/', message: 'm', description: 'old', version: 0, direction: 'backward', file: 'schemas/orders.avsc', line: 9, commit: 'abc' },
    ] })]);
    expect(annotationsOf(r, new Map()).map((a) => [a.start_line, a.start_column, a.annotation_level])).toEqual([[7, 3, 'failure'], [1, undefined, 'failure']]);
  });
});

describe('checkNameFor', () => {
  it('names the base branch, so a green run against one base cannot satisfy another base\'s required check (policy-bot #57)', () => {
    expect(checkNameFor({ checkName: 'Schema guardrails', mode: 'check' }, 'main')).toBe('Schema guardrails: main');
    expect(checkNameFor({ checkName: 'Schema guardrails', mode: 'check' }, 'release/1.x')).toBe('Schema guardrails: release/1.x');
  });

  it('report-only runs never publish under the required name', () => {
    expect(checkNameFor({ checkName: 'Schema guardrails', mode: 'report-only' }, 'main')).toBe('Schema guardrails: main (report only)');
  });
});
