/**
 * Canonical JSON for backup files: keys sorted by code point (RFC 8785 style), two-space indent,
 * LF line ends and a final newline, so that the same registry state always gives the same bytes
 * and git diffs show only real changes.
 */

export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
// Note: JavaScript orders integer-like keys ("2", "10") numerically before the others whatever the
// insertion order, so such keys are not in code-point order. The output is still deterministic.
