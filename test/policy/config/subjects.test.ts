import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/policy/config/load.js';
import { SubjectNamingError, subjectNameFor, subjectResolver } from '../../../src/policy/config/subjects.js';

function resolver(yaml: string) {
  return subjectResolver(parseConfigText(yaml, 'guardrails.yaml').settings);
}

function nameOf(yaml: string, file: string, record?: string): string {
  const resolve = resolver(yaml);
  return subjectNameFor(file, resolve.mappingFor(file), record);
}

describe('subjectResolver', () => {
  const yaml = [
    'version: 1',
    'schemas:',
    '  paths: ["schemas/**/*.avsc", "extra/*.avsc"]',
    'subjects:',
    '  - files: "schemas/**/*.avsc"',
    '    topic: everything',
    '  - files: schemas/market/*.avsc',
    '    topic: market',
    '    compatibility: FULL_TRANSITIVE',
    '  - files: schemas/market/special.avsc',
    '    subject: special-subject',
  ].join('\n');

  it('knows which files are schemas', () => {
    const resolve = resolver(yaml);
    expect(resolve.isSchemaFile('schemas/a/b.avsc')).toBe(true);
    expect(resolve.isSchemaFile('extra/x.avsc')).toBe(true);
    expect(resolve.isSchemaFile('extra/x/y.avsc')).toBe(false);
    expect(resolve.isSchemaFile('README.md')).toBe(false);
  });

  it('lets the last matching entry win, as in CODEOWNERS', () => {
    expect(nameOf(yaml, 'schemas/other.avsc')).toBe('everything-value');
    expect(nameOf(yaml, 'schemas/market/ticks.avsc')).toBe('market-value');
    expect(nameOf(yaml, 'schemas/market/special.avsc')).toBe('special-subject');
    const resolve = resolver(yaml);
    expect(resolve.mappingFor('schemas/market/ticks.avsc').level).toBe('FULL_TRANSITIVE');
    // The winning entry replaces the earlier ones entirely: its level is the default, not FULL_TRANSITIVE.
    expect(resolve.mappingFor('schemas/market/special.avsc').level).toBe('BACKWARD');
    expect(resolve.mappingFor('schemas/market/special.avsc').rule?.location.line).toBe(10);
  });

  it('names subjects with each strategy, key subjects and contexts', () => {
    const strategies = [
      'version: 1',
      'subjects:',
      '  - files: t.avsc',
      '    topic: orders',
      '  - files: k.avsc',
      '    topic: orders',
      '    key: true',
      '  - files: r.avsc',
      '    strategy: RecordNameStrategy',
      '  - files: tr.avsc',
      '    strategy: TopicRecordNameStrategy',
      '    topic: orders',
      '  - files: c.avsc',
      '    topic: orders',
      '    context: .staging',
      '  - files: e.avsc',
      '    subject: custom',
      '    context: "."',
    ].join('\n');
    expect(nameOf(strategies, 't.avsc', 'com.acme.Order')).toBe('orders-value');
    expect(nameOf(strategies, 'k.avsc', 'com.acme.Order')).toBe('orders-key');
    expect(nameOf(strategies, 'r.avsc', 'com.acme.Order')).toBe('com.acme.Order');
    expect(nameOf(strategies, 'tr.avsc', 'com.acme.Order')).toBe('orders-com.acme.Order');
    expect(nameOf(strategies, 'c.avsc', 'com.acme.Order')).toBe(':.staging:orders-value');
    expect(nameOf(strategies, 'e.avsc', 'com.acme.Order')).toBe('custom');
  });

  it('uses the default strategy and level for files no entry matches', () => {
    const yamlRecord = 'version: 1\ndefaults:\n  strategy: RecordNameStrategy\n  compatibility: FORWARD\n';
    expect(nameOf(yamlRecord, 'schemas/x.avsc', 'a.B')).toBe('a.B');
    expect(resolver(yamlRecord).mappingFor('schemas/x.avsc')).toEqual({
      target: { kind: 'strategy', strategy: 'RecordNameStrategy', key: false },
      level: 'FORWARD',
    });
  });

  it('reads a topic without a strategy as TopicNameStrategy when the default strategy has no topic', () => {
    const yamlRecord = 'version: 1\ndefaults:\n  strategy: RecordNameStrategy\nsubjects:\n  - files: t.avsc\n    topic: orders\n';
    expect(nameOf(yamlRecord, 't.avsc', 'a.B')).toBe('orders-value');
    expect(nameOf(yamlRecord, 'other.avsc', 'a.B')).toBe('a.B');
    const yamlTopicRecord = 'version: 1\ndefaults:\n  strategy: TopicRecordNameStrategy\nsubjects:\n  - files: t.avsc\n    topic: orders\n';
    expect(nameOf(yamlTopicRecord, 't.avsc', 'a.B')).toBe('orders-a.B');
  });

  it('explains what to add when a file cannot be named', () => {
    expect(() => nameOf('version: 1\n', 'schemas/x.avsc', 'a.B')).toThrow(SubjectNamingError);
    expect(() => nameOf('version: 1\n', 'schemas/x.avsc', 'a.B')).toThrow(
      'schemas/x.avsc: no entry under `subjects` in the config maps this file, and TopicNameStrategy needs a topic; add an entry with `files` and a `topic` or `subject`',
    );
    expect(() => nameOf('version: 1\ndefaults:\n  strategy: RecordNameStrategy\n', 'schemas/x.avsc', undefined)).toThrow(
      /top level is not a named type; map the file to an explicit `subject`/,
    );
  });
});
