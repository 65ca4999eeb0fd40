import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/avro/diff/rules.js';

describe('docs/compatibility.md', () => {
  it('documents every semantic-diff rule with its severity', () => {
    const doc = readFileSync(new URL('../docs/compatibility.md', import.meta.url), 'utf8');
    for (const [id, rule] of Object.entries(RULES)) expect(doc).toContain(`| \`${id}\` | ${rule.severity} |`);
  });
});
