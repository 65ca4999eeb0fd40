import type { Schema } from './model.js';
/**
 * Whether a JSON value is a valid default for a schema, following Avro Java 1.12's `Schema.isValidDefault`:
 * a union default may match any branch (AVRO-3649), records need every field given or defaulted.
 * Named types may be recursive, but a default is a finite JSON value, so the walk terminates.
 */
export declare function isValidDefault(schema: Schema, value: unknown): boolean;
