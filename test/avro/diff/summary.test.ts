import { describe, expect, it } from 'vitest';
import { summarizeChanges } from '../../../src/avro/diff/index.js';
import { diffJson, oneField } from './support.js';

describe('summarizeChanges', () => {
  it('counts nothing for no changes', () => {
    expect(summarizeChanges([])).toEqual({ total: 0, breaking: 0, warning: 0, info: 0 });
  });

  it('counts changes by severity', () => {
    const changes = [
      ...diffJson(oneField('long'), oneField('int')),
      ...diffJson(oneField('int'), oneField('long', { doc: 'Size.' })),
    ];
    expect(changes.map((change) => change.severity)).toEqual(['breaking', 'info', 'warning']);
    expect(summarizeChanges(changes)).toEqual({ total: 3, breaking: 1, warning: 1, info: 1 });
  });
});
