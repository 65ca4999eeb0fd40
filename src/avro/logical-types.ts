import type { LogicalType } from './model.js';

/** What a logical type annotates, for the ones the Avro 1.12 specification defines. */
const UNDERLYING: Readonly<Record<string, readonly string[]>> = {
  decimal: ['bytes', 'fixed'],
  'big-decimal': ['bytes'],
  uuid: ['string', 'fixed'],
  date: ['int'],
  'time-millis': ['int'],
  'time-micros': ['long'],
  'timestamp-millis': ['long'],
  'timestamp-micros': ['long'],
  'timestamp-nanos': ['long'],
  'local-timestamp-millis': ['long'],
  'local-timestamp-micros': ['long'],
  'local-timestamp-nanos': ['long'],
  duration: ['fixed'],
};

export type LogicalTypeCheck = { ok: true; logicalType: LogicalType } | { ok: false; problem: string };

/**
 * Validates a logical type annotation against the type it annotates. Unknown names are kept as they are
 * (Avro ignores them); invalid known ones are reported, and the caller decides (strict parse: error,
 * lenient parse: drop it as Avro Java does).
 */
export function checkLogicalType(
  name: string,
  underlying: string,
  attributes: { precision?: unknown; scale?: unknown; size?: number },
): LogicalTypeCheck {
  const allowed = UNDERLYING[name];
  if (!allowed) return { ok: true, logicalType: { name } };
  if (!allowed.includes(underlying)) {
    return { ok: false, problem: `logical type '${name}' must annotate ${allowed.join(' or ')}, not ${underlying}` };
  }
  if (name === 'uuid' && underlying === 'fixed' && attributes.size !== 16) {
    return { ok: false, problem: `logical type 'uuid' on a fixed needs size 16, not ${attributes.size}` };
  }
  if (name === 'duration' && attributes.size !== 12) {
    return { ok: false, problem: `logical type 'duration' needs a fixed of size 12, not ${attributes.size}` };
  }
  if (name === 'decimal') return checkDecimal(attributes);
  return { ok: true, logicalType: { name } };
}

function checkDecimal(attributes: { precision?: unknown; scale?: unknown; size?: number }): LogicalTypeCheck {
  const { precision, scale = 0, size } = attributes;
  if (!Number.isInteger(precision) || (precision as number) <= 0) {
    return { ok: false, problem: `decimal precision must be a positive integer, not ${JSON.stringify(precision)}` };
  }
  if (!Number.isInteger(scale) || (scale as number) < 0) {
    return { ok: false, problem: `decimal scale must be a non-negative integer, not ${JSON.stringify(scale)}` };
  }
  if ((scale as number) > (precision as number)) {
    return { ok: false, problem: `decimal scale ${scale} is greater than its precision ${precision}` };
  }
  if (size !== undefined) {
    const maxPrecision = Math.floor(Math.log10(2) * (8 * size - 1));
    if ((precision as number) > maxPrecision) {
      return { ok: false, problem: `decimal precision ${precision} does not fit in a fixed of size ${size} (at most ${maxPrecision})` };
    }
  }
  return { ok: true, logicalType: { name: 'decimal', precision: precision as number, scale: scale as number } };
}
