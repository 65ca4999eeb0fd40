import type { ChangeDetails } from './context.js';
import { RULES, type RuleId } from './rules.js';
import type { SchemaChange } from './types.js';

/** Builds a change from its rule (severity, default reason) and its details; absent facts are left out. */
export function makeChange(rule: RuleId, details: ChangeDetails): SchemaChange {
  const spec: { severity: SchemaChange['severity']; reason?: string } = RULES[rule];
  const change: { -readonly [K in keyof SchemaChange]: SchemaChange[K] } = {
    rule,
    severity: spec.severity,
    path: details.path,
    message: details.message,
  };
  const reason = spec.severity === 'warning' ? (details.reason ?? spec.reason) : undefined;
  if (reason !== undefined) change.reason = reason;
  if (details.before !== undefined) change.before = details.before;
  if (details.after !== undefined) change.after = details.after;
  if (details.element !== undefined) change.element = details.element;
  return change;
}
