/** Ticks or unticks one follow-up checkbox in a report's text, after checking the line is still that item. */
import { itemKey } from './key.js';

export type TickResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

const BOX = /^(\s*[-*+]\s+\[)([ xX])(\]\s*)(.*)$/;

/**
 * `line` is where the item was read; if the file moved on (the branch differs from the checkout), the item is
 * searched by key instead. `textOf` extracts the item text from the rest of the line (the parser's rule).
 */
export function setCheckbox(
  text: string, line: number, key: string, incidentId: string, done: boolean, textOf: (rest: string) => string,
): TickResult {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const matches = (i: number) => {
    const m = BOX.exec(lines[i] ?? '');
    return m !== null && itemKey(incidentId, textOf(m[4]!)) === key;
  };
  let index = matches(line - 1) ? line - 1 : -1;
  if (index < 0) index = lines.findIndex((_, i) => matches(i));
  if (index < 0) return { ok: false, reason: `the item is no longer in the file (looked at line ${line} and by text)` };
  const m = BOX.exec(lines[index]!)!;
  const wanted = done ? 'x' : ' ';
  if ((m[2] === ' ') === !done) return { ok: true, text, changed: false };
  lines[index] = `${m[1]}${wanted}${m[3]}${m[4]}`;
  return { ok: true, text: lines.join(eol), changed: true };
}
