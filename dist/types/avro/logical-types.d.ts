import type { LogicalType } from './model.js';
export type LogicalTypeCheck = {
    ok: true;
    logicalType: LogicalType;
} | {
    ok: false;
    problem: string;
};
/**
 * Validates a logical type annotation against the type it annotates. Unknown names are kept as they are
 * (Avro ignores them); invalid known ones are reported, and the caller decides (strict parse: error,
 * lenient parse: drop it as Avro Java does).
 */
export declare function checkLogicalType(name: string, underlying: string, attributes: {
    precision?: unknown;
    scale?: unknown;
    size?: number;
}): LogicalTypeCheck;
