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
export declare function fingerprint(schema: Schema): SchemaFingerprint;
/** The fingerprints of a canonical form that is already at hand. */
export declare function fingerprintCanonicalForm(canonicalForm: string): SchemaFingerprint;
/** CRC-64-AVRO of some bytes, as 16 lowercase hex digits of the unsigned 64-bit value. */
export declare function rabinFingerprint(bytes: Uint8Array): string;
