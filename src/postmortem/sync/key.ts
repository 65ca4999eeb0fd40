/** Stable item keys and the hidden HTML-comment markers that carry them in issue bodies and comments. */
import { createHash } from 'node:crypto';

/** Case, markdown, punctuation and spacing do not change an item's identity. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[`*_~[\]()]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** sha256 of incident id + normalised text, 20 hex characters. */
export function itemKey(incidentId: string, text: string): string {
  return createHash('sha256').update(`${incidentId.trim().toLowerCase()}\n${normaliseText(text)}`).digest('hex').slice(0, 20);
}

export interface ActionMarker {
  readonly key: string;
  readonly incident: string;
  readonly src: string;
  /** Position among the report's follow-up items, to re-find an item whose text was edited. */
  readonly item: number;
  readonly due: string;
}

const ACTION = /<!-- pm-action:v1 ([^>]*?) -->/;
const MISSING = /<!-- pm-missing:v1 incident=(\S+) -->/;
const REMINDER = /<!-- pm-reminder:v1 on=(\d{4}-\d{2}-\d{2}) -->/;

// Values are URI-encoded so spaces in paths or ids cannot break the `k=v` list.
export function renderActionMarker(m: ActionMarker): string {
  const pairs = Object.entries(m).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return `<!-- pm-action:v1 ${pairs.join(' ')} -->`;
}

export function readActionMarker(body: string): ActionMarker | undefined {
  const m = ACTION.exec(body);
  if (!m) return undefined;
  const f = Object.fromEntries(
    m[1]!.split(' ').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i), safeDecode(p.slice(i + 1))];
    }),
  );
  if (!f.key || !f.incident) return undefined;
  return { key: f.key, incident: f.incident, src: f.src ?? '', item: Number(f.item ?? -1), due: f.due ?? '' };
}

export function renderMissingMarker(incident: string): string {
  return `<!-- pm-missing:v1 incident=${encodeURIComponent(incident)} -->`;
}

export function readMissingMarker(body: string): string | undefined {
  const m = MISSING.exec(body);
  return m ? safeDecode(m[1]!) : undefined;
}

export function renderReminderMarker(on: string): string {
  return `<!-- pm-reminder:v1 on=${on} -->`;
}

export function readReminderMarker(body: string): string | undefined {
  return REMINDER.exec(body)?.[1];
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
