/** Report model builders for renderer tests. */
import type { CheckReport, Incompatibility, SubjectReport } from '../../../src/policy/report/model.js';

export function finding(overrides: Partial<Incompatibility> = {}): Incompatibility {
  return {
    type: 'READER_FIELD_MISSING_DEFAULT_VALUE',
    location: '/fields/2',
    message: 'venue',
    description: "The field 'venue' at path '/fields/2' in the new schema has no default value and is missing in the old schema",
    file: 'schemas/ticks.avsc',
    line: 8,
    column: 5,
    excerpt: { text: '    {"name": "venue", "type": "string"},', column: 5 },
    version: 0,
    direction: 'backward',
    ...overrides,
  };
}

export function subject(overrides: Partial<SubjectReport> = {}): SubjectReport {
  return {
    subject: 'market.ticks-value',
    file: 'schemas/ticks.avsc',
    level: 'BACKWARD',
    status: 'compatible',
    compatible: true,
    incompatibilities: [],
    changes: [],
    history: [{ version: 0, commit: 'a'.repeat(40), date: '2026-01-02T00:00:00Z', file: 'schemas/ticks.avsc' }],
    warnings: [],
    ...overrides,
  };
}

export function report(subjects: SubjectReport[], overrides: Partial<CheckReport> = {}): CheckReport {
  const ok = subjects.every((s) => s.status !== 'incompatible' && s.status !== 'error');
  return {
    reportVersion: 1,
    ok,
    mode: 'changed',
    against: { ref: 'main', commit: 'b'.repeat(40), mergeBase: 'c'.repeat(40) },
    subjects,
    warnings: [],
    ...overrides,
  };
}
