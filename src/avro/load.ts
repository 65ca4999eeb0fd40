import { SchemaError } from './errors.js';
import { decodeSchemaBytes, parseJsonDocument, type JsonDocument } from './json-document.js';
import type { NamedSchema, Schema } from './model.js';
import { parseSchema, type ParsedSchema, type ParseOptions } from './parse.js';
import { orderByDependencies, scanNamedTypes } from './references.js';

/** A schema ready for checking, with the text it came from when there was one. */
export interface LoadedSchema {
  readonly schema: Schema;
  /** Named types the schema defines itself, by full name. */
  readonly named: ReadonlyMap<string, NamedSchema>;
  /** Present when the schema was given as text: maps pointers back to lines. */
  readonly document?: JsonDocument;
  readonly file?: string;
}

/** A schema as callers give it: JSON text (string or bytes) or an already parsed JSON value. */
export type SchemaInput = string | Uint8Array | object;

/**
 * Loads schema text or bytes: strict UTF-8, JSON with positions, then the Avro model. Every error is a
 * SchemaError that carries the file, line and column of the offending node.
 */
export function loadSchemaText(text: string | Uint8Array, options: ParseOptions = {}): LoadedSchema {
  const decoded = typeof text === 'string' ? text : decodeSchemaBytes(text, options.file);
  const document = parseJsonDocument(decoded, { file: options.file, maxDepth: options.maxDepth });
  const parsed = withPositions(document, () => parseSchema(document.value, options));
  return new Loaded(parsed, document, options.file);
}

/**
 * Loads a schema given either as text or as parsed JSON. A string is JSON text when it starts like JSON
 * (`{`, `[` or `"`); otherwise it is the parsed JSON of a bare type name such as `int` or `com.acme.Tick`.
 */
export function loadSchemaInput(input: SchemaInput, options: ParseOptions = {}): LoadedSchema {
  // typeof first: instanceof on a string still consults Uint8Array's Symbol.hasInstance.
  if (typeof input === 'string') {
    if (looksLikeJsonText(input)) return loadSchemaText(input, options);
  } else if (input instanceof Uint8Array) return loadSchemaText(input, options);
  return new Loaded(parseSchema(input, options), undefined, options.file);
}

/**
 * `named` stays the parser's lazy table, since most callers never read it. A class: V8 builds an
 * object literal with a getter on a slow path.
 */
class Loaded implements LoadedSchema {
  readonly schema: Schema;

  constructor(
    private readonly parsed: ParsedSchema,
    readonly document: JsonDocument | undefined,
    readonly file: string | undefined,
  ) {
    this.schema = parsed.root;
  }

  get named(): ReadonlyMap<string, NamedSchema> {
    return this.parsed.named;
  }
}

function looksLikeJsonText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
    return c === 0x7b || c === 0x5b || c === 0x22;
  }
  return false;
}

/** One schema file of a set whose files may use each other's named types. */
export interface SchemaSource {
  readonly file: string;
  readonly text: string | Uint8Array;
  /**
   * `text` already parsed by `parseJsonDocument` with the default depth limit (a caller that scanned
   * the file first): used as is when no other limit is asked for, so the text is not parsed twice.
   */
  readonly document?: JsonDocument;
}

/**
 * Loads files that refer to each other's named types (Confluent schema references kept as separate
 * files), in dependency order so each file sees the types it uses. Throws MISSING_REFERENCE,
 * REFERENCE_CYCLE or DUPLICATE_NAME with the file that causes it.
 */
export function loadSchemaSet(
  sources: readonly SchemaSource[],
  options: Omit<ParseOptions, 'file' | 'namedTypes'> & { readonly namedTypes?: ReadonlyMap<string, NamedSchema> } = {},
): Map<string, LoadedSchema> {
  const documents = new Map<string, JsonDocument>();
  const items = sources.map((source) => {
    const document =
      source.document !== undefined && options.maxDepth === undefined
        ? source.document
        : parseJsonDocument(typeof source.text === 'string' ? source.text : decodeSchemaBytes(source.text, source.file), { file: source.file, maxDepth: options.maxDepth });
    documents.set(source.file, document);
    const scan = scanNamedTypes(document.value);
    return { id: source.file, defines: scan.defines, references: scan.references };
  });
  const external = new Set(options.namedTypes?.keys() ?? []);
  const unresolvedByOthers = items.map((item) => ({
    ...item,
    // Types supplied from outside the set (registry references) are not dependencies between files.
    references: item.references.filter((ref) => !ref.candidates.some((name) => external.has(name))),
  }));
  const { order, dependsOn } = withPositionsIn(documents, () => orderByDependencies(unresolvedByOthers));
  const loaded = new Map<string, LoadedSchema>();
  for (const file of order) {
    const document = documents.get(file)!;
    const namedTypes = new Map(options.namedTypes ?? []);
    for (const dependency of transitiveDependencies(file, dependsOn)) {
      for (const [name, type] of loaded.get(dependency)!.named) namedTypes.set(name, type);
    }
    const parsed = withPositions(document, () => parseSchema(document.value, { ...options, file, namedTypes }));
    loaded.set(file, new Loaded(parsed, document, file));
  }
  return loaded;
}

function transitiveDependencies(file: string, dependsOn: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>();
  const pending = [...(dependsOn.get(file) ?? [])];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(dependsOn.get(next) ?? []));
  }
  return [...seen].sort();
}

/** Ordering errors name a file and a pointer; add the line and column from that file's text. */
function withPositionsIn<T>(documents: ReadonlyMap<string, JsonDocument>, order: () => T): T {
  try {
    return order();
  } catch (error) {
    const document = error instanceof SchemaError && error.file !== undefined ? documents.get(error.file) : undefined;
    if (document === undefined) throw error;
    return withPositions(document, () => {
      throw error;
    });
  }
}

/** Runs a parse and adds the line and column of the offending node to any SchemaError it throws. */
function withPositions<T>(document: JsonDocument, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof SchemaError) || error.pointer === undefined || error.line !== undefined) throw error;
    const position = nearestPosition(document, error.pointer);
    throw position ? error.withDetails(position) : error;
  }
}

/** The position of the pointer, or of its closest existing ancestor (a missing key points at its object). */
export function nearestPosition(document: JsonDocument, pointer: string): { line: number; column: number } | undefined {
  let current = pointer;
  for (;;) {
    const position = document.positionOf(current);
    if (position || current === '') return position;
    current = current.slice(0, Math.max(0, current.lastIndexOf('/')));
  }
}
