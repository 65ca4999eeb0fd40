/**
 * Schema files as sources for the engine: size-checked, decoded, scanned for the named types they
 * define and use, and grouped with the files that define the types they use (Confluent schema
 * references kept as separate files), so each can be parsed with its dependencies.
 */
import { SchemaError } from '../../avro/errors.js';
import { decodeSchemaBytes, parseJsonDocument, type JsonDocument } from '../../avro/json-document.js';
import { scanNamedTypes, type NamedTypeScan } from '../../avro/references.js';

/**
 * Largest schema file read. The registry stores each schema as one Kafka record, 1 MB by default, so
 * a larger file could not be registered anyway; the limit bounds memory and time on bad input.
 */
export const MAX_SCHEMA_BYTES = 8 * 1024 * 1024;

/** One schema file, scanned; `error` is set when it is not usable JSON. */
export interface ScannedSource {
  readonly file: string;
  /** The decoded text, when decoding worked. */
  readonly text?: string;
  readonly scan?: NamedTypeScan;
  /** The parsed text, handed to the loader so that it does not parse the file again. */
  readonly document?: JsonDocument;
  readonly error?: SchemaError;
}

/** Decodes and scans one file's bytes; never throws for bad input, it records the error instead. */
export function scanSource(file: string, bytes: Uint8Array): ScannedSource {
  if (bytes.length > MAX_SCHEMA_BYTES) {
    const error = new SchemaError('TOO_LARGE', `the file is ${bytes.length} bytes, more than the ${MAX_SCHEMA_BYTES}-byte limit`, {
      file,
      line: 1,
      column: 1,
      hint: 'A schema registry with default settings accepts schemas up to about 1 MB; split the schema.',
    });
    return { file, error };
  }
  let text: string | undefined;
  try {
    text = decodeSchemaBytes(bytes, file);
    const document = parseJsonDocument(text, { file });
    return { file, text, scan: scanNamedTypes(document.value), document };
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    return { file, ...(text !== undefined && { text }), error };
  }
}

/** Which files define a named type, by full name. */
export type NameIndex = ReadonlyMap<string, readonly string[]>;

export function nameIndexOf(sources: Iterable<ScannedSource>): NameIndex {
  const index = new Map<string, string[]>();
  for (const source of sources) {
    for (const name of source.scan?.defines ?? []) index.set(name, [...(index.get(name) ?? []), source.file]);
  }
  return index;
}

/** The files defining the types `source` uses but does not define (all definers, so duplicates surface). */
export function dependenciesOf(source: ScannedSource, index: NameIndex): string[] {
  const files = new Set<string>();
  for (const reference of source.scan?.references ?? []) {
    const definers = reference.candidates.map((name) => index.get(name)).find((found) => found !== undefined);
    for (const file of definers ?? []) if (file !== source.file) files.add(file);
  }
  return [...files];
}

/** Reads sources by file; a file that cannot be read maps to undefined. */
export type SourceReader = (files: readonly string[]) => Promise<ReadonlyMap<string, ScannedSource | undefined>>;

/**
 * `root` and every file it depends on, transitively, read in rounds (one read per round). Files that
 * cannot be read are left out; the parser then reports the type they should have defined as missing.
 */
export async function sourceClosure(root: string, read: SourceReader, index: NameIndex): Promise<Map<string, ScannedSource>> {
  const closure = new Map<string, ScannedSource>();
  const tried = new Set<string>([root]);
  let pending = [root];
  while (pending.length > 0) {
    const sources = await read(pending);
    const next: string[] = [];
    for (const file of pending) {
      const source = sources.get(file);
      if (source === undefined) continue;
      closure.set(file, source);
      for (const dependency of dependenciesOf(source, index)) {
        if (!tried.has(dependency)) {
          tried.add(dependency);
          next.push(dependency);
        }
      }
    }
    pending = next;
  }
  return closure;
}
