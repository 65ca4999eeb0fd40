/**
 * The registry-backed check over plain-object facts (issue 12): the registry's own versions are read
 * without name validation, as Confluent reads what it stores, while the candidate is always strict.
 */
import { describe, expect, it } from 'vitest';
import type { SubjectResolver } from '../../../src/policy/config/subjects.js';
import { checkTargetsAgainstRegistry, type RegistryCheckContext } from '../../../src/policy/check/registry-check.js';
import type { RegistryAnswer, RegistryFacts } from '../../../src/policy/check/registry-facts.js';
import { nameIndexOf, scanSource, type ScannedSource } from '../../../src/policy/check/sources.js';
import type { Workspace } from '../../../src/policy/check/workspace.js';
import { parseCompatibilityMessages, type RegisteredSchema } from '../../../src/registry/index.js';

const SUBJECT = 'ticks-value';
const symbol = { name: 'symbol', type: 'string' };
/** Registered before the registry validated names: a field name Avro Java refuses today. */
const legacy = JSON.stringify({ type: 'record', name: 'Tick', fields: [symbol, { name: 'bid-price', type: 'double' }] });

function candidateText(fields: object[], name = 'Tick'): string {
  return ['{', '  "type": "record",', `  "name": "${name}",`, '  "fields": [', fields.map((f) => `    ${JSON.stringify(f)}`).join(',\n'), '  ]', '}'].join('\n');
}

function workspace(text: string): Workspace {
  const sources = new Map<string, ScannedSource>([['tick.avsc', scanSource('tick.avsc', Buffer.from(text))]]);
  return { sources, unreadable: new Map(), index: nameIndexOf(sources.values()), reader: async (files) => new Map(files.map((f) => [f, sources.get(f)])) };
}

const resolver: SubjectResolver = {
  isSchemaFile: () => true,
  mappingFor: () => ({ target: { kind: 'explicit', subject: SUBJECT }, level: 'BACKWARD' }),
};

/** The registry as plain values: its level, its one live version and its verdict; each question asked is recorded. */
function facts(answer: RegistryAnswer): { facts: RegistryFacts; asked: string[] } {
  const asked: string[] = [];
  const version: RegisteredSchema = { subject: SUBJECT, version: 3, id: 41, schemaType: 'AVRO', schema: legacy, references: [], deleted: false };
  const record = <T>(name: string, value: T) => async () => {
    asked.push(name);
    return value;
  };
  return {
    asked,
    facts: {
      level: record('level', 'BACKWARD' as const),
      versions: record('versions', [version]),
      latest: record('latest', [version]),
      referenced: () => Promise.reject(new Error('no references here')),
      lookup: record('lookup', undefined),
      check: record('check', answer),
    },
  };
}

function context(text: string, registry: RegistryFacts): RegistryCheckContext {
  return { workspace: workspace(text), resolver, facts: registry, references: async () => ({ ok: true, references: [] }), concurrency: 1, previousSource: async () => undefined };
}

const compatible: RegistryAnswer = { kind: 'checked', result: { compatible: true, messages: [], incompatibilities: [] } };
const target = { file: 'tick.avsc', kind: 'modified', historyPath: 'tick.avsc' } as const;

describe('checkTargetsAgainstRegistry with a registered version whose names Avro refuses', () => {
  it('cross-checks a valid candidate against it, without skipping it', async () => {
    const registry = facts(compatible);
    const [entry] = await checkTargetsAgainstRegistry([target], context(candidateText([symbol]), registry.facts));
    expect([entry?.status, entry?.registry?.verdict, entry?.registry?.local, entry?.warnings]).toEqual(['compatible', 'compatible', 'compatible', []]);
    expect(entry?.history).toEqual([{ version: 0, file: 'tick.avsc', registry: { subject: SUBJECT, version: 3, id: 41 } }]);
  });

  it("finds what breaks against it, at the candidate's line", async () => {
    const messages = [
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'size' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'size'}",
      '{oldSchemaVersion: 3}',
    ];
    const answer: RegistryAnswer = { kind: 'checked', result: { compatible: false, messages, incompatibilities: parseCompatibilityMessages(messages).incompatibilities } };
    const [entry] = await checkTargetsAgainstRegistry([target], context(candidateText([symbol, { name: 'size', type: 'long' }]), facts(answer).facts));
    expect([entry?.status, entry?.registry?.local, entry?.warnings]).toEqual(['incompatible', 'incompatible', []]);
    expect(entry?.incompatibilities.map((f) => [f.type, f.message, f.file, f.line, f.version])).toEqual([['READER_FIELD_MISSING_DEFAULT_VALUE', 'size', 'tick.avsc', 6, 0]]);
  });

  it('still refuses a candidate with such a name, before asking the registry anything', async () => {
    const registry = facts(compatible);
    const [entry] = await checkTargetsAgainstRegistry([target], context(candidateText([symbol, { name: 'ask-price', type: 'double', default: 0 }]), registry.facts));
    expect([entry?.status, entry?.error?.code, entry?.error?.line]).toEqual(['error', 'INVALID_NAME', 6]);
    expect(entry?.error?.message).toMatch(/^tick\.avsc:6:\d+: "ask-price" is not a valid field name: it contains "-"/);
    expect(registry.asked).toEqual([]);
  });
});
