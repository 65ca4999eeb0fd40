import { describe, expect, it } from 'vitest';
import {
  COMPATIBILITY_LEVELS,
  InvalidCompatibilityLevelError,
  checkLevel,
  parseCompatibilityLevel,
} from '../../../src/avro/compat/index.js';
import type { CompatibilityLevel, LevelResult } from '../../../src/avro/compat/index.js';
import type { Schema } from '../../../src/avro/model.js';
import { parseSchema } from '../../../src/avro/parse.js';

const user = (fields: unknown[], file: string): Schema =>
  parseSchema({ type: 'record', name: 'User', fields }, { file, strict: false }).root;

const f1 = { name: 'f1', type: 'string' };
const f2 = { name: 'f2', type: 'string' };
const f2WithDefault = { name: 'f2', type: 'string', default: 'foo' };

/** Versions numbered from 1 like the registry; `history[i]` is version i + 1. */
const v = (n: number, fields: unknown[]) => user(fields, `v${n}.avsc`);
const candidate = (fields: unknown[]) => user(fields, 'new.avsc');

function summary(result: LevelResult) {
  return result.findings.map(({ version, direction, type, location, message }) => ({ version, direction, type, location, message }));
}

describe('parseCompatibilityLevel', () => {
  it('accepts the seven levels in any case', () => {
    expect(parseCompatibilityLevel('backward_transitive')).toBe('BACKWARD_TRANSITIVE');
    expect(parseCompatibilityLevel(' Full ')).toBe('FULL');
    expect(COMPATIBILITY_LEVELS.map((level) => parseCompatibilityLevel(level.toLowerCase()))).toEqual([...COMPATIBILITY_LEVELS]);
  });

  it('rejects anything else with the valid values in the message', () => {
    expect(() => parseCompatibilityLevel('BACKWARDS')).toThrow(InvalidCompatibilityLevelError);
    expect(() => parseCompatibilityLevel('')).toThrow(
      'Unknown compatibility level "": expected one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE (any case).',
    );
  });

  it('checkLevel refuses an unchecked level string', () => {
    expect(() => checkLevel(candidate([f1]), [], 'SIDEWAYS' as CompatibilityLevel)).toThrow(InvalidCompatibilityLevelError);
  });
});

describe('directions', () => {
  const history = [v(1, [f1])];

  it('BACKWARD: the new schema reads old data (reader new, writer old)', () => {
    const result = checkLevel(candidate([f1, f2]), history, 'BACKWARD');
    expect(result.compatible).toBe(false);
    expect(result.findings).toEqual([
      {
        version: 0,
        direction: 'backward',
        type: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        location: '/fields/1',
        message: 'f2',
        description: "The field 'f2' at path '/fields/1' in the new schema has no default value and is missing in the old schema",
        readerNode: { pointer: '/fields/1', file: 'new.avsc' },
        writerNode: { pointer: '', file: 'v1.avsc' },
        newNode: { pointer: '/fields/1', file: 'new.avsc' },
        oldNode: { pointer: '', file: 'v1.avsc' },
      },
    ]);
    expect(result.confluentVersion).toBe(0);
  });

  it('FORWARD: the old schema reads new data (reader old, writer new)', () => {
    const result = checkLevel(candidate([]), [v(1, [f1])], 'FORWARD');
    expect(result.findings).toEqual([
      expect.objectContaining({
        direction: 'forward',
        location: '/fields/0',
        description: "The field 'f1' at path '/fields/0' in the old schema has no default value and is missing in the new schema",
        newNode: { pointer: '', file: 'new.avsc' },
        oldNode: { pointer: '/fields/0', file: 'v1.avsc' },
      }),
    ]);
    expect(checkLevel(candidate([f1, f2]), history, 'FORWARD').compatible).toBe(true);
  });

  it('FULL: both, the old schema reading new data first (Confluent mutualRead order)', () => {
    const result = checkLevel(candidate([{ name: 'f1', type: 'int' }]), history, 'FULL');
    expect(summary(result)).toEqual([
      { version: 0, direction: 'forward', type: 'TYPE_MISMATCH', location: '/fields/0/type', message: 'reader type: STRING not compatible with writer type: INT' },
      { version: 0, direction: 'backward', type: 'TYPE_MISMATCH', location: '/fields/0/type', message: 'reader type: INT not compatible with writer type: STRING' },
    ]);
    expect(result.findings.map((finding) => finding.description)).toEqual([
      "The type (path '/fields/0/type') of a field in the old schema does not match with the new schema",
      "The type (path '/fields/0/type') of a field in the new schema does not match with the old schema",
    ]);
  });

  it('NONE checks nothing', () => {
    expect(checkLevel(candidate([{ name: 'f1', type: 'int' }]), history, 'NONE')).toEqual({
      level: 'NONE',
      compatible: true,
      findings: [],
      checkedVersions: [],
    });
  });

  it('an empty history is compatible at every level', () => {
    for (const level of COMPATIBILITY_LEVELS) {
      expect(checkLevel(candidate([f1]), [], level)).toEqual({ level, compatible: true, findings: [], checkedVersions: [] });
    }
  });

  it('an aborted check (ambiguous field aliases) is a finding with Confluent’s unexpected-exception text', () => {
    const reader = candidate([{ name: 'a', type: 'string', aliases: ['b'] }]);
    const result = checkLevel(reader, [v(1, [{ name: 'a', type: 'string' }, { name: 'b', type: 'string' }])], 'BACKWARD');
    expect(result.compatible).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({
        type: 'UNEXPECTED_EXCEPTION',
        description:
          'Unexpected exception during compatibility check: Reader record field a type:STRING pos:0 matches multiple fields in writer record schema User',
      }),
    ]);
  });
});

