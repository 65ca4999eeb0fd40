import type { NamedSchema, Schema } from './model.js';
import { type NameValidation } from './names.js';
export interface ParseOptions {
    /** Named in errors and recorded on every node. */
    readonly file?: string;
    /**
     * Strict parsing validates defaults and logical types, as the registry does for a new schema.
     * Lenient parsing accepts what the registry has stored: invalid defaults and logical types pass, and
     * invalid logical types are dropped. Names are governed by `names`, not by this.
     */
    readonly strict?: boolean;
    /**
     * Default `strict`: names are refused where Avro Java's `Schema.Parser` refuses them (the short
     * names of records, enums and fixed types and of their aliases, field names, enum symbols), as the
     * registry does on registration, whatever `strict` says. `lenient` is only for schemas the registry
     * already stores, which it reads without name validation (issue 12).
     */
    readonly names?: NameValidation;
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
