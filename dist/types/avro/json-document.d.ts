/** A 1-based line and column; the column counts Unicode characters (code points), not bytes. */
export interface TextPosition {
    readonly line: number;
    readonly column: number;
}
export interface JsonDocument {
    /** The document text (without a leading byte order mark). */
    readonly text: string;
    readonly file?: string;
    /** The value, exactly as `JSON.parse` builds it (duplicate keys: the last one wins). */
    readonly value: unknown;
    /**
     * Where the JSON value at an RFC 6901 `pointer` is written: '' (and '/', the way Avro writes the root
     * location) is the root. An object member points at its key's opening quote, so a finding about
     * field `type` lands on `"type": ...`; an array element points at its first character.
     * Undefined when nothing is at that pointer.
     */
    positionOf(pointer: string): TextPosition | undefined;
    /** The text of a 1-based line without its line break; '' past the end. */
    lineText(line: number): string;
}
export interface ParseJsonOptions {
    readonly file?: string;
    /** Deepest allowed nesting of objects and arrays; default 1000, Jackson's default that the registry uses. */
    readonly maxDepth?: number;
}
export declare const DEFAULT_JSON_MAX_DEPTH = 1000;
/** Decodes strict UTF-8; a leading byte order mark is dropped. Invalid bytes throw INVALID_UTF8. */
export declare function decodeSchemaBytes(bytes: Uint8Array, file?: string): string;
/** Parses a JSON document; throws SchemaError INVALID_JSON or TOO_DEEP with the exact line and column. */
export declare function parseJsonDocument(text: string, options?: ParseJsonOptions): JsonDocument;
