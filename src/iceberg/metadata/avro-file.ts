/**
 * Avro object container files (manifest lists, manifests) read from a buffer, synchronously: no stream whose
 * 'error' events can escape. Longs decode as BigInt (snapshot ids exceed 2^53). Codecs: null, deflate
 * (Iceberg's default, `gzip`), snappy and zstandard (`write.avro.compression-codec` = snappy / zstd).
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import type avro from 'avsc';
import { IcebergError } from '../errors.js';

const MAGIC = Buffer.from([0x4f, 0x62, 0x6a, 0x01]);

/**
 * avsc and the codecs, required when a file is first read or written rather than imported: together
 * they take a tenth of a second to load, which every CLI command would otherwise pay at start-up.
 */
interface Libraries {
  readonly avro: typeof avro;
  readonly bigIntLong: avro.Type;
  readonly zstdDecompress: (data: Uint8Array) => Uint8Array;
  readonly snappyUncompress: (data: Uint8Array) => Uint8Array;
}

const require = createRequire(import.meta.url);
let loaded: Libraries | undefined;

function libraries(): Libraries {
  return (loaded ??= loadLibraries());
}

function loadLibraries(): Libraries {
  const library = require('avsc') as typeof avro;
  const bigIntLong = library.types.LongType.__with({
    fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
    toBuffer: (n: bigint) => { const buf = Buffer.alloc(8); buf.writeBigInt64LE(BigInt(n)); return buf; },
    fromJSON: (v: unknown) => BigInt(v as string),
    toJSON: (n: bigint) => Number(n),
    isValid: (n: unknown) => typeof n === 'bigint',
    compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
  });
  const { decompress } = require('fzstd') as typeof import('fzstd');
  const { uncompress } = require('snappyjs') as { uncompress(data: Uint8Array): Uint8Array };
  return { avro: library, bigIntLong, zstdDecompress: decompress, snappyUncompress: uncompress };
}

const typeCache = new Map<string, avro.Type>();
const projectionCache = new Map<Projection, Map<string, { reader: avro.Type; resolver: avro.Resolver }>>();

/**
 * Decodes only some fields: `readerSchema` derives, from the writer schema, a schema with the wanted fields under
 * their writer names. avsc then skips everything else (partition tuples, column metrics) without allocating it.
 */
export interface Projection {
  readonly id: string;
  readonly readerSchema: (writerSchema: unknown) => unknown;
}

function projected(schemaText: string, projection: Projection): { reader: avro.Type; resolver: avro.Resolver } {
  let bySchema = projectionCache.get(projection);
  if (bySchema === undefined) {
    bySchema = new Map();
    projectionCache.set(projection, bySchema);
  }
  let entry = bySchema.get(schemaText);
  if (entry === undefined) {
    const { avro: library, bigIntLong } = libraries();
    const reader = library.Type.forSchema(projection.readerSchema(JSON.parse(schemaText)) as avro.Schema, { registry: { long: bigIntLong } as never, wrapUnions: false });
    entry = { reader, resolver: reader.createResolver(avroTypeFor(schemaText)) };
    bySchema.set(schemaText, entry);
  }
  return entry;
}

/** The avsc type for a writer schema text (cached: every manifest of a table shares a few schemas). */
export function avroTypeFor(schemaText: string): avro.Type {
  let type = typeCache.get(schemaText);
  if (type === undefined) {
    const { avro: library, bigIntLong } = libraries();
    type = library.Type.forSchema(JSON.parse(schemaText) as avro.Schema, { registry: { long: bigIntLong } as never, wrapUnions: false });
    typeCache.set(schemaText, type);
  }
  return type;
}

class Cursor {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  long(): number {
    let result = 0;
    let shift = 1;
    let byte: number;
    do {
      if (this.pos >= this.buf.length) throw new RangeError('truncated varint');
      byte = this.buf[this.pos++] as number;
      result += (byte & 0x7f) * shift;
      shift *= 128;
    } while (byte & 0x80);
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }

