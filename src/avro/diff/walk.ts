/**
 * The side-by-side traversal of an old and a new schema. Named types are shared nodes and may be
 * recursive, so each old/new pair of named types is compared once: its changes are reported at the first
 * place the new schema's traversal reaches it, and a pair met again (or met inside itself) is skipped.
 */
import { isNamed, type NamedSchema, type Schema } from '../model.js';
import { makeChange } from './changes.js';
import { itemsPlace, refOf, rootPlace, valuesPlace, type Place, type Walk } from './context.js';
import { describeType } from './describe.js';
import { matchNamed } from './match.js';
import { compareEnums, compareFixed, compareNamedHeader } from './named.js';
import { comparePrimitives } from './primitive.js';
import { compareRecords } from './record.js';
import type { SchemaChange } from './types.js';
import { compareUnions } from './union.js';

/**
 * Lists what changed from `before` (the old schema) to `after` (the new one). Pure and deterministic:
 * changes come in the new schema's depth-first order (a named type's own changes, then its fields in
 * the new order, each field's own changes before its type's), and within a record, enum or union the
 * removed elements come after everything the new schema has.
 */
export function diffSchemas(before: Schema, after: Schema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const visited = new Map<NamedSchema, Set<NamedSchema>>();
  const walk: Walk = {
    emit: (rule, details) => changes.push(makeChange(rule, details)),
    compare: (old, next, place) => compareTypes(walk, visited, old, next, place),
  };
  walk.compare(before, after, rootPlace(after));
  return changes;
}

type Visited = Map<NamedSchema, Set<NamedSchema>>;

function compareTypes(walk: Walk, visited: Visited, before: Schema, after: Schema, place: Place): void {
  if (before.kind === 'union' || after.kind === 'union') return compareUnions(walk, before, after, place);
  if (isNamed(before) && isNamed(after)) return compareNamed(walk, visited, before, after, place);
  if (before.kind === 'primitive' && after.kind === 'primitive') return comparePrimitives(walk, before, after, place);
  if (before.kind === 'array' && after.kind === 'array') return walk.compare(before.items, after.items, itemsPlace(place));
  if (before.kind === 'map' && after.kind === 'map') return walk.compare(before.values, after.values, valuesPlace(place));
  typeChanged(walk, before, after, place);
}

function compareNamed(walk: Walk, visited: Visited, before: NamedSchema, after: NamedSchema, place: Place): void {
  const match = before.kind === after.kind ? matchNamed(before, after) : undefined;
  if (!match) return typeChanged(walk, before, after, place);
  if (!firstVisit(visited, before, after)) return;
  compareNamedHeader(walk, before, after, place, match);
  if (before.kind === 'record' && after.kind === 'record') compareRecords(walk, before, after, place);
  else if (before.kind === 'enum' && after.kind === 'enum') compareEnums(walk, before, after, place);
  else if (before.kind === 'fixed' && after.kind === 'fixed') compareFixed(walk, before, after, place);
}

function firstVisit(visited: Visited, before: NamedSchema, after: NamedSchema): boolean {
  const seen = visited.get(before) ?? new Set<NamedSchema>();
  if (seen.has(after)) return false;
  visited.set(before, seen.add(after));
  return true;
}

function typeChanged(walk: Walk, before: Schema, after: Schema, place: Place): void {
  walk.emit('TYPE_CHANGED', {
    path: place.path,
    message: `${place.subject} type changed ${describeType(before)} -> ${describeType(after)}: existing data cannot be read`,
    before: refOf(before),
    after: refOf(after),
    element: place.owner,
  });
}
