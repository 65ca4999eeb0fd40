/**
 * A record scanner for the hottest loop of expiration: the million-odd entries of a table's manifest lists. It
 * walks Avro binary data with the writer schema, skips every field except a few top-level ones chosen by Iceberg
 * field id, and records where a wanted string lies (start/end offsets) or what a wanted int/long is, in a reused
 * Float64Array: no allocation per record, so the caller creates a string only for a path it has not seen yet.
 * `compileScanner` returns undefined for any schema shape it does not handle; callers then decode with avsc.
 */

export class ByteReader {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  /** A zig-zag varint as a JS number (exact below 2^53: lengths, counts, enum and union indexes). */
  long(): number {
    const buf = this.buf;
    let result = 0;
    let shift = 1;
    let byte: number;
    do {
      if (this.pos >= buf.length) throw new RangeError('truncated varint');
      byte = buf[this.pos++] as number;
      result += (byte & 0x7f) * shift;
      shift *= 128;
    } while (byte & 0x80);
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }

  skip(length: number): void {
    if (length < 0 || this.pos + length > this.buf.length) throw new RangeError('truncated record');
    this.pos += length;
  }
}

type Skip = (r: ByteReader) => void;
type Capture = (r: ByteReader, out: Float64Array, slot: number) => void;
export type CaptureKind = 'string' | 'number';

export interface RecordScanner {
  /** Per wanted id (same order): what its slot holds, or undefined when the schema has no such field. */
  readonly kinds: readonly (CaptureKind | undefined)[];
  /**
   * Reads one record. For wanted slot i: out[2i], out[2i+1] = start, end of a string, or value, 1 for a number;
   * a null union branch leaves out[2i+1] = 0 for a number and -1 for a string.
   */
  readonly scan: (r: ByteReader, out: Float64Array) => void;
}

class Unsupported extends Error {}

const FIXED_WIDTH: Readonly<Record<string, number>> = { null: 0, boolean: 1, float: 4, double: 8 };
const skipVarint: Skip = (r) => { r.long(); };
const skipLengthPrefixed: Skip = (r) => { r.skip(r.long()); };

interface Scope { readonly named: Map<string, Skip>; readonly namespace: string | undefined }

function fullName(name: string, namespace: string | undefined): string {
  return name.includes('.') || namespace === undefined || namespace === '' ? name : `${namespace}.${name}`;
}

function skipBlocks(item: Skip, isMap: boolean): Skip {
  return (r) => {
    for (let count = r.long(); count !== 0; count = r.long()) {
      if (count < 0) { r.skip(r.long()); continue; } // a block with its byte size: skip it whole
      if (count > r.buf.length - r.pos) throw new RangeError('implausible block count');
      for (let i = 0; i < count; i++) {
        if (isMap) skipLengthPrefixed(r);
        item(r);
      }
    }
  };
}

function namedSkip(schema: Record<string, unknown>, scope: Scope): Skip {
  const { type, name } = schema;
  if (typeof name !== 'string') throw new Unsupported();
  const namespace = typeof schema['namespace'] === 'string' ? schema['namespace'] : scope.namespace;
  const key = fullName(name, namespace);
  if (type === 'enum') { scope.named.set(key, skipVarint); return skipVarint; }
  if (type === 'fixed') {
    const size = schema['size'];
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw new Unsupported();
    const skip: Skip = (r) => r.skip(size);
    scope.named.set(key, skip);
    return skip;
  }
  if (type !== 'record' && type !== 'error') throw new Unsupported();
  const fields: Skip[] = [];
  const skip: Skip = (r) => { for (const f of fields) f(r); };
  scope.named.set(key, skip); // before the fields: a record may refer to itself
  const inner: Scope = { named: new Map(), namespace: key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : namespace };
  for (const field of recordFields(schema)) fields.push(skipperFor(field['type'], inner));
  return skip;
}

function recordFields(schema: Record<string, unknown>): Array<Record<string, unknown>> {
  const fields = schema['fields'];
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'object' && f !== null)) throw new Unsupported();
  return fields as Array<Record<string, unknown>>;
}

