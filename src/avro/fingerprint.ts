/**
 * Schema fingerprints over the Parsing Canonical Form, as the Avro specification recommends:
 * CRC-64-AVRO (the 64-bit Rabin fingerprint) and SHA-256 of the form's UTF-8 bytes.
 */
import { createHash } from 'node:crypto';
import { toCanonicalForm } from './canonical.js';
import type { Schema } from './model.js';

export interface SchemaFingerprint {
  /**
   * CRC-64-AVRO as the unsigned 64-bit number in 16 lowercase hex digits (what Java prints with
   * `Long.toHexString(SchemaNormalization.parsingFingerprint64(schema))`, zero-padded). The
   * single-object encoding writes the same 8 bytes in little-endian order.
   */
  readonly rabin: string;
  /** SHA-256 in 64 lowercase hex digits. */
  readonly sha256: string;
}

export function fingerprint(schema: Schema): SchemaFingerprint {
  return fingerprintCanonicalForm(toCanonicalForm(schema));
}

/** The fingerprints of a canonical form that is already at hand. */
export function fingerprintCanonicalForm(canonicalForm: string): SchemaFingerprint {
  const bytes = new TextEncoder().encode(canonicalForm);
  return { rabin: rabinFingerprint(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
}

// The spec's EMPTY constant 0xc15d213aa4d7a795, as two unsigned 32-bit halves: JavaScript's bit
// operators work on 32 bits, and BigInt per byte is far slower on large schemas.
const EMPTY_HIGH = 0xc15d213a;
const EMPTY_LOW = 0xa4d7a795;
let table: { high: Uint32Array; low: Uint32Array } | undefined;

function fingerprintTable(): { high: Uint32Array; low: Uint32Array } {
  if (table) return table;
  const high = new Uint32Array(256);
  const low = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let h = 0;
    let l = i;
    for (let j = 0; j < 8; j++) {
      const odd = l & 1;
      l = ((l >>> 1) | (h << 31)) >>> 0;
      h = h >>> 1;
      if (odd) {
        h = (h ^ EMPTY_HIGH) >>> 0;
        l = (l ^ EMPTY_LOW) >>> 0;
      }
    }
    high[i] = h;
    low[i] = l;
  }
  table = { high, low };
  return table;
}

/** CRC-64-AVRO of some bytes, as 16 lowercase hex digits of the unsigned 64-bit value. */
export function rabinFingerprint(bytes: Uint8Array): string {
  const { high, low } = fingerprintTable();
  let h = EMPTY_HIGH;
  let l = EMPTY_LOW;
  for (let i = 0; i < bytes.length; i++) {
    const index = (l ^ (bytes[i] ?? 0)) & 0xff;
    l = (((l >>> 8) | (h << 24)) ^ (low[index] ?? 0)) >>> 0;
    h = ((h >>> 8) ^ (high[index] ?? 0)) >>> 0;
  }
  return h.toString(16).padStart(8, '0') + l.toString(16).padStart(8, '0');
}
