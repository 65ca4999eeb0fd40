import { describe, expect, it } from 'vitest';
import type { ParsedVersion } from '../../../src/policy/check/evaluate.js';
import { loadFromClosure, type ParsedCandidate } from '../../../src/policy/check/load-candidate.js';
import { registrySubjectReport, type RegistrySubjectInput, type SubjectAnswer } from '../../../src/policy/check/registry-verdict.js';
import { scanSource } from '../../../src/policy/check/sources.js';
import { parseCompatibilityMessages } from '../../../src/registry/index.js';

/** A record with one field per line: field i on line 5 + i. */
function text(fields: object[]): string {
  return ['{', '  "type": "record",', '  "name": "T",', '  "fields": [', fields.map((f) => `    ${JSON.stringify(f)}`).join(',\n'), '  ]', '}'].join('\n');
}

function parse(fields: object[], strict = true): ParsedCandidate {
  const result = loadFromClosure('t.avsc', new Map([['t.avsc', scanSource('t.avsc', Buffer.from(text(fields)))]]), strict);
  if (!result.ok) throw result.error;
  return result.value;
}

function registered(index: number, registryVersion: number, fields: object[]): ParsedVersion {
  return { meta: { version: index, file: 't.avsc', registry: { subject: 't-value', version: registryVersion, id: 100 + registryVersion } }, parsed: parse(fields, false) };
}

const A = { name: 'a', type: 'int' };
const B = { name: 'b', type: 'string' };
const answer = (compatible: boolean, messages: string[] = []): SubjectAnswer => ({
  kind: 'checked',
  result: { compatible, messages, incompatibilities: parseCompatibilityMessages(messages).incompatibilities },
});

function input(overrides: Partial<RegistrySubjectInput>): RegistrySubjectInput {
  return {
    subject: 't-value',
    file: 't.avsc',
    level: 'BACKWARD',
    configLevel: 'BACKWARD',
    warnings: [],
    history: [registered(0, 7, [A])],
    candidate: parse([A, { ...B, default: '' }]),
    answer: answer(true),
    references: [],
    ...overrides,
  };
}

describe('registrySubjectReport', () => {
  it('agrees with the registry: compatible, no warning', () => {
    const entry = registrySubjectReport(input({}));
    expect([entry.status, entry.registry?.verdict, entry.registry?.local, entry.warnings]).toEqual(['compatible', 'compatible', 'compatible', []]);
  });

  it("uses the local engine's positioned findings when both say incompatible", () => {
    const messages = [
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'b' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'b'}",
      '{oldSchemaVersion: 7}',
    ];
    const entry = registrySubjectReport(input({ candidate: parse([A, B]), answer: answer(false, messages) }));
    expect(entry.status).toBe('incompatible');
    expect(entry.registry?.messages).toEqual(messages);
    expect(entry.incompatibilities.map((f) => [f.type, f.file, f.line, f.column, f.version])).toEqual([['READER_FIELD_MISSING_DEFAULT_VALUE', 't.avsc', 6, 5, 0]]);
    expect(entry.warnings).toEqual([]);
  });

  it("maps the registry's own findings to lines when only the registry rejects, and warns naming both", () => {
    const messages = [
      "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the old schema does not match with the new schema', additionalInfo:'reader type: INT not compatible with writer type: INT'}",
      '{oldSchemaVersion: 7}',
    ];
    const entry = registrySubjectReport(input({ candidate: parse([A, { ...B, default: '' }]), answer: answer(false, messages) }));
    expect(entry.status).toBe('incompatible');
    // "in the old schema": the pointer is in the old (reader) schema, so the candidate's top level stands in.
    expect(entry.incompatibilities.map((f) => [f.type, f.direction, f.line, f.column, f.version])).toEqual([['TYPE_MISMATCH', 'forward', 1, 1, 0]]);
    expect(entry.warnings).toEqual([
      "cross-check disagreement: the registry says incompatible but the local engine says compatible on the same 1 registered version(s) at BACKWARD; the registry's verdict stands. Please report this with both schemas.",
    ]);
  });

  it('reports a subject without versions as new, and a schema the registry rejects outright as an error', () => {
    expect(registrySubjectReport(input({ history: [], answer: { kind: 'new' } })).status).toBe('new');
    expect(registrySubjectReport(input({ history: [], answer: answer(true) })).registry?.verdict).toBe('new');
    const rejected = registrySubjectReport(input({ history: [], answer: answer(false, ['Invalid schema: bad default']) }));
    expect([rejected.status, rejected.error?.code, rejected.error?.message]).toEqual(['error', 'REGISTRY_REJECTED', 't.avsc: the registry rejects the schema: Invalid schema: bad default']);
  });

  it('stands in with the local verdict when the registry could not be asked', () => {
    const entry = registrySubjectReport(input({ candidate: parse([A, B]), answer: { kind: 'unchecked', problems: ['x.avsc is not registered'] } }));
    expect([entry.status, entry.registry?.verdict, entry.registry?.local]).toEqual(['incompatible', 'unchecked', 'incompatible']);
    expect(entry.warnings).toEqual(["the registry was not asked because x.avsc is not registered; the verdict is the local engine's on the registry's 1 version(s)"]);
  });

  it("warns when the config's level differs from the registry's", () => {
    expect(registrySubjectReport(input({ configLevel: 'FULL' })).warnings).toEqual([
      "the config gives this subject FULL but the registry applies BACKWARD; the registry's level is used (align the config, or change the subject's level in the registry)",
    ]);
  });
});
