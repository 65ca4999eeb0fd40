/**
 * Logical-type changes. Avro ignores logical types when resolving schemas, so Confluent's registry passes
 * all of these; each one changes what the same stored bytes mean.
 */
import type { LogicalType } from '../model.js';
import type { RuleId } from './rules.js';

/** A logical-type change; `text` follows the subject in the message ("field 'ts' <text>"). */
export interface LogicalFinding {
  readonly rule: RuleId;
  readonly text: string;
}

const UNIT_EXPONENT: Readonly<Record<string, number>> = { millis: 3, micros: 6, nanos: 9 };
const UNIT_WORD: Readonly<Record<string, string>> = { millis: 'milliseconds', micros: 'microseconds', nanos: 'nanoseconds' };
const TEMPORAL = /^(local-timestamp|timestamp|time)-(millis|micros|nanos)$/;

interface Temporal {
  readonly family: string;
  readonly unit: string;
}

/** Compares the logical types of two paired nodes; `underlying` is the new node's Avro type. */
export function compareLogical(
  before: LogicalType | undefined,
  after: LogicalType | undefined,
  underlying: string,
): LogicalFinding[] {
  if (!before && !after) return [];
  if (!before) return [{ rule: 'LOGICAL_TYPE_ADDED', text: `gained logical type ${label(after!)}: ${addedEffect(after!, underlying)}` }];
  if (!after) {
    return [{ rule: 'LOGICAL_TYPE_REMOVED', text: `lost logical type ${label(before)}: consumers now get the raw ${underlying} instead of ${meaning(before)}` }];
  }
  if (before.name === 'decimal' && after.name === 'decimal') return compareDecimals(before, after);
  const temporalBefore = temporal(before);
  const temporalAfter = temporal(after);
  if (temporalBefore && temporalAfter && sameClock(temporalBefore, temporalAfter)) {
    return compareTemporals(before, after, temporalBefore, temporalAfter);
  }
  if (before.name === after.name) return [];
  return [{ rule: 'LOGICAL_TYPE_CHANGED', text: `${changed(before, after)}: existing ${meaning(before)} are now read as ${meaning(after)}` }];
}

function compareDecimals(before: LogicalType, after: LogicalType): LogicalFinding[] {
  const findings: LogicalFinding[] = [];
  const precisionBefore = before.precision ?? 0;
  const precisionAfter = after.precision ?? 0;
  if (precisionAfter < precisionBefore) {
    findings.push({ rule: 'DECIMAL_PRECISION_CHANGED', text: `${changed(before, after)}: values with more than ${precisionAfter} digits do not fit` });
  } else if (precisionAfter > precisionBefore) {
    findings.push({ rule: 'DECIMAL_PRECISION_CHANGED', text: `${changed(before, after)}: consumers sized for ${precisionBefore} digits may overflow` });
  }
  const shift = (before.scale ?? 0) - (after.scale ?? 0);
  if (shift !== 0) {
    const factor = `${10 ** Math.abs(shift)} times too ${shift > 0 ? 'large' : 'small'}`;
    findings.push({ rule: 'DECIMAL_SCALE_CHANGED', text: `${changed(before, after)}: existing bytes will be read with the wrong scale, ${factor}` });
  }
  return findings;
}

/** Time of day and points in time are different clocks; a change between them is a plain change. */
function sameClock(before: Temporal, after: Temporal): boolean {
  return (before.family === 'time') === (after.family === 'time');
}

function compareTemporals(before: LogicalType, after: LogicalType, old: Temporal, next: Temporal): LogicalFinding[] {
  const findings: LogicalFinding[] = [];
  const shift = (UNIT_EXPONENT[next.unit] ?? 0) - (UNIT_EXPONENT[old.unit] ?? 0);
  if (shift !== 0) {
    const factor = `${10 ** Math.abs(shift)} times too ${shift > 0 ? 'small' : 'large'}`;
    findings.push({ rule: 'TIMESTAMP_UNIT_CHANGED', text: `${changed(before, after)}: existing values will be read ${factor}` });
  }
  if (old.family !== next.family) {
    const text = next.family === 'local-timestamp'
      ? 'UTC instants will be read as local date-times'
      : 'local date-times will be read as UTC instants';
    findings.push({ rule: 'TIMESTAMP_TIMEZONE_CHANGED', text: `${changed(before, after)}: ${text}` });
  }
  return findings;
}

function temporal(logicalType: LogicalType): Temporal | undefined {
  const match = TEMPORAL.exec(logicalType.name);
  return match ? { family: match[1]!, unit: match[2]! } : undefined;
}

function addedEffect(logicalType: LogicalType, underlying: string): string {
  return logicalType.name === 'uuid'
    ? `existing ${underlying} values that are not valid UUIDs fail in consumers that convert them`
    : `existing ${underlying} values are now read as ${meaning(logicalType)}`;
}

function changed(before: LogicalType, after: LogicalType): string {
  return `changed logical type ${label(before)} -> ${label(after)}`;
}

/** `decimal(18,4)`, `timestamp-millis`. */
export function label(logicalType: LogicalType): string {
  return logicalType.name === 'decimal'
    ? `decimal(${logicalType.precision ?? '?'},${logicalType.scale ?? 0})`
    : logicalType.name;
}

/** What values of a logical type are, in words. */
function meaning(logicalType: LogicalType): string {
  const found = temporal(logicalType);
  if (found) {
    const unit = UNIT_WORD[found.unit];
    if (found.family === 'time') return `${unit} since midnight`;
    return `${unit} since the epoch${found.family === 'timestamp' ? ', UTC' : ' in local time'}`;
  }
  switch (logicalType.name) {
    case 'decimal':
      return `${label(logicalType)} numbers`;
    case 'date':
      return 'days since 1970-01-01';
    case 'uuid':
      return 'UUIDs';
    case 'duration':
      return 'durations';
    default:
      return `${logicalType.name} values`;
  }
}
