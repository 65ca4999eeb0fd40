/**
 * Lossless JSON for table metadata: every number stays a LosslessNumber holding its original text, so 64-bit
 * snapshot ids (which exceed 2^53) and fields we never touch round-trip exactly.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { LosslessNumber, isLosslessNumber, parse, stringify } from 'lossless-json';
import { IcebergError } from '../errors.js';

export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}

/** Whether a metadata file name says it is gzip-compressed (both spellings Java reads). */
export function isGzipMetadataPath(path: string): boolean {
  return path.endsWith('.gz.metadata.json') || path.endsWith('.metadata.json.gz');
}

export function parseMetadataBytes(bytes: Buffer, path: string): JsonObject {
  const gzipped = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  let text: string;
  try {
    text = (gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (cause) {
    throw new IcebergError('UNREADABLE', 'metadata file is not valid gzip', { subject: path, cause });
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new IcebergError('UNREADABLE', `metadata file is not valid JSON: ${reason}`, { subject: path, cause });
  }
  if (!isJsonObject(doc)) throw new IcebergError('UNREADABLE', 'metadata file is not a JSON object', { subject: path });
  return doc;
}

export function serializeMetadata(doc: JsonObject, path: string): Buffer {
  const text = stringify(doc, undefined, 2) ?? '{}';
  const bytes = Buffer.from(text, 'utf8');
  return isGzipMetadataPath(path) ? gzipSync(bytes) : bytes;
}

/** A JSON integer from its decimal text (ids, timestamps). */
export function jsonInt(value: string | number | bigint): LosslessNumber {
  return new LosslessNumber(String(value));
}

/** The decimal text of an integer field, or undefined when absent/not an integer. */
export function intText(value: unknown): string | undefined {
  if (isLosslessNumber(value)) return /^-?\d+$/.test(value.value) ? value.value : undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** A safe JS number (timestamps, counts, versions); undefined when absent or not numeric. */
export function numberOf(value: unknown): number | undefined {
  if (isLosslessNumber(value)) return Number(value.value);
  if (typeof value === 'number') return value;
  return undefined;
}
