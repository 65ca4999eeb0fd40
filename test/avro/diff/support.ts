import { diffSchemas, type SchemaChange } from '../../../src/avro/diff/index.js';
import { parseSchema } from '../../../src/avro/parse.js';

/** Parses both documents (as `old.avsc` and `new.avsc`) and diffs them. */
export function diffJson(before: unknown, after: unknown): SchemaChange[] {
  const old = parseSchema(before, { file: 'old.avsc' }).root;
  const next = parseSchema(after, { file: 'new.avsc' }).root;
  return diffSchemas(old, next);
}

/** The part of a change a reader sees first. */
export function brief(change: SchemaChange): Pick<SchemaChange, 'rule' | 'severity' | 'path' | 'message'> {
  return { rule: change.rule, severity: change.severity, path: change.path, message: change.message };
}

/** A `Tick` record in namespace `md` with the given fields. */
export function tick(fields: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'record', name: 'Tick', namespace: 'md', fields, ...extra };
}

/** A `Tick` with one field `f` of the given type and extra field attributes. */
export function oneField(type: unknown, attributes: Record<string, unknown> = {}): Record<string, unknown> {
  return tick([{ name: 'f', type, ...attributes }]);
}
