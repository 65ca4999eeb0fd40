/**
 * Durations in the schedule config: a number of seconds, or a string with a unit (`90s`, `5m`, `2h`), so that a
 * lease of a minute and a timeout of six hours both read as what they are.
 */
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(s|m|h)$/;

/** Seconds, or undefined when the value is not a duration. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = DURATION.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
}

/** `90` → `90 s`, `3600` → `1 h`: how messages show a bound. */
export function showDuration(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
