import type { NamedSchema, Schema } from './model.js';
export interface ParseOptions {
    /** Named in errors and recorded on every node. */
    readonly file?: string;
    /**
     * Strict parsing validates names, defaults and logical types, as the registry does for a new schema.
     * Lenient parsing accepts what the registry has stored (Avro Java parses stored schemas without
     * validation): invalid defaults, names and logical types pass, and invalid logical types are dropped.
     */
    readonly strict?: boolean;
    /** Named types defined elsewhere (schema references, other files), by full name. */
    readonly namedTypes?: ReadonlyMap<string, NamedSchema>;
    /** Deepest schema nesting accepted; deeper input gets a TOO_DEEP error instead of a stack overflow. */
    readonly maxDepth?: number;
}
export interface ParsedSchema {
    readonly root: Schema;
    /** The named types this document defines, by full name. */
    readonly named: Map<string, NamedSchema>;
}
/** Matches Jackson's default nesting limit, which Confluent's registry enforces when it reads JSON. */
export declare const DEFAULT_MAX_DEPTH = 1000;
/** Parses an Avro schema given as a JSON value into the shared model. Throws SchemaError with a pointer. */
export declare function parseSchema(json: unknown, options?: ParseOptions): ParsedSchema;
