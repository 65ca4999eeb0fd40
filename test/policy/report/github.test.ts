import { describe, expect, it } from 'vitest';
import { command, escapeData, escapeProperty, renderGithub } from '../../../src/policy/report/github.js';
import { finding, report, subject } from './builders.js';

describe('workflow command escaping', () => {
  it('encodes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b');
    expect(command('error', { file: 'a,b:c.avsc', line: '3' }, 'x\n::warning::injected')).toBe('::error file=a%2Cb%3Ac.avsc,line=3::x%0A::warning::injected');
    expect(command('warning', {}, 'plain')).toBe('::warning::plain');
  });
});

describe('renderGithub', () => {
  it('annotates findings, errors and diff warnings; a committed version gets no line', () => {
    const output = renderGithub(
      report(
        [
          subject({ status: 'incompatible', compatible: false, incompatibilities: [finding(), finding({ commit: 'd'.repeat(40), candidateVersion: 1 })] }),
          subject({
            subject: null,
            file: 'schemas/bad.avsc',
            status: 'error',
            compatible: false,
            error: { code: 'INVALID_JSON', message: 'schemas/bad.avsc:2:3: bad', file: 'schemas/bad.avsc', line: 2, column: 3 },
          }),
          subject({
            file: 'schemas/q.avsc',
            subject: 'q-value',
            changes: [
              { rule: 'LOGICAL_TYPE_CHANGED', severity: 'warning', path: 'Q.t', message: 'millis to micros.', reason: 'Avro ignores it.', position: { file: 'schemas/q.avsc', line: 4, column: 7 } },
              { rule: 'FIELD_DOC_CHANGED', severity: 'info', path: 'Q.t', message: 'doc changed.' },
            ],
          }),
        ],
        { warnings: ['guardrails.yaml:3:1: registry: is reserved'] },
      ),
    );
    expect(output.split('\n')).toEqual([
      '::warning::guardrails.yaml:3:1: registry: is reserved',
      "::error file=schemas/ticks.avsc,line=8,col=5,title=market.ticks-value%3A READER_FIELD_MISSING_DEFAULT_VALUE (BACKWARD)::The field 'venue' at path '/fields/2' in the new schema has no default value and is missing in the old schema. Fix: add a default to field 'venue' so that new readers can read old records.",
      `::error file=schemas/ticks.avsc,title=market.ticks-value%3A READER_FIELD_MISSING_DEFAULT_VALUE (BACKWARD)::The field 'venue' at path '/fields/2' in the new schema has no default value and is missing in the old schema (in the version committed as ${'d'.repeat(12)}). Fix: add a default to field 'venue' so that new readers can read old records.`,
      '::error file=schemas/bad.avsc,line=2,col=3,title=schemas/bad.avsc%3A INVALID_JSON::schemas/bad.avsc:2:3: bad',
      '::warning file=schemas/q.avsc,line=4,col=7,title=q-value%3A LOGICAL_TYPE_CHANGED::millis to micros. Avro ignores it.',
      'guardrails: 3 schema file(s) checked, 2 failed: FAILED',
      '',
    ]);
  });
});
