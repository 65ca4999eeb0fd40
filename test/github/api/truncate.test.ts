import { describe, expect, it } from 'vitest';
import { fitMarkdown } from '../../../src/github/api/truncate.js';
import { truncateSummary, MAX_SUMMARY_BYTES } from '../../../src/action/publish.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => `| \`Order.field${i}\` | ✅ removable now |`).join('\n');

describe('fitMarkdown (trap 13: output limits)', () => {
  it('leaves text within the limit untouched', () => {
    expect(fitMarkdown('short', 5, 'cut')).toBe('short');
  });

  it('cuts at the last whole line that fits and says where the rest is', () => {
    const text = rows(100);
    const fitted = fitMarkdown(text, 500, '… truncated');
    expect(fitted.length).toBeLessThanOrEqual(500);
    const [kept, note] = fitted.split('\n\n');
    expect(note).toBe('… truncated');
    // Every kept line is a whole table row of the original.
    for (const line of kept?.split('\n') ?? []) expect(text.split('\n')).toContain(line);
  });

  it('measures the job summary in UTF-8 bytes, where emoji take three or four', () => {
    const text = Array.from({ length: 30_000 }, () => `| ${'✅'.repeat(10)} |`).join('\n');
    // Under the limit in characters, over it in bytes.
    expect(text.length).toBeLessThan(MAX_SUMMARY_BYTES);
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(MAX_SUMMARY_BYTES);
    const fitted = truncateSummary(text);
    expect(Buffer.byteLength(fitted, 'utf8')).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(fitted).not.toContain('\uFFFD');
    expect(fitted.endsWith('… truncated: the full report is in the `result` output.')).toBe(true);
  });

  it('never leaves half a character when there is no line to cut at', () => {
    // Budgets of 5 units / 5 bytes end inside the third character.
    expect(fitMarkdown('😀'.repeat(10), 8, 'x')).toBe('😀😀\n\nx');
    expect(fitMarkdown('é'.repeat(10), 8, 'x', 'bytes')).toBe('éé\n\nx');
  });
});
