/** Due and incident dates as people write them: ISO `2026-01-10`, `2026/01/10`, `10 Jan 2026`, `Jan 10, 2026`. */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export type DateResult = { ok: true; date: string } | { ok: false; reason: string };

/** Parses a calendar date to `YYYY-MM-DD`; rejects impossible dates and ambiguous `01/02/2026` forms. */
export function parseDate(input: string): DateResult {
  const s = input.trim().replace(/\s+/g, ' ').replace(/[.,]$/, '');
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), input);
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.? (\d{4})$/.exec(s);
  if (m) return fromNamed(m[2]!, Number(m[1]), Number(m[3]), input);
  m = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s);
  if (m) return fromNamed(m[1]!, Number(m[2]), Number(m[3]), input);
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(s)) {
    return { ok: false, reason: `"${input}" is ambiguous (day/month or month/day); write 2026-01-10 or 10 Jan 2026` };
  }
  return { ok: false, reason: `"${input}" is not a date; write 2026-01-10 or 10 Jan 2026` };
}

function fromNamed(monthName: string, day: number, year: number, input: string): DateResult {
  const month = MONTHS[monthName.toLowerCase().slice(0, monthName.toLowerCase().startsWith('sept') ? 4 : 3)];
  if (month === undefined) return { ok: false, reason: `"${input}" has an unknown month "${monthName}"` };
  return fromParts(year, month, day, input);
}

function fromParts(year: number, month: number, day: number, input: string): DateResult {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return { ok: false, reason: `"${input}" is not a real calendar date` };
  }
  return { ok: true, date: d.toISOString().slice(0, 10) };
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
