/**
 * The semantic diff's rule table. Each id names an element and a change; its severity is fixed, so a
 * rule id alone says how bad a change is (see `Severity` for the model). Warnings carry the reason why
 * they matter although Avro, and so Confluent's registry, accepts them.
 *
 * Categories let later checks select changes without listing ids: the deprecation window (issue 4 §5)
 * gates `REMOVAL` and `NARROWING`, which covers every removed field or symbol, with or without default.
 */
import type { Severity } from './types.js';

export type RuleCategory =
  | 'ADDITION'
  | 'REMOVAL'
  | 'RENAME'
  | 'NARROWING'
  | 'WIDENING'
  | 'TYPE'
  | 'DEFAULT'
  | 'LOGICAL_TYPE'
  | 'DOCUMENTATION'
  | 'DEPRECATION'
  | 'METADATA';

export interface RuleSpec {
  readonly severity: Severity;
  readonly categories: readonly RuleCategory[];
  readonly purpose: string;
  /** Why a warning matters although Avro accepts it; a change may give a more specific one. */
  readonly reason?: string;
}

const LOGICAL_REASON =
  'Avro ignores logical types when it resolves schemas, so the registry accepts this; the same bytes are now interpreted differently.';
const OLD_CONSUMERS_REASON =
  'The registry\'s default BACKWARD check only asks whether new consumers read old data; consumers still on the old schema cannot decode what new producers write, so upgrade consumers first.';

