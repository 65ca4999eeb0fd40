/**
 * The typed error for schema input that cannot be used: bad bytes, bad JSON, bad Avro, missing references.
 * It always says what is wrong, where (file, line and column when known, else the JSON pointer) and what to do.
 */
export type SchemaErrorCode = 'INVALID_UTF8' | 'INVALID_JSON' | 'TOO_DEEP' | 'TOO_LARGE' | 'INVALID_SCHEMA' | 'UNKNOWN_TYPE' | 'DUPLICATE_FIELD' | 'DUPLICATE_NAME' | 'DUPLICATE_SYMBOL' | 'INVALID_NAME' | 'INVALID_DEFAULT' | 'INVALID_LOGICAL_TYPE' | 'MISSING_REFERENCE' | 'REFERENCE_CYCLE';
export interface SchemaErrorDetails {
    readonly file?: string;
    /** JSON pointer of the offending node within its document. */
    readonly pointer?: string;
    /** 1-based line and column, when the source text is known. */
    readonly line?: number;
    readonly column?: number;
    /** What the user can do about it. */
    readonly hint?: string;
}
export declare class SchemaError extends Error {
    readonly name = "SchemaError";
    readonly code: SchemaErrorCode;
    readonly file?: string;
    readonly pointer?: string;
    readonly line?: number;
    readonly column?: number;
    readonly hint?: string;
    /** The bare problem, without location or hint; `message` is the full one-line text. */
    readonly problem: string;
    constructor(code: SchemaErrorCode, problem: string, details?: SchemaErrorDetails);
    /** A copy with more location facts filled in (e.g. the line once the pointer is mapped to the text). */
    withDetails(details: SchemaErrorDetails): SchemaError;
}
/** `file:line:column: problem (at /pointer). hint` on one line. */
export declare function formatSchemaError(problem: string, details: SchemaErrorDetails): string;
