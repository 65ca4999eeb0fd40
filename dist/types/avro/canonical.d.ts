/**
 * Avro's Parsing Canonical Form (specification, "Parsing Canonical Form for Schemas"): primitives as
 * bare names, full names without namespaces, only `name`, `type`, `fields`, `symbols`, `items`,
 * `values` and `size`, in that order, no whitespace, each named type written out at its first
 * occurrence and referenced by full name afterwards. Logical types, defaults, docs, aliases, field
 * order and custom attributes are dropped, so two schemas that read data the same way share a form.
 *
 * Strings are written as `JSON.stringify` writes them: unescaped except for '"', '\' and control
 * characters, which must stay escaped to keep the form JSON. Java writes names unescaped, so the two
 * differ only for names no valid Avro name can have.
 */
import type { Schema } from './model.js';
/** Builds the form with an explicit stack, so the depth of the schema never reaches the call stack. */
export declare function toCanonicalForm(schema: Schema): string;
