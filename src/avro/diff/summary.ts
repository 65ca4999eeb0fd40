import type { ChangeSummary, SchemaChange } from './types.js';

/** Counts changes by severity. */
export function summarizeChanges(changes: readonly SchemaChange[]): ChangeSummary {
  const count = (severity: SchemaChange['severity']) => changes.filter((change) => change.severity === severity).length;
  return { total: changes.length, breaking: count('breaking'), warning: count('warning'), info: count('info') };
}
