/** Reads one follow-up entry: `Replace failed disk (Assigned: SRE team, Due: 2026-01-10)` and its variants. */
import { parseDate } from './dates.js';
import type { ProblemCode } from '../model.js';

export interface ItemFields {
  readonly text: string;
  readonly owner: string;
  readonly due: string;
  readonly extra: Record<string, string>;
}

export interface ItemProblem {
  readonly code: ProblemCode;
  readonly message: string;
  readonly hint?: string;
}

export type ItemResult = { ok: true; fields: ItemFields } | { ok: false; problems: ItemProblem[] };

const OWNER_KEYS = new Set(['assigned', 'assigned to', 'assignee', 'owner', 'owners', 'owned by']);
const DUE_KEYS = new Set(['due', 'due date', 'deadline', 'by']);
// A `Key:` attribute: a word or two of letters, then a colon. Values may contain commas ("Jan 10, 2026").
const KEY = /(?:^|[\s(,;|—–[])([A-Za-z][A-Za-z ]{0,18}?)\s*:\s*/g;
const HINT = 'Write it as "- [ ] <action> (Assigned: <owner>, Due: 2026-01-10)"';

/** Parses the text after the checkbox. */
export function parseActionText(raw: string): ItemResult {
  const attrs = findAttributes(raw);
  const first = attrs[0];
  const text = cleanText(first ? raw.slice(0, first.start) : raw);
  const values = new Map(attrs.map((a) => [a.key, a.value] as const));
  return fromParts(text, pick(values, OWNER_KEYS), pick(values, DUE_KEYS), extras(values));
}

/** Builds an item from already separated cells (table rows). */
export function fromParts(
  text: string,
  owner: string | undefined,
  dueRaw: string | undefined,
  extra: Record<string, string>,
): ItemResult {
  const problems: ItemProblem[] = [];
  if (!text) problems.push({ code: 'ITEM_NO_TEXT', message: 'follow-up item has no action text', hint: HINT });
  const cleanOwner = owner?.trim() ?? '';
  if (!cleanOwner || /^(tbd|tba|unassigned|none|n\/a|\?+)$/i.test(cleanOwner)) {
    problems.push({ code: 'ITEM_NO_OWNER', message: `follow-up "${text}" has no owner`, hint: HINT });
  }
  let due = '';
  if (!dueRaw?.trim()) {
    problems.push({ code: 'ITEM_NO_DUE', message: `follow-up "${text}" has no due date`, hint: HINT });
  } else {
    const parsed = parseDate(dueRaw);
    if (parsed.ok) due = parsed.date;
    else problems.push({ code: 'ITEM_BAD_DATE', message: `follow-up "${text}" has a bad due date: ${parsed.reason}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, fields: { text, owner: cleanOwner, due, extra } };
}

interface Attribute {
  readonly key: string;
  readonly value: string;
  readonly start: number;
}

function findAttributes(raw: string): Attribute[] {
  const hits = [...raw.matchAll(KEY)]
    .map((m) => splitKey(m[1]!.trimEnd(), raw.indexOf(m[1]!, m.index), m.index + m[0].length))
    .filter((h) => isKnownOrTrailing(h.key, raw, h.start));
  return hits.map((h, i) => ({
    key: h.key,
    value: trimValue(raw.slice(h.valueStart, hits[i + 1]?.start ?? raw.length)),
    start: h.start,
  }));
}

// "SRE team Due:" (no separator) matches as key "team Due": keep only the known key at its end.
function splitKey(key: string, start: number, valueStart: number): { key: string; start: number; valueStart: number } {
  const lower = key.toLowerCase();
  for (const known of [...OWNER_KEYS, ...DUE_KEYS]) {
    if (lower !== known && lower.endsWith(` ${known}`)) {
      return { key: known, start: start + key.length - known.length, valueStart };
    }
  }
  return { key: lower, start, valueStart };
}

// An unknown `Word:` counts as an attribute only once a known owner/due key has started the attribute list,
// so action text like "Fix: retry loop" stays text.
function isKnownOrTrailing(key: string, raw: string, index: number): boolean {
  if (OWNER_KEYS.has(key) || DUE_KEYS.has(key)) return true;
  const before = raw.slice(0, index).toLowerCase();
  return [...OWNER_KEYS, ...DUE_KEYS].some((k) => new RegExp(`\\b${k}\\s*:`).test(before));
}

function trimValue(v: string): string {
  return v.replace(/^[\s,;|—–-]+/, '').replace(/[\s,;|—–)\]*_]+$/, '').replace(/^[*_`]+|[*_`]+$/g, '').trim();
}

function cleanText(t: string): string {
  return t.replace(/[\s([—–|:;,-]+$/, '').replace(/^\*\*(.*)\*\*$/, '$1').trim();
}

function pick(values: ReadonlyMap<string, string>, keys: ReadonlySet<string>): string | undefined {
  for (const [k, v] of values) if (keys.has(k)) return v;
  return undefined;
}

function extras(values: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of values) if (!OWNER_KEYS.has(k) && !DUE_KEYS.has(k)) out[k] = v;
  return out;
}

/** The action text of a checkbox line's rest, by the same rule as parsing (used to re-find a line by key). */
export function actionTextOf(rest: string): string {
  const attrs = findAttributes(rest);
  return cleanText(attrs[0] ? rest.slice(0, attrs[0].start) : rest);
}