describe('latest versus transitive', () => {
  // Confluent's AvroCompatibilityTest: removing a default passes step by step but not transitively.
  const removingDefault = [v(1, [f1]), v(2, [f1, f2WithDefault])];
  const v3 = candidate([f1, f2]);

  it('"1 == 2, 2 == 3, 3 != 1": BACKWARD passes against the latest only', () => {
    expect(checkLevel(v3, removingDefault, 'BACKWARD')).toEqual({ level: 'BACKWARD', compatible: true, findings: [], checkedVersions: [1] });
  });

  it.each(['BACKWARD_TRANSITIVE', 'FULL_TRANSITIVE'] as const)('"3 != 1": %s fails against version 1', (level) => {
    const result = checkLevel(v3, removingDefault, level);
    expect(result.compatible).toBe(false);
    expect(result.checkedVersions).toEqual([1, 0]);
    expect(summary(result)).toEqual([
      { version: 0, direction: 'backward', type: 'READER_FIELD_MISSING_DEFAULT_VALUE', location: '/fields/1', message: 'f2' },
    ]);
    expect(result.confluentVersion).toBe(0);
  });

  it('FORWARD_TRANSITIVE: iteratively removing fields with defaults stays compatible', () => {
    const history = [v(1, [f1, f2WithDefault, { name: 'f3', type: 'string', default: 'x' }]), v(2, [f1, f2WithDefault])];
    expect(checkLevel(candidate([f1]), history, 'FORWARD_TRANSITIVE').compatible).toBe(true);
  });

  it('reports every failing version, newest first; Confluent reports only the first', () => {
    const history = [v(1, [{ name: 'f1', type: 'int' }]), v(2, [f1]), v(3, [{ name: 'f1', type: 'long' }])];
    const result = checkLevel(candidate([{ name: 'f1', type: 'boolean' }]), history, 'BACKWARD_TRANSITIVE');
    expect(summary(result).map(({ version, message }) => ({ version, message }))).toEqual([
      { version: 2, message: 'reader type: BOOLEAN not compatible with writer type: LONG' },
      { version: 1, message: 'reader type: BOOLEAN not compatible with writer type: STRING' },
      { version: 0, message: 'reader type: BOOLEAN not compatible with writer type: INT' },
    ]);
    expect(result.confluentVersion).toBe(2);
  });

  it('the non-transitive levels ignore older versions entirely', () => {
    const history = [v(1, [{ name: 'f1', type: 'int' }]), v(2, [f1])];
    for (const level of ['BACKWARD', 'FORWARD', 'FULL'] as const) {
      const result = checkLevel(candidate([f1]), history, level);
      expect(result).toEqual({ level, compatible: true, findings: [], checkedVersions: [1] });
    }
  });
});
