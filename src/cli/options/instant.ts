/**
 * Strict ISO 8601 dates and instants. `2026-11-20` is midnight UTC of that day; a date-time needs
 * `Z` or an offset (`2026-11-20T02:00Z`, `2026-11-20T02:00:00+10:00`), so that no job's result
 * depends on the machine's time zone. Impossible dates (`2026-13-45`, `2026-02-30`) are refused.
 */
import { InvalidValue, type Parser } from './invalid-value.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const INSTANT_HINT = 'use an ISO 8601 date (2026-11-20, midnight UTC) or date-time with a zone (2026-11-20T02:00:00Z)';

/** Epoch milliseconds, or an `InvalidValue` saying what is wrong. */
export function parseInstant(text: string): number {
  const date = DATE.exec(text);
  if (date) return checked(Number(date[1]), Number(date[2]), Number(date[3]), 0, 0, 0, 0, 'Z');
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) {
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text)) throw new InvalidValue('has no time zone', 'add Z (UTC) or an offset such as +10:00');
    throw new InvalidValue('is not an ISO 8601 date or date-time', INSTANT_HINT);
  }
  const [, y, mo, d, h, mi, s, fraction, zone] = dateTime;
  const ms = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  return checked(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), ms, zone as string);
}

function checked(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zone: string): number {
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(utc);
  const real = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  if (!real) throw new InvalidValue('is not a real date or time', INSTANT_HINT);
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [oh, om] = zone.slice(1).split(':').map(Number) as [number, number];
  if (oh > 23 || om > 59) throw new InvalidValue(`has an impossible offset ${zone}`, INSTANT_HINT);
  return utc - sign * (oh * 60 + om) * 60_000;
}

export const instantValue: Parser<Date> = (text) => new Date(parseInstant(text));