function canBeEmpty(schema: unknown): boolean {
  if (schema === 'null') return true;
  const s = schema as Record<string, unknown> | null;
  return typeof s === 'object' && s !== null && !Array.isArray(s) && (s.type === 'null' || ((s.type === 'record' || s.type === 'error') && Array.isArray(s.fields) && s.fields.length === 0));
}

function skipperFor(schema: unknown, scope: Scope): Skip {
  if (typeof schema === 'string') {
    if (schema in FIXED_WIDTH) { const width = FIXED_WIDTH[schema] as number; return (r) => r.skip(width); }
    if (schema === 'int' || schema === 'long') return skipVarint;
    if (schema === 'string' || schema === 'bytes') return skipLengthPrefixed;
    const named = scope.named.get(fullName(schema, scope.namespace)) ?? scope.named.get(schema);
    if (named === undefined) throw new Unsupported();
    return (r) => named(r);
  }
  if (Array.isArray(schema)) {
    const branches = schema.map((b) => skipperFor(b, scope));
    return (r) => {
      const branch = branches[r.long()];
      if (branch === undefined) throw new RangeError('invalid union index');
      branch(r);
    };
  }
  if (typeof schema !== 'object' || schema === null) throw new Unsupported();
  const s = schema as Record<string, unknown>;
  if (s.type === 'array' || s.type === 'map') {
    const items = s.type === 'array' ? s['items'] : s['values'];
    if (s.type === 'array' && canBeEmpty(items)) throw new Unsupported(); // zero-width items: counts unbounded
    return skipBlocks(skipperFor(items, scope), s.type === 'map');
  }
  if (s.type === 'record' || s.type === 'error' || s.type === 'enum' || s.type === 'fixed') return namedSkip(s, scope);
  return skipperFor(s.type, scope); // primitive with attributes (logical types)
}

function captureFor(schema: unknown): { kind: CaptureKind; capture: Capture } {
  const base = typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? (schema as { type: unknown }).type : schema;
  if (base === 'string') return { kind: 'string', capture: (r, out, slot) => { const len = r.long(); out[2 * slot] = r.pos; r.skip(len); out[2 * slot + 1] = r.pos; } };
  if (base === 'int' || base === 'long') return { kind: 'number', capture: (r, out, slot) => { out[2 * slot] = r.long(); out[2 * slot + 1] = 1; } };
  if (Array.isArray(schema) && schema.length === 2) {
    const nullAt = schema.indexOf('null');
    if (nullAt === -1) throw new Unsupported();
    const inner = captureFor(schema[1 - nullAt]);
    const absent = inner.kind === 'string' ? -1 : 0;
    return {
      kind: inner.kind,
      capture: (r, out, slot) => {
        const branch = r.long();
        if (branch === nullAt) { out[2 * slot + 1] = absent; return; }
        if (branch !== 1 - nullAt) throw new RangeError('invalid union index');
        inner.capture(r, out, slot);
      },
    };
  }
  throw new Unsupported();
}

/** A scanner for records of `writerSchema` capturing the top-level fields with the given field ids. */
export function compileScanner(writerSchema: unknown, wantedIds: readonly number[]): RecordScanner | undefined {
  try {
    if (typeof writerSchema !== 'object' || writerSchema === null || Array.isArray(writerSchema)) return undefined;
    const schema = writerSchema as Record<string, unknown>;
    if (schema['type'] !== 'record') return undefined;
    const kinds: (CaptureKind | undefined)[] = wantedIds.map(() => undefined);
    const steps: Array<(r: ByteReader, out: Float64Array) => void> = [];
    const name = typeof schema['name'] === 'string' ? fullName(schema['name'], typeof schema['namespace'] === 'string' ? schema['namespace'] : undefined) : '';
    const inner: Scope = { named: new Map(), namespace: name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : undefined };
    for (const field of recordFields(schema)) {
      const slot = wantedIds.indexOf(field['field-id'] as number);
      if (slot === -1) { const skip = skipperFor(field['type'], inner); steps.push((r) => skip(r)); continue; }
      if (kinds[slot] !== undefined) return undefined; // the same id twice: let avsc and the id index decide
      const { kind, capture } = captureFor(field['type']);
      kinds[slot] = kind;
      steps.push((r, out) => capture(r, out, slot));
    }
    return { kinds, scan: (r, out) => { for (const step of steps) step(r, out); } };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
