import type { CompatibilityLevel, Direction, FindingType } from './compat/index.js';
import { type SchemaInput } from './load.js';
import type { NameValidation } from './names.js';
export interface CompatibilityIssue {
    readonly type: FindingType;
    /** Avro Java's JSON-pointer location in the reader schema. */
    readonly location: string;
    /** Avro Java's message. */
    readonly message: string;
    /** The message in Confluent's (CP ≥ 7.4) vocabulary. */
    readonly description: string;
    /** With checkCompatibility: the index into `history` this finding failed against. */
    readonly version?: number;
    /** With checkCompatibility: 'backward' when the candidate reads old data, 'forward' the reverse. */
    readonly direction?: Direction;
    /** Where the finding is in the candidate (or reader) text, when it was given as text. */
    readonly line?: number;
    readonly column?: number;
}
export interface CompatibilityResult {
    readonly compatible: boolean;
    readonly incompatibilities: CompatibilityIssue[];
}
export interface CheckOptions {
    /**
     * Validate defaults and logical types of the candidate (or reader) strictly, as the registry
     * validates a new schema. Default true for the candidate, false for the reader; history and writer
     * schemas are always read leniently here, as the registry reads what it already stores.
     */
    readonly strict?: boolean;
    /**
     * Name validation (default `strict`: names Avro Java refuses are a SchemaError with their position).
     * `lenient` is for schemas already registered, which Confluent reads without name validation: it
     * applies to `history` in checkCompatibility and to both schemas in checkReaderWriter. The candidate
     * of checkCompatibility is a new schema, so its names are always validated.
     */
    readonly names?: NameValidation;
}
/** Whether `reader` can read data written with `writer`, with every incompatibility. Throws SchemaError. */
export declare function checkReaderWriter(reader: SchemaInput, writer: SchemaInput, options?: CheckOptions): CompatibilityResult;
/**
 * Whether `candidate` may be registered after `history` (oldest first) at a Confluent compatibility
 * level (default BACKWARD). Throws SchemaError for an invalid schema (in the candidate or in `history`;
 * see `names` for registered history with names Avro refuses) and InvalidCompatibilityLevelError for
 * an unknown level.
 */
export declare function checkCompatibility(candidate: SchemaInput, history: readonly SchemaInput[], level?: CompatibilityLevel | string, options?: CheckOptions): CompatibilityResult;
