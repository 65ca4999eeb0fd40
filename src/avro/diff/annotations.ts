/** Changes to what fields and named types carry besides their type: aliases, docs, deprecation markers. */
import type { ChangeDetails, Walk } from './context.js';
import { deprecationOf, type Annotated } from './deprecation.js';
import { formatDoc } from './describe.js';

/** Path, source references and element shared by the changes of one field or type. */
export type Anchor = Omit<ChangeDetails, 'message' | 'reason'>;

/**
 * Reports aliases gained and lost. `renamedFrom` is the alias that records a rename; the rename is
 * reported by its own rule, so that alias is not reported again.
 */
export function compareAliases(
  walk: Walk,
  what: string,
  before: readonly string[],
  after: readonly string[],
  renamedFrom: string | undefined,
  anchor: Anchor,
): void {
  for (const alias of after) {
    if (alias === renamedFrom || before.includes(alias)) continue;
    walk.emit('ALIAS_ADDED', { ...anchor, message: `${what} gained alias '${alias}'` });
  }
  for (const alias of before) {
    if (after.includes(alias)) continue;
    walk.emit('ALIAS_REMOVED', { ...anchor, message: `${what} lost alias '${alias}': data written as '${alias}' can no longer be read` });
  }
}

export function compareDocs(
  walk: Walk,
  rule: 'DOC_CHANGED' | 'FIELD_DOC_CHANGED',
  what: string,
  before: string | undefined,
  after: string | undefined,
  anchor: Anchor,
): void {
  if (before === after) return;
  walk.emit(rule, { ...anchor, message: `${what} doc changed ${formatDoc(before)} -> ${formatDoc(after)}` });
}

/** A changed reason alone is not reported; only gaining or losing the marker matters to the window. */
export function compareDeprecation(walk: Walk, what: string, before: Annotated, after: Annotated, anchor: Anchor): void {
  const old = deprecationOf(before);
  const next = deprecationOf(after);
  if (!old.deprecated && next.deprecated) {
    const reason = next.reason ? `: ${next.reason}` : '';
    walk.emit('DEPRECATION_ADDED', { ...anchor, message: `${what} marked deprecated${reason}` });
  } else if (old.deprecated && !next.deprecated) {
    walk.emit('DEPRECATION_REMOVED', { ...anchor, message: `${what} no longer marked deprecated` });
  }
}
