/** The part of snappyjs (pure-JS Snappy, no types shipped) the Avro reader uses. */
declare module 'snappyjs' {
  /** Decompresses one raw Snappy block; throws on corrupt input, or when the result would exceed `maxLength`. */
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
  export function compress(uncompressed: Uint8Array): Uint8Array;
}
