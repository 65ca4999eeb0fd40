/**
 * The mutable state of one reader/writer check: the location stack, the memo of named-type pairs,
 * and the construction of findings. Kept apart from the rules so that the rules read like the spec.
 */
import type { Field, RecordSchema, Schema, SourceRef } from '../model.js';
import type { CheckFailure, Incompatibility, IncompatibilityType } from './types.js';
/** What a sub-check returns: its findings in traversal order; empty means compatible. */
export type Findings = readonly Incompatibility[];
export declare const COMPATIBLE: Findings;
/** Memo marker for a pair whose check is on the stack (a recursive type). */
declare const IN_PROGRESS: null;
type Token = string | number;
export declare class Walk {
    /** Reference tokens from the outermost root; numbers are field positions and branch indexes. */
    private readonly path;
    /** Index in `path` of the root token of the current location context. */
    private base;
    /** The memo of named pairs, flat while small: most checks meet a handful of named pairs. */
    private readonly memoReaders;
    private readonly memoWriters;
    private readonly memoFindings;
    /** The same memo by reader, then writer, once it outgrows a scan. */
    private memo?;
    /**
     * Name indexes of large records, for this check only: a module-wide WeakMap would outlive it, and
     * V8's young-generation collector keeps a WeakMap's dead keys (whole schemas) alive, which made
     * every scavenge of a long run of checks several times slower.
     */
    private fieldIndexes?;
    enter(token: Token): void;
    leave(): void;
    /**
     * Avro Java checks union branches through a call that starts a new location stack, so findings
     * made below it are relative to that branch. Returns the state to give back to `closeRoot`.
     */
    openRoot(): number;
    closeRoot(saved: number): void;
    /** The memoised findings of a pair: undefined if never seen, COMPATIBLE while it is in progress. */
    recall(reader: Schema, writer: Schema): Findings | undefined;
    markInProgress(reader: Schema, writer: Schema): void;
    remember(reader: Schema, writer: Schema, findings: Findings | typeof IN_PROGRESS): void;
    private indexOf;
    private index;
    /** The fields of `record` by name; the first of a name wins, as Avro Java's field map keeps it. */
    fieldsByName(record: RecordSchema): ReadonlyMap<string, Field>;
    /** A finding at the current location. */
    finding(type: IncompatibilityType, reader: SourceRef, writer: SourceRef, message: string): Incompatibility;
    failure(message: string, reader: SourceRef, writer: SourceRef): CheckFailure;
    /** Avro Java's `getLocation()`: the tokens after the context's root, JSON-pointer escaped. */
    private location;
}
export {};
