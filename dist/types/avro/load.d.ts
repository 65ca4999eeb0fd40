import { type JsonDocument } from './json-document.js';
import type { NamedSchema, Schema } from './model.js';
import { type ParseOptions } from './parse.js';
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
export declare function loadSchemaText(text: string | Uint8Array, options?: ParseOptions): LoadedSchema;
/**
 * Loads a schema given either as text or as parsed JSON. A string is JSON text when it starts like JSON
 * (`{`, `[` or `"`); otherwise it is the parsed JSON of a bare type name such as `int` or `com.acme.Tick`.
 */
export declare function loadSchemaInput(input: SchemaInput, options?: ParseOptions): LoadedSchema;
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
export declare function loadSchemaSet(sources: readonly SchemaSource[], options?: Omit<ParseOptions, 'file' | 'namedTypes'> & {
    readonly namedTypes?: ReadonlyMap<string, NamedSchema>;
}): Map<string, LoadedSchema>;
/** The position of the pointer, or of its closest existing ancestor (a missing key points at its object). */
export declare function nearestPosition(document: JsonDocument, pointer: string): {
    line: number;
    column: number;
} | undefined;
