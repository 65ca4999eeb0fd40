import { describe, expect, it } from 'vitest';
import { ANSI_STYLE, NO_STYLE, styleFor } from '../../../src/policy/report/style.js';
import { renderText } from '../../../src/policy/report/text.js';
import { finding, report, subject } from './builders.js';

describe('renderText', () => {
  it('groups findings per subject with place, excerpt, caret and fix', () => {
    const text = renderText(
      report([
        subject({
          status: 'incompatible',
          compatible: false,
          incompatibilities: [finding()],
          changes: [
            { rule: 'FIELD_ADDED_WITHOUT_DEFAULT', severity: 'breaking', path: 'Tick.venue', message: "field 'venue' added without a default", position: { file: 'schemas/ticks.avsc', line: 8, column: 5 } },
            { rule: 'LOGICAL_TYPE_CHANGED', severity: 'warning', path: 'Tick.time', message: 'millis to micros', reason: 'Avro ignores logical types.' },
          ],
        }),
        subject({ subject: 'market.trades-value', file: 'schemas/trades.avsc', status: 'new', history: [] }),
      ]),
    );
    expect(text).toBe(
      [
        `Checked 2 schema files changed since main (${'b'.repeat(12)}, merge-base ${'c'.repeat(12)}).`,
        '',
        '✗ market.ticks-value  schemas/ticks.avsc  BACKWARD  incompatible (1 problem)',
        '  1) READER_FIELD_MISSING_DEFAULT_VALUE at schemas/ticks.avsc:8:5',
        `     cannot read data of version 1 of 1 (commit ${'a'.repeat(12)}, 2026-01-02T00:00:00Z)`,
        "     The field 'venue' at path '/fields/2' in the new schema has no default value and is missing in the old schema",
        '     8 |     {"name": "venue", "type": "string"},',
        '       |     ^',
        "     fix: add a default to field 'venue' so that new readers can read old records",
        '  changes:',
        "    breaking Tick.venue: field 'venue' added without a default (schemas/ticks.avsc:8:5)",
        '    warning  Tick.time: millis to micros',
        '             why it matters: Avro ignores logical types.',
        '',
        '✓ market.trades-value  schemas/trades.avsc  BACKWARD  new subject (no earlier version)',
        '',
        '1 incompatible, 1 new: FAILED',
        '',
      ].join('\n'),
    );
  });

  it('shows subject errors with their excerpt, and audit findings with both versions', () => {
    const history = [0, 1, 2].map((version) => ({ version, commit: String(version).repeat(40), date: `2026-01-0${version + 1}`, file: 'schemas/ticks.avsc' }));
    const text = renderText(
      report(
        [
          subject({ history, status: 'incompatible', compatible: false, incompatibilities: [finding({ version: 1, candidateVersion: 2, commit: '2'.repeat(40) })] }),
          subject({
            subject: null,
            file: 'schemas/bad.avsc',
            status: 'error',
            compatible: false,
            history: [],
            warnings: ['something was skipped'],
            error: { code: 'INVALID_JSON', message: 'schemas/bad.avsc:1:2: bad', file: 'schemas/bad.avsc', line: 1, column: 2, excerpt: { text: '{x', column: 2 } },
          }),
        ],
        { mode: 'audit', warnings: ['g.yaml:1:1: reserved'] },
      ),
    );
    expect(text).toContain(`No schema file changed since main (${'b'.repeat(12)}, merge-base ${'c'.repeat(12)}); audited the committed history of 2 schema files.\n\nwarning: g.yaml:1:1: reserved\n`);
    expect(text).toContain(`1) READER_FIELD_MISSING_DEFAULT_VALUE at schemas/ticks.avsc:8:5 at commit ${'2'.repeat(12)}\n`);
    expect(text).toContain(`version 3 of 3 (commit ${'2'.repeat(12)}, 2026-01-03) cannot read data of version 2 of 3 (commit ${'1'.repeat(12)}, 2026-01-02)`);
    expect(text).toContain('✗ schemas/bad.avsc  BACKWARD  error\n  warning: something was skipped\n  error: schemas/bad.avsc:1:2: bad\n    1 | {x\n      |  ^\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 error, 1 incompatible: FAILED');
  });

  it('colours only with the ANSI style', () => {
    const entry = subject({ status: 'incompatible', compatible: false, incompatibilities: [finding()] });
    expect(renderText(report([entry]), ANSI_STYLE)).toContain('\u001b[31m✗\u001b[39m');
    expect(renderText(report([entry]), NO_STYLE)).not.toContain('\u001b');
  });
});

describe('styleFor', () => {
  it('colours a terminal unless NO_COLOR is set and non-empty', () => {
    expect(styleFor(true, {})).toBe(ANSI_STYLE);
    expect(styleFor(true, { NO_COLOR: '' })).toBe(ANSI_STYLE);
    expect(styleFor(true, { NO_COLOR: '1' })).toBe(NO_STYLE);
    expect(styleFor(false, {})).toBe(NO_STYLE);
    expect(styleFor(undefined, {})).toBe(NO_STYLE);
  });
});
