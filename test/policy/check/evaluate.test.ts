import { describe, expect, it } from 'vitest';
import { evaluateSubject, type ParsedVersion } from '../../../src/policy/check/evaluate.js';
import { loadFromClosure, type ParsedCandidate } from '../../../src/policy/check/load-candidate.js';
import { scanSource } from '../../../src/policy/check/sources.js';

function parse(fields: object[], commit?: string): ParsedCandidate {
  const text = JSON.stringify({ type: 'record', name: 'T', fields }, null, 2);
  const result = loadFromClosure('t.avsc', new Map([['t.avsc', scanSource('t.avsc', Buffer.from(text))]]), commit === undefined, commit);
  if (!result.ok) throw result.error;
  return result.value;
}

function version(index: number, fields: object[]): ParsedVersion {
  const commit = String(index).repeat(40);
  return { meta: { version: index, commit, date: '2026-01-01', file: 't.avsc' }, parsed: parse(fields, commit) };
}

const A = { name: 'a', type: 'int' };
const B = { name: 'b', type: 'int' };
const base = { subject: 't-value', file: 't.avsc', level: 'BACKWARD' as const, warnings: [] };

describe('evaluateSubject', () => {
  it('calls a subject without history new, and a deleted file deleted', () => {
    expect(evaluateSubject({ ...base, history: [], candidate: parse([A]), audit: false }).status).toBe('new');
    const deleted = evaluateSubject({ ...base, history: [version(0, [A])], audit: false });
    expect(deleted).toMatchObject({ status: 'deleted', compatible: true, incompatibilities: [], changes: [] });
  });

  it('audits each committed version against its predecessors, positions in that version', () => {
    const history = [version(0, [A]), version(1, [A, B])];
    const result = evaluateSubject({ ...base, history, candidate: parse([A, B]), audit: true });
    // The unchanged working-tree file equals the latest version, so only the audit finding is reported.
    expect(result.status).toBe('incompatible');
    expect(result.incompatibilities).toEqual([
      expect.objectContaining({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', version: 0, candidateVersion: 1, commit: '1'.repeat(40), line: 9, column: 5 }),
    ]);
  });

  it('says in an audit what each committed version changed, positioned in that version', () => {
    const history = [version(0, [A]), version(1, [A, { ...B, default: 0 }]), version(2, [A, { ...B, default: 0 }])];
    const result = evaluateSubject({ ...base, history, candidate: parse([A, { ...B, default: 0 }]), audit: true });
    expect(result.status).toBe('compatible');
    expect(result.evolution?.versions).toBe(3);
    expect(result.evolution?.unpack().map((changes) => changes?.map((c) => [c.rule, c.path, c.position?.commit, c.position?.line]))).toEqual([
      undefined,
      [['FIELD_ADDED', 'T.b', '1'.repeat(40), 9]],
      [],
    ]);
  });

  it('has no evolution when no committed version has one before it, or outside an audit', () => {
    expect(evaluateSubject({ ...base, history: [version(0, [A])], candidate: parse([A]), audit: true }).evolution).toBeUndefined();
    expect(evaluateSubject({ ...base, history: [version(0, [A]), version(1, [A, B])], candidate: parse([A, B]), audit: false }).evolution).toBeUndefined();
  });

  it('checks the working-tree file against the history at the level, with the diff', () => {
    const history = [version(0, [A])];
    const result = evaluateSubject({ ...base, level: 'NONE', history, candidate: parse([A, B]), audit: false });
    expect(result.status).toBe('compatible');
    expect(result.changes.map((c) => c.rule)).toEqual(['FIELD_ADDED_WITHOUT_DEFAULT']);
  });
});
