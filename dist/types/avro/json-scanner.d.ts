/**
 * An iterative JSON scanner that explains why a text is not JSON: it accepts exactly what `JSON.parse`
 * accepts (RFC 8259) and reports the first problem with its offset and a plain description. It only
 * runs after `JSON.parse` failed, so it favours clear messages over speed; it never recurses, so any
 * nesting depth is safe.
 */
/** The first reason a text cannot be used as a JSON document. */
export interface JsonScanFailure {
    readonly code: 'INVALID_JSON' | 'TOO_DEEP';
    readonly problem: string;
    /** UTF-16 offset of the offending character in the text. */
    readonly offset: number;
    readonly hint?: string;
}
/** Scans `text` as one JSON value; returns the first failure, or undefined when it is valid JSON. */
export declare function findJsonFailure(text: string, maxDepth: number): JsonScanFailure | undefined;
/**
 * Returns the offset of the first bracket that opens a container nested deeper than `maxDepth`, or -1.
 * The text must be valid JSON; strings are skipped with `indexOf`, so this is cheap on large inputs.
 */
export declare function findTooDeep(text: string, maxDepth: number): number;
export declare function tooDeepProblem(maxDepth: number): string;
/** Offset just past the closing quote of the (valid) string literal that starts at `start`. */
export declare function stringEnd(text: string, start: number): number;
/** Whitespace as JSON defines it: space, tab, line feed, carriage return. */
export declare function isJsonWhitespace(c: number): boolean;
export declare function skipWhitespace(text: string, from: number): number;
/** How a character is shown in a message: quoted when printable, else as U+XXXX. */
export declare function describeChar(ch: string): string;
