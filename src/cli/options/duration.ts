/** Durations: `90d`, `36h`, `15m`, `30s`, `500ms`, `2w`. */
import { InvalidValue, type Parser } from './invalid-value.js';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
const DURATION = /^(\d+)(ms|s|m|h|d|w)$/;

/** The duration in milliseconds, or undefined when the text is not a duration. */
export function tryParseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (match === null) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return Number.isSafeInteger(ms) ? ms : undefined;
}

export const DURATION_HINT = 'use a whole number and one of the units ms, s, m, h, d, w (e.g. 90d, 36h, 15m)';

export function durationValue(options: { minMs?: number } = {}): Parser<number> {
  return (text) => {
    const ms = tryParseDuration(text);
    if (ms === undefined) throw new InvalidValue('is not a duration', DURATION_HINT);
    if (options.minMs !== undefined && ms < options.minMs) throw new InvalidValue(`is shorter than the least allowed, ${options.minMs} ms`);
    return ms;
  };
}
