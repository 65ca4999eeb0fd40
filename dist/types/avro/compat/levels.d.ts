/**
 * Confluent Schema Registry's seven compatibility levels over a subject's history
 * (CompatibilityChecker.java, SchemaValidatorBuilder.java). Confluent compares newest → oldest and
 * stops at the first failing version; we compare every version the level covers and report all of
 * them, so the verdict is Confluent's and the findings are a superset of its messages.
 */
import type { Schema } from '../model.js';
import type { CompatibilityLevel, LevelResult } from './types.js';
/** A compatibility level name that is not one of Confluent's seven. */
export declare class InvalidCompatibilityLevelError extends Error {
    readonly value: unknown;
    readonly name = "InvalidCompatibilityLevelError";
    constructor(value: unknown);
}
/** Reads a level name in any case (surrounding blanks ignored); throws InvalidCompatibilityLevelError. */
export declare function parseCompatibilityLevel(text: string): CompatibilityLevel;
/**
 * Whether `candidate` may follow `history` (oldest first) under `level`, with every finding.
 * BACKWARD: the candidate reads the latest version's data; FORWARD: the latest reads the candidate's;
 * FULL: both; the transitive levels check every version instead of the latest.
 */
export declare function checkLevel(candidate: Schema, history: readonly Schema[], level: CompatibilityLevel): LevelResult;
