import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonChunks, toJson } from '../../../src/policy/report/json.js';
import { exitCodeOf } from '../../../src/policy/report/model.js';
import { finding, report, subject } from './builders.js';

describe('toJson', () => {
  it('projects the documented fields only, with null for unknowns', () => {
    const json = toJson(report([subject({ status: 'incompatible', compatible: false, incompatibilities: [finding()], changes: [{ rule: 'R', severity: 'info', path: 'T', message: 'm' }] })]));
    const entry = json.subjects[0];
    expect(entry?.incompatibilities[0]).toEqual({
      type: 'READER_FIELD_MISSING_DEFAULT_VALUE',
      location: '/fields/2',
      message: 'venue',
      description: "The field 'venue' at path '/fields/2' in the new schema has no default value and is missing in the old schema",
      file: 'schemas/ticks.avsc',
      line: 8,
      column: 5,
      commit: null,
      version: 0,
      direction: 'backward',
      candidateVersion: null,
    });
    expect(entry?.changes).toEqual([{ rule: 'R', severity: 'info', path: 'T', message: 'm', reason: null, file: null, line: null, column: null, commit: null }]);
    expect(entry).toMatchObject({ previousFile: null, error: null, warnings: [] });
    expect(JSON.stringify(json)).not.toContain('excerpt');
  });
});

describe('renderJsonChunks', () => {
  it('writes the document JSON.stringify makes, byte for byte, one piece per subject', () => {
    const reports = [
      report([]),
      report([subject()]),
      report([subject(), subject({ status: 'incompatible', compatible: false, incompatibilities: [finding()] }), subject({ file: 'schemas/a"b\n.avsc' })], {
        warnings: ['w'],
        source: 'registry',
        registryUrl: 'https://sr.example',
        degraded: { reason: 'down' },
      }),
    ];
    for (const r of reports) {
      const pieces = [...renderJsonChunks(r)];
      expect(pieces.join('')).toBe(`${JSON.stringify(toJson(r), null, 2)}\n`);
      expect(renderJson(r)).toBe(pieces.join(''));
      expect(pieces).toHaveLength(r.subjects.length === 0 ? 1 : r.subjects.length + 2);
    }
  });
});

describe('exitCodeOf', () => {
  it('is 2 for any error, else 1 for any incompatibility, else 0', () => {
    const bad = subject({ status: 'error', compatible: false });
    const incompatible = subject({ status: 'incompatible', compatible: false });
    expect(exitCodeOf(report([subject(), subject({ status: 'new' }), subject({ status: 'deleted' })]))).toBe(0);
    expect(exitCodeOf(report([subject(), incompatible]))).toBe(1);
    expect(exitCodeOf(report([incompatible, bad]))).toBe(2);
    expect(exitCodeOf(report([]))).toBe(0);
  });
});
