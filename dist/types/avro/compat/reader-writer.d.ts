import type { Schema } from '../model.js';
import type { PairResult } from './types.js';
import { Walk } from './walk.js';
import type { Findings } from './walk.js';
/** Checks whether `reader` can decode all data written with `writer`; pure, never throws on valid models. */
export declare function checkReaderWriterSchemas(reader: Schema, writer: Schema): PairResult;
/** Checks one pair under `token`. Named pairs are memoised: that is what ends recursive types. */
export declare function checkPair(walk: Walk, token: string | number, reader: Schema, writer: Schema): Findings;
