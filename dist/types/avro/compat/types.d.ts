/**
 * Result types of the Avro compatibility engine. They mirror Apache Avro Java 1.12.1's
 * `SchemaCompatibility` (what Confluent Schema Registry runs), so a finding here reads like the
 * registry's own verbose output.
 */
import type { SourceRef } from '../model.js';
/** Avro Java's `SchemaIncompatibilityType`, in its declaration order. */
export type IncompatibilityType = 'NAME_MISMATCH' | 'FIXED_SIZE_MISMATCH' | 'MISSING_ENUM_SYMBOLS' | 'READER_FIELD_MISSING_DEFAULT_VALUE' | 'TYPE_MISMATCH' | 'MISSING_UNION_BRANCH';
/** One reason why the reader cannot decode data written with the writer schema. */
export interface Incompatibility {
    readonly type: IncompatibilityType;
    /**
     * Avro Java's location: a JSON pointer through the reader schema's structure (`/fields/<reader
     * position>/type/items`, union branch indexes, `/name`, `/size`, `/symbols`), `/` for the root.
     * It follows the reader's nesting, not the document: named types referenced by name are walked
     * into, and the positions are the reader's (the old schema's under FORWARD).
     */
    readonly location: string;
    /** Avro Java's `getMessage()` text, e.g. `reader type: INT not compatible with writer type: STRING`. */
    readonly message: string;
    /** Where the reader-side node at fault was declared (the reader field for a missing default). */
    readonly readerNode: SourceRef;
    /** Where the writer-side node at fault was declared. */
    readonly writerNode: SourceRef;
}
/**
 * Avro Java throws instead of reporting when one reader field matches several writer fields (by name
 * and aliases). Confluent turns the exception into "Unexpected exception during compatibility check:
 * <message>", which makes the schemas incompatible.
 */
export interface CheckFailure {
    readonly code: 'AMBIGUOUS_FIELD_MATCH';
    /**
     * Avro Java's exception message, except that the writer record is named by its full name where
     * Java prints its whole JSON.
     */
    readonly message: string;
    /** Location of the reader field, in the same form as `Incompatibility.location`. */
    readonly location: string;
    readonly readerNode: SourceRef;
    readonly writerNode: SourceRef;
}
/** Whether `reader` can decode everything written with `writer`, and every reason why not. */
export interface PairResult {
    readonly compatible: boolean;
    /** All incompatibilities in Avro Java's traversal order; empty when compatible or on `failure`. */
    readonly incompatibilities: readonly Incompatibility[];
    /** Set when Avro Java would have thrown; `compatible` is then false. */
    readonly failure?: CheckFailure;
}
/** Confluent Schema Registry's compatibility levels. */
export declare const COMPATIBILITY_LEVELS: readonly ["NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE"];
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];
/** 'backward': the new schema reads old data. 'forward': an old schema reads new data. */
export type Direction = 'backward' | 'forward';
/** How Confluent's messages name the two schemas. */
export type SchemaRole = 'new' | 'old';
/** An incompatibility type, or Confluent's "Unexpected exception" for a check Avro Java aborts. */
export type FindingType = IncompatibilityType | 'UNEXPECTED_EXCEPTION';
/** One reason why the candidate fails a level against one history version. */
export interface LevelFinding {
    /** Index into `history` (oldest first) of the version compared. */
    readonly version: number;
    readonly direction: Direction;
    readonly type: FindingType;
    /** Avro Java's location in the reader: the candidate for 'backward', the old version for 'forward'. */
    readonly location: string;
    /** Avro Java's message (Confluent's `additionalInfo`). */
    readonly message: string;
    /** Confluent ≥ 7.4 description with new/old filled in, or its "Unexpected exception …" text. */
    readonly description: string;
    readonly readerNode: SourceRef;
    readonly writerNode: SourceRef;
    /** The same nodes by role: `newNode` is in the candidate, `oldNode` in the history version. */
    readonly newNode: SourceRef;
    readonly oldNode: SourceRef;
}
/** The verdict of a level over a history, with every failing version (Confluent stops at the first). */
export interface LevelResult {
    readonly level: CompatibilityLevel;
    /** Equal to Confluent's verdict. */
    readonly compatible: boolean;
    /**
     * Findings, newest version first; within a version in Confluent's order (FULL: the old schema
     * reading new data first, then the new schema reading old data).
     */
    readonly findings: readonly LevelFinding[];
    /** History indexes compared, in comparison order (newest first). */
    readonly checkedVersions: readonly number[];
    /** The version whose messages Confluent reports (the newest failing one); absent when compatible. */
    readonly confluentVersion?: number;
}