export const RULES = {
  FIELD_ADDED: {
    severity: 'info', categories: ['ADDITION'],
    purpose: 'A field was added with a default: old data reads the default, old consumers skip it.',
  },
  FIELD_ADDED_WITHOUT_DEFAULT: {
    severity: 'breaking', categories: ['ADDITION'],
    purpose: 'A field was added without a default: consumers on the new schema cannot read existing data.',
  },
  FIELD_REMOVED: {
    severity: 'breaking', categories: ['REMOVAL'],
    purpose: 'A field without a default was removed: consumers on the old schema cannot read new data.',
  },
  FIELD_REMOVED_WITH_DEFAULT: {
    severity: 'warning', categories: ['REMOVAL'],
    purpose: 'A field with a default was removed: consumers on the old schema silently read the default.',
    reason: 'Avro fills a field missing from the data with the reader\'s default, so the registry accepts the removal.',
  },
  FIELD_RENAMED: {
    severity: 'warning', categories: ['RENAME'],
    purpose: 'A field was renamed, keeping the old name as an alias.',
    reason: 'The alias lets new consumers read old data, so BACKWARD checks pass; consumers on the old schema know no alias for the new name.',
  },
  FIELD_DEFAULT_ADDED: {
    severity: 'info', categories: ['DEFAULT'],
    purpose: 'A field gained a default.',
  },
  FIELD_DEFAULT_REMOVED: {
    severity: 'warning', categories: ['DEFAULT'],
    purpose: 'A field lost its default.',
    reason: 'Adjacent versions still resolve because both have the field, but this version cannot read data from versions without it (transitive checks fail: 1 == 2, 2 == 3, 3 != 1), and removing the field later becomes breaking.',
  },
  FIELD_DEFAULT_CHANGED: {
    severity: 'warning', categories: ['DEFAULT'],
    purpose: 'A field\'s default value changed.',
    reason: 'Avro uses the reader\'s default only for data that lacks the field, so the registry never compares defaults.',
  },
  FIELD_ORDER_CHANGED: {
    severity: 'info', categories: ['METADATA'],
    purpose: 'A field\'s sort order (ascending, descending, ignore) changed; only sorting of encoded data is affected.',
  },
  FIELD_DOC_CHANGED: {
    severity: 'info', categories: ['DOCUMENTATION'],
    purpose: 'A field\'s doc changed.',
  },
  ALIAS_ADDED: {
    severity: 'info', categories: ['METADATA'],
    purpose: 'A field or named type gained an alias (other than one recording a rename, which is reported as such).',
  },
  ALIAS_REMOVED: {
    severity: 'warning', categories: ['METADATA'],
    purpose: 'A field or named type lost an alias.',
    reason: 'Adjacent versions share the current name, so the registry accepts this; only data written under the alias\'s old name becomes unreadable.',
  },
  NAME_CHANGED: {
    severity: 'warning', categories: ['RENAME'],
    purpose: 'A named type was renamed, keeping the old name as an alias.',
    reason: 'The alias lets new consumers read old data, so BACKWARD checks pass; consumers on the old schema know no alias for the new name.',
  },
  NAMESPACE_CHANGED: {
    severity: 'warning', categories: ['RENAME'],
    purpose: 'A named type kept its name but moved to another namespace.',
    reason: 'Avro since 1.9.1 and the registry compare unqualified names, but generated SpecificRecord classes, Avro before 1.9.1 and avsc by default resolve by full name.',
  },
  DOC_CHANGED: {
    severity: 'info', categories: ['DOCUMENTATION'],
    purpose: 'A named type\'s doc changed.',
  },
  DEPRECATION_ADDED: {
    severity: 'info', categories: ['DEPRECATION'],
    purpose: 'A field or named type gained a deprecation marker ("deprecated": true or a reason, or a doc starting @deprecated).',
  },
  DEPRECATION_REMOVED: {
    severity: 'info', categories: ['DEPRECATION'],
    purpose: 'A field or named type lost its deprecation marker; a deprecation window restarts when it comes back.',
  },
  ENUM_SYMBOL_ADDED: {
    severity: 'warning', categories: ['ADDITION', 'WIDENING'],
    purpose: 'An enum gained a symbol.',
    reason: OLD_CONSUMERS_REASON,
  },
  ENUM_SYMBOL_REMOVED: {
    severity: 'breaking', categories: ['REMOVAL', 'NARROWING'],
    purpose: 'An enum without a default lost a symbol: existing data holding it cannot be read.',
  },
  ENUM_SYMBOL_REMOVED_WITH_DEFAULT: {
    severity: 'warning', categories: ['REMOVAL', 'NARROWING'],
    purpose: 'An enum with a default lost a symbol: existing data holding it reads as the default.',
    reason: 'Avro reads a symbol the reader does not know as the reader enum\'s default, so the registry accepts the removal.',
  },
  ENUM_DEFAULT_ADDED: {
    severity: 'info', categories: ['DEFAULT'],
    purpose: 'An enum gained a default for symbols it does not know.',
  },
  ENUM_DEFAULT_REMOVED: {
    severity: 'warning', categories: ['DEFAULT'],
    purpose: 'An enum lost its default: unknown symbols fail instead of reading as the default.',
    reason: 'The enum default only applies to symbols the reader does not know, so adjacent versions still resolve; symbols added later will fail.',
  },
  ENUM_DEFAULT_CHANGED: {
    severity: 'warning', categories: ['DEFAULT'],
    purpose: 'An enum\'s default changed: unknown symbols read as another value.',
    reason: 'The enum default only applies to symbols the reader does not know, so the registry does not compare it.',
  },
  FIXED_SIZE_CHANGED: {
    severity: 'breaking', categories: ['TYPE'],
    purpose: 'A fixed type changed size: existing data cannot be read.',
  },
  TYPE_CHANGED: {
    severity: 'breaking', categories: ['TYPE'],
    purpose: 'A type changed to one Avro cannot resolve from it: existing data cannot be read.',
  },
  TYPE_PROMOTED: {
    severity: 'warning', categories: ['TYPE', 'WIDENING'],
    purpose: 'A type was promoted without loss (int to long or double, float to double, string to bytes).',
    reason: OLD_CONSUMERS_REASON,
  },
  TYPE_PROMOTED_LOSSY: {
    severity: 'warning', categories: ['TYPE', 'WIDENING'],
    purpose: 'A type was promoted with possible loss (int or long to float, long to double, bytes to string).',
    reason: 'Avro promotes these types without checking that values fit, so the registry accepts this.',
  },
  TYPE_NARROWED: {
    severity: 'breaking', categories: ['TYPE', 'NARROWING'],
    purpose: 'A type was narrowed (the reverse of a promotion): existing data cannot be read.',
  },
  UNION_BRANCH_ADDED: {
    severity: 'warning', categories: ['TYPE', 'WIDENING'],
    purpose: 'A union gained a branch (a non-union counts as a union of one, so making a field nullable is one).',
    reason: OLD_CONSUMERS_REASON,
  },
  UNION_BRANCH_REMOVED: {
    severity: 'breaking', categories: ['TYPE', 'NARROWING'],
    purpose: 'A union lost a branch: existing data holding it cannot be read.',
  },
  LOGICAL_TYPE_ADDED: {
    severity: 'warning', categories: ['LOGICAL_TYPE'],
    purpose: 'A logical type was added to an existing type (e.g. int to date, string to uuid).',
    reason: LOGICAL_REASON,
  },
  LOGICAL_TYPE_REMOVED: {
    severity: 'warning', categories: ['LOGICAL_TYPE'],
    purpose: 'A logical type was removed: consumers get the raw underlying values.',
    reason: LOGICAL_REASON,
  },
  LOGICAL_TYPE_CHANGED: {
    severity: 'warning', categories: ['LOGICAL_TYPE'],
    purpose: 'A logical type was replaced by another one (e.g. date by time-millis).',
    reason: LOGICAL_REASON,
  },
  DECIMAL_PRECISION_CHANGED: {
    severity: 'warning', categories: ['LOGICAL_TYPE'],
    purpose: 'A decimal\'s precision changed.',
    reason: 'Avro resolves decimals by their underlying bytes and ignores precision and scale (AVRO-2078), so the registry accepts this.',
  },
  DECIMAL_SCALE_CHANGED: {
    severity: 'warning', categories: ['LOGICAL_TYPE'],
    purpose: 'A decimal\'s scale changed: the same unscaled integer is read as another number.',
    reason: 'Avro resolves decimals by their underlying bytes and ignores precision and scale (AVRO-2078), so the registry accepts this.',
  },
  TIMESTAMP_UNIT_CHANGED: {
    severity: 'warning', categories: ['LOGICAL_TYPE'],
    purpose: 'A timestamp, local-timestamp or time changed unit (millis, micros, nanos).',
    reason: LOGICAL_REASON,
  },
  TIMESTAMP_TIMEZONE_CHANGED: {
    severity: 'warning', categories: ['LOGICAL_TYPE'],
    purpose: 'A timestamp (a UTC instant) became a local-timestamp (a wall-clock time without zone), or back.',
    reason: LOGICAL_REASON,
  },
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Whether a rule belongs to a category, e.g. the deprecation window's `REMOVAL` and `NARROWING`. */
export function ruleHasCategory(rule: RuleId, category: RuleCategory): boolean {
  return (RULES[rule].categories as readonly RuleCategory[]).includes(category);
}
