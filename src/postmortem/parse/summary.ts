/** Reads the `Incident Summary` key/value lines: bullets, bold labels or two-column table rows. */

/** One `Key: value` line, its key lower-cased without markdown; undefined for other lines. */
export function readField(line: string): { key: string; value: string } | undefined {
  const row = /^\s*\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|/.exec(line);
  if (row) return { key: normaliseKey(row[1]!), value: stripMarkdown(row[2]!) };
  const kv = /^\s*(?:[-*+]\s+)?(\*\*|__)?([A-Za-z][A-Za-z /()-]{0,40}?)\s*(?::\s*\1|\1\s*:)\s*(.*)$/.exec(line);
  if (!kv) return undefined;
  return { key: normaliseKey(kv[2]!), value: stripMarkdown(kv[3]!) };
}

function normaliseKey(k: string): string {
  return stripMarkdown(k).toLowerCase().replace(/[()]/g, '').replace(/\s+/g, ' ').trim();
}

export function stripMarkdown(v: string): string {
  return v.replace(/[*_`]/g, '').trim();
}

export const SUMMARY_KEYS = {
  id: ['incident id', 'incident', 'id', 'incident number', 'ticket'],
  date: ['date', 'incident date', 'start date', 'started'],
  duration: ['duration', 'length'],
  severity: ['severity', 'sev', 'priority'],
  systems: ['impacted systems', 'affected systems', 'systems impacted', 'systems', 'services affected', 'impacted services'],
} as const;

export type SummaryKey = keyof typeof SUMMARY_KEYS;

export function classifyKey(key: string): SummaryKey | undefined {
  for (const [name, aliases] of Object.entries(SUMMARY_KEYS) as [SummaryKey, readonly string[]][]) {
    if (aliases.includes(key)) return name;
  }
  return undefined;
}

/** `P1`, `p2`, `SEV-1`, `Sev 2`, `P1 (critical)` → `P1`..`P4`; undefined if unreadable. */
export function readSeverity(v: string): 'P1' | 'P2' | 'P3' | 'P4' | undefined {
  const m = /^(?:p|sev(?:erity)?)[\s-]*([1-4])\b/i.exec(v.trim());
  return m ? (`P${m[1]}` as 'P1' | 'P2' | 'P3' | 'P4') : undefined;
}
