import type { RecordSchema, Schema } from '../model.js';
import type { CheckFailure } from './types.js';
import type { Findings, Walk } from './walk.js';
/** The pair check to recurse with (passed in to keep the modules acyclic). */
export type PairCheck = (walk: Walk, token: string | number, reader: Schema, writer: Schema) => Findings;
/** Thrown inside a check where Avro Java throws; caught at the entry point and turned into a result. */
export declare class AmbiguousFieldMatch extends Error {
    readonly failure: CheckFailure;
    readonly name = "AmbiguousFieldMatch";
    constructor(failure: CheckFailure);
}
export declare function checkRecordFields(walk: Walk, reader: RecordSchema, writer: RecordSchema, check: PairCheck): Findings;
