/**
 * Unions, and a union against a non-union (which counts as a union of one branch, so that `T` to
 * `["null", T]` is one added branch). Branches in the new order, then removed ones.
 */
import type { PrimitiveName, Schema } from '../model.js';
import { branchPlace, refOf, type Place, type Walk } from './context.js';
import { describeType } from './describe.js';
import { matchBranches } from './match.js';
import { readableAs, relatePrimitives } from './promotion.js';

export function compareUnions(walk: Walk, before: Schema, after: Schema, place: Place): void {
  const oldBranches = branchesOf(before);
  const newBranches = branchesOf(after);
  const several = newBranches.filter((branch) => !(branch.kind === 'primitive' && branch.type === 'null')).length > 1;
  const { entries, removed } = matchBranches(oldBranches, newBranches);
  for (const entry of entries) {
    if (entry.before) walk.compare(entry.before, entry.after, branchPlace(place, entry.after, several));
    else branchAdded(walk, before, entry.after, oldBranches, place);
  }
  for (const branch of removed) branchRemoved(walk, branch, after, newBranches, place);
}

function branchesOf(schema: Schema): readonly Schema[] {
  return schema.kind === 'union' ? schema.branches : [schema];
}

function branchAdded(walk: Walk, before: Schema, branch: Schema, oldBranches: readonly Schema[], place: Place): void {
  const reader = primitiveReader(branch, oldBranches);
  const effect = reader
    ? `consumers on the old schema read its values as ${reader}`
    : 'consumers on the old schema cannot read values in it';
  walk.emit('UNION_BRANCH_ADDED', {
    path: place.path,
    message: `${place.subject} gained union branch ${describeType(branch)}: ${effect}`,
    before: refOf(before),
    after: refOf(branch),
    element: place.owner,
  });
}

/** A removed primitive branch whose values promote to a remaining branch is merged, not lost. */
function branchRemoved(walk: Walk, branch: Schema, after: Schema, newBranches: readonly Schema[], place: Place): void {
  const anchor = { path: place.path, before: refOf(branch), after: refOf(after) };
  const reader = primitiveReader(branch, newBranches);
  if (reader && branch.kind === 'primitive') {
    const relation = relatePrimitives(branch.type, reader);
    const lossy = relation.kind === 'promoted-lossy';
    walk.emit(lossy ? 'TYPE_PROMOTED_LOSSY' : 'TYPE_PROMOTED', {
      ...anchor,
      message: `${place.subject} merged union branch ${branch.type} into ${reader}: ${lossy ? relation.loss : `existing ${branch.type} values are read as ${reader}`}`,
      reason: 'Avro reads values of a removed union branch through a promotion to a remaining branch, so the registry accepts this.',
      element: place.owner,
    });
    return;
  }
  const element = 'name' in branch ? { kind: 'type', name: branch.fullName } as const : place.owner;
  walk.emit('UNION_BRANCH_REMOVED', {
    ...anchor,
    message: `${place.subject} lost union branch ${describeType(branch)}: existing ${describeType(branch)} values cannot be read`,
    element,
  });
}

/** The first of `branches` that Avro can read a primitive `branch` as, through a promotion. */
function primitiveReader(branch: Schema, branches: readonly Schema[]): PrimitiveName | undefined {
  if (branch.kind !== 'primitive') return undefined;
  for (const candidate of branches) {
    if (candidate.kind === 'primitive' && candidate.type !== branch.type && readableAs(branch.type, candidate.type)) {
      return candidate.type;
    }
  }
  return undefined;
}
