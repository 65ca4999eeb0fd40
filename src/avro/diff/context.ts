/**
 * The state shared while two schemas are walked side by side: where we are (a `Place`) and how a module
 * reports a change or descends into a pair of child types (a `Walk`). Modules receive a `Walk` instead of
 * importing the traversal, so the recursion has one owner.
 */
import type { Schema, SourceRef } from '../model.js';
import type { RuleId } from './rules.js';
import type { ChangeElement } from './types.js';

/** Everything of a change but its rule's fixed facts (severity, default reason). */
export interface ChangeDetails {
  readonly path: string;
  readonly message: string;
  /** Overrides the rule's reason, for warnings whose cause is more specific. */
  readonly reason?: string;
  readonly before?: SourceRef;
  readonly after?: SourceRef;
  readonly element?: ChangeElement;
}

export interface Walk {
  emit(rule: RuleId, details: ChangeDetails): void;
  /** Compares an old and a new type found at the same place. */
  compare(before: Schema, after: Schema, place: Place): void;
}

/** Where a pair of types sits, in the words of the new schema. */
export interface Place {
  /** Human path: `Tick.quote.bid`, `Book.levels[]`, `Ref.attrs{}`, `Event.payload<Trade>`. */
  readonly path: string;
  /** How messages name the thing whose type this is: `field 'bid'`, `items of field 'levels'`. */
  readonly subject: string;
  /** The nearest enclosing field, which type-level changes are reported against. */
  readonly owner?: ChangeElement;
  /** True at the schema's root, where a union's named branches start their own paths. */
  readonly root?: boolean;
}

export function rootPlace(after: Schema): Place {
  const path = 'name' in after ? after.name : `(${after.kind === 'primitive' ? after.type : after.kind})`;
  return { path, subject: 'the root', root: true };
}

export function fieldPlace(record: Place, recordFullName: string, oldName: string, newName: string): Place {
  return {
    path: `${record.path}.${newName}`,
    subject: `field '${newName}'`,
    owner: { kind: 'field', record: recordFullName, name: oldName },
  };
}

export function itemsPlace(place: Place): Place {
  return { path: `${place.path}[]`, subject: `items of ${place.subject}`, owner: place.owner };
}

export function valuesPlace(place: Place): Place {
  return { path: `${place.path}{}`, subject: `values of ${place.subject}`, owner: place.owner };
}

/**
 * A union branch keeps its union's place when it is the only non-null branch (`["null", Quote]` reads as
 * `Tick.quote`); otherwise the branch is named in the path so that two branches' fields stay apart. A
 * named branch of a root union starts its own path (`Trade.price`).
 */
export function branchPlace(place: Place, branch: Schema, severalBranches: boolean): Place {
  if (place.root && 'name' in branch) return { path: branch.name, subject: place.subject };
  if (!severalBranches) return place;
  const label = 'name' in branch ? branch.name : branch.kind === 'primitive' ? branch.type : branch.kind;
  return { path: `${place.path}<${label}>`, subject: place.subject, owner: place.owner };
}

/** A source reference to a node, or to a part of it (`/symbols/2`). */
export function refOf(node: SourceRef, suffix = ''): SourceRef {
  const pointer = `${node.pointer}${suffix}`;
  return node.file === undefined ? { pointer } : { pointer, file: node.file };
}