  bytes(length = this.long()): Buffer {
    if (length < 0 || this.pos + length > this.buf.length) throw new RangeError('truncated block');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
}

export interface AvroContainer {
  readonly meta: ReadonlyMap<string, string>;
  /** The writer schema exactly as stored (field-id attributes intact). */
  readonly schemaText: string;
  readonly records: unknown[];
}

function readHeader(cursor: Cursor): { meta: Map<string, string>; sync: Buffer } {
  if (!cursor.bytes(4).equals(MAGIC)) throw new RangeError('not an Avro object container file');
  const meta = new Map<string, string>();
  for (let count = cursor.long(); count !== 0; count = cursor.long()) {
    if (count < 0) { cursor.long(); count = -count; }
    for (let i = 0; i < count; i++) {
      const key = cursor.bytes().toString('utf8');
      meta.set(key, cursor.bytes().toString('utf8'));
    }
  }
  return { meta, sync: Buffer.from(cursor.bytes(16)) };
}

function decodeBlock(data: Buffer, codec: string): Buffer {
  if (codec === 'null') return data;
  if (codec === 'deflate') return inflateRawSync(data);
  if (codec === 'snappy') return snappyBlock(data);
  if (codec === 'zstandard') return Buffer.from(libraries().zstdDecompress(data));
  throw new RangeError(`unsupported Avro codec ${codec} (supported: null, deflate, snappy, zstandard)`);
}

/** Avro's snappy codec: a raw Snappy block followed by the big-endian CRC-32 of the uncompressed bytes. */
function snappyBlock(data: Buffer): Buffer {
  if (data.length < 4) throw new RangeError('snappy block is shorter than its checksum');
  const bytes = Buffer.from(libraries().snappyUncompress(data.subarray(0, data.length - 4)));
  if (crc32(bytes) !== data.readUInt32BE(data.length - 4)) throw new RangeError('snappy block checksum mismatch');
  return bytes;
}

export interface AvroBlock {
  /** Decompressed bytes of `count` records. */
  readonly data: Buffer;
  readonly count: number;
}

export interface AvroBlocks {
  readonly meta: ReadonlyMap<string, string>;
  readonly schemaText: string;
  readonly blocks: readonly AvroBlock[];
}

function wrapDecodeError(cause: unknown, path: string): IcebergError {
  if (cause instanceof IcebergError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new IcebergError('UNREADABLE', `cannot decode Avro file: ${reason}`, { subject: path, cause });
}

/** Splits a container file into its header and decompressed blocks, checking every sync marker. */
export function readAvroBlocks(buf: Buffer, path: string): AvroBlocks {
  try {
    const cursor = new Cursor(buf);
    const { meta, sync } = readHeader(cursor);
    const schemaText = meta.get('avro.schema');
    if (schemaText === undefined) throw new RangeError('header has no avro.schema');
    const codec = meta.get('avro.codec') ?? 'null';
    const blocks: AvroBlock[] = [];
    while (cursor.pos < buf.length) {
      const count = cursor.long();
      blocks.push({ data: decodeBlock(cursor.bytes(), codec), count });
      if (!cursor.bytes(16).equals(sync)) throw new RangeError('sync marker mismatch');
    }
    return { meta, schemaText, blocks };
  } catch (cause) {
    throw wrapDecodeError(cause, path);
  }
}

/** Parses a whole container file. Any defect becomes an UNREADABLE IcebergError naming the file. */
export function readAvroContainer(buf: Buffer, path: string, projection?: Projection): AvroContainer {
  const { meta, schemaText, blocks } = readAvroBlocks(buf, path);
  try {
    const { reader, resolver } = projection === undefined ? { reader: avroTypeFor(schemaText), resolver: undefined } : projected(schemaText, projection);
    const records: unknown[] = [];
    for (const { data, count } of blocks) {
      let offset = 0;
      for (let i = 0; i < count; i++) {
        const decoded = reader.decode(data, offset, resolver);
        if (decoded.offset < 0) throw new RangeError('truncated record');
        records.push(decoded.value);
        offset = decoded.offset;
      }
    }
    return { meta, schemaText, records };
  } catch (cause) {
    throw wrapDecodeError(cause, path);
  }
}

function encodeLong(n: number): Buffer {
  let z = n >= 0 ? n * 2 : -n * 2 - 1;
  const bytes: number[] = [];
  do {
    let byte = z % 128;
    z = Math.floor(z / 128);
    if (z > 0) byte |= 0x80;
    bytes.push(byte);
  } while (z > 0);
  return Buffer.from(bytes);
}

function encodeBytes(b: Buffer): Buffer {
  return Buffer.concat([encodeLong(b.length), b]);
}

/** Writes a container file with one block; `schemaText` goes into the header verbatim. */
export function writeAvroContainer(schemaText: string, records: readonly unknown[], meta: Readonly<Record<string, string>>, codec: 'null' | 'deflate' = 'deflate'): Buffer {
  const type = avroTypeFor(schemaText);
  const header: Buffer[] = [MAGIC];
  const entries = { ...meta, 'avro.schema': schemaText, 'avro.codec': codec };
  header.push(encodeLong(Object.keys(entries).length));
  for (const [key, value] of Object.entries(entries)) header.push(encodeBytes(Buffer.from(key)), encodeBytes(Buffer.from(value)));
  header.push(encodeLong(0));
  const sync = randomBytes(16);
  const raw = Buffer.concat(records.map((r) => type.toBuffer(r)));
  const data = codec === 'deflate' ? deflateRawSync(raw) : raw;
  const block = records.length === 0 ? [] : [encodeLong(records.length), encodeBytes(data), sync];
  return Buffer.concat([...header, sync, ...block]);
}
