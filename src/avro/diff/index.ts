/**
 * The semantic diff of two Avro schemas: every change, with a severity judged by what it does to data.
 * Unlike Avro's resolution (and Confluent's checker), it reports logical-type, namespace and default
 * changes that pass silently although they corrupt or change the meaning of data.
 */
export { diffSchemas } from './walk.js';
export { deprecationOf, type Annotated } from './deprecation.js';
export { summarizeChanges } from './summary.js';
export { RULES, RULE_IDS, ruleHasCategory, type RuleCategory, type RuleId, type RuleSpec } from './rules.js';
export type { ChangeElement, ChangeSummary, Deprecation, SchemaChange, Severity } from './types.js';
