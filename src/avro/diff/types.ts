/**
 * Result types of the semantic diff: what changed between two versions of an Avro schema, judged by
 * what the change does to data, not only by whether Avro's resolution accepts it.
 */
import type { SourceRef } from '../model.js';
import type { RuleId } from './rules.js';

/**
 * - `breaking`: consumers on the new schema cannot read existing data, or something consumers on the old
 *   schema require is gone (a field without a default).
 * - `warning`: Avro resolves it for consumers on the new schema, but values lose precision or change
 *   meaning, or consumers still on the old schema cannot decode new data (upgrade them first).
 * - `info`: no consumer is affected.
 */
export type Severity = 'info' | 'warning' | 'breaking';

/** The schema element a change touches, so that a deprecation check can look up its markers. */
export interface ChangeElement {
  readonly kind: 'field' | 'symbol' | 'type';
  /**
   * Full name, in the old schema, of the type that owns the element: the record for a field, the enum for
   * a symbol; absent for a type. (Changes are found inside matched pairs, so the owner exists in both.)
   */
  readonly record?: string;
  /**
   * Field name, enum symbol, or the type's full name; the old schema's name when the element exists
   * there (a renamed field gives its old name), else the new schema's.
   */
  readonly name: string;
}

/** One difference between the old and the new schema. */
export interface SchemaChange {
  /** Rule id, element + change (see `RULES`). */
  readonly rule: RuleId;
  readonly severity: Severity;
  /**
   * Where it happened, from the new schema's root: record short name, then field names; `[]` is an array's
   * items, `{}` a map's values, `<Name>` one branch of a union with several non-null branches.
   */
  readonly path: string;
  /** One sentence with the old and new values and what happens to data. */
  readonly message: string;
  /** For warnings: why it matters although Avro (and so the registry) accepts it. */
  readonly reason?: string;
  /** The node in the old schema. */
  readonly before?: SourceRef;
  /** The node in the new schema. */
  readonly after?: SourceRef;
  readonly element?: ChangeElement;
}

/** A deprecation marker on a field or named type. */
export interface Deprecation {
  readonly deprecated: boolean;
  /** The reason string or the text after `@deprecated`, when one is given. */
  readonly reason?: string;
}

/** Change counts by severity, for report headers. */
export interface ChangeSummary {
  readonly total: number;
  readonly breaking: number;
  readonly warning: number;
  readonly info: number;
}
