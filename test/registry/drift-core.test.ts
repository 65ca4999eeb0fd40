/** The pure parts of `guardrails drift`: the comparable form, the findings from facts, the issue plan. */
import { describe, expect, it } from 'vitest';
import { comparableForm } from '../../src/registry/drift/canonical.js';
import { findDrift } from '../../src/registry/drift/find.js';
import { issueBody, issueTitle, planIssues } from '../../src/registry/drift/issues.js';
import type { RegistrySnapshot, RepositorySubject, SnapshotVersion } from '../../src/registry/drift/model.js';
import type { TrackedIssue } from '../../src/postmortem/github/tracker.js';

const form = (value: unknown) => comparableForm(JSON.stringify(value))!;

describe('the comparable form', () => {
  it('ignores whitespace, key order, expanded primitives and how a full name is spelt', () => {
    const a = { type: 'record', name: 'User', namespace: 'a', fields: [{ name: 'n', type: { type: 'string' } }, { name: 'f', type: { type: 'fixed', name: 'F', size: 2 } }, { name: 'g', type: 'F' }] };
    const b = { fields: [{ type: 'string', name: 'n' }, { name: 'f', type: { size: 2, name: 'a.F', type: 'fixed' } }, { name: 'g', type: 'a.F' }], name: 'a.User', type: 'record' };
    expect(form(a)).toBe(form(b));
    expect(comparableForm(`  ${JSON.stringify(a, null, 2)}\n`)).toBe(form(a));
  });

  it('keeps field order, union order, defaults, docs and logical types significant', () => {
    const base = { type: 'record', name: 'R', fields: [{ name: 'a', type: ['null', 'string'], default: null }, { name: 'b', type: 'long' }] };
    const variants = [
      { ...base, fields: [base.fields[1], base.fields[0]] },
      { ...base, fields: [{ name: 'a', type: ['string', 'null'], default: null }, base.fields[1]] },
      { ...base, fields: [base.fields[0], { name: 'b', type: 'long', default: 0 }] },
      { ...base, doc: 'x' },
      { ...base, fields: [base.fields[0], { name: 'b', type: { type: 'long', logicalType: 'timestamp-millis' } }] },
    ];
    for (const variant of variants) expect(form(variant)).not.toBe(form(base));
  });

  it('is undefined for text that is not JSON', () => {
    expect(comparableForm('syntax = "proto3";')).toBeUndefined();
  });
});

const TICK = form({ type: 'record', name: 'T', fields: [] });
const TICK2 = form({ type: 'record', name: 'T', fields: [{ name: 'p', type: 'double', default: 0 }] });
const v = (version: number, f: string | undefined, extra: Partial<SnapshotVersion> = {}): SnapshotVersion => ({ version, id: version, form: f, schemaType: 'AVRO', deleted: false, references: [], ...extra });
const repo: RepositorySubject[] = [{ subject: 't-value', file: 's/t.avsc', level: 'BACKWARD', head: TICK2, history: new Set([TICK, TICK2]) }];
const registry = (versions: SnapshotVersion[], extra: Partial<{ level: 'BACKWARD' | 'NONE'; mode: string }> = {}): RegistrySnapshot => ({
  subjects: new Map([['t-value', { subject: 't-value', versions, level: 'BACKWARD', mode: 'READWRITE', ...extra }]]),
});

describe('findDrift', () => {
  it('finds nothing when every version is a revision of the file and the latest is its head', () => {
    expect(findDrift(repo, registry([v(1, TICK), v(2, TICK2)]))).toEqual([]);
  });

  it('gives each drift a stable key: the same drift keeps its key when its version moves, a foreign version is its own', () => {
    const behind = findDrift(repo, registry([v(1, TICK)]));
    expect(behind.map((f) => f.kind)).toEqual(['latest-mismatch']);
    const later = findDrift(repo, registry([v(1, TICK), v(2, TICK2), v(3, TICK)]));
    expect(later.map((f) => `${f.kind} ${f.version}`)).toEqual(['latest-mismatch 3']);
    expect(later[0]!.key).toBe(behind[0]!.key);
    const foreign = findDrift(repo, registry([v(1, TICK), v(2, TICK2), v(3, 'x'), v(4, 'y')]));
    const keys = foreign.filter((f) => f.kind === 'foreign-version').map((f) => f.key);
    expect(new Set(keys).size).toBe(2);
  });

  it('does not count soft-deleted versions as live, and sees them when a live schema refers to them', () => {
    const snapshot: RegistrySnapshot = {
      subjects: new Map([
        ...registry([v(1, TICK), v(2, TICK2), v(3, 'x', { deleted: true })]).subjects,
        ['m', { subject: 'm', versions: [v(1, 'money', { deleted: true })], level: 'BACKWARD', mode: 'READWRITE' }],
        ['w', { subject: 'w', versions: [v(1, 'wallet', { references: [{ subject: 'm', version: 1 }] })], level: 'BACKWARD', mode: 'READWRITE' }],
      ]),
    };
    expect(findDrift(repo, snapshot).map((f) => `${f.kind} ${f.subject} ${f.version}`)).toEqual(['deleted-but-referenced m 1', 'unmanaged-subject w 1']);
  });
});

describe('planIssues', () => {
  const [finding] = findDrift(repo, registry([v(1, TICK)]));
  const issue = (number: number, extra: Partial<TrackedIssue>): TrackedIssue => ({
    number, title: issueTitle(finding!), body: issueBody(finding!), state: 'open', stateReason: null, labels: ['registry-drift'], assignees: [], url: '', closedAt: null, ...extra,
  });

  it('creates a missing issue, updates a changed one, reopens a closed one, closes a fixed one', () => {
    expect(planIssues([finding!], []).map((op) => op.kind)).toEqual(['create']);
    expect(planIssues([finding!], [issue(1, {})])).toEqual([]);
    expect(planIssues([finding!], [issue(1, { body: `${issueBody(finding!)}\nedited` })]).map((op) => op.kind)).toEqual(['update']);
    expect(planIssues([finding!], [issue(1, { state: 'closed' })])).toMatchObject([{ kind: 'update', issue: 1, reopen: true }]);
    expect(planIssues([], [issue(1, {}), issue(2, { body: 'someone else\'s' })])).toMatchObject([{ kind: 'close', issue: 1 }]);
  });

  it('prefers the open issue of a key over a closed duplicate', () => {
    expect(planIssues([finding!], [issue(1, { state: 'closed' }), issue(2, {})])).toEqual([]);
  });
});
