/**
 * Pairing of old and new elements, as Avro's resolution pairs them: named types by unqualified name or
 * by an alias of the new type naming the old one, fields by name or by an alias of the new field, union
 * branches by type identity.
 */
import type { Field, NamedSchema, RecordSchema, Schema } from '../model.js';
import { relatePrimitives } from './promotion.js';

/** How a new named type answers to an old one: same unqualified name, or an alias (a rename). */
export type NamedMatch = 'name' | 'alias';

/**
 * Avro Java 1.9.1+ (`SchemaCompatibility.schemaNameEquals`): equal unqualified names, or the reader's
 * aliases (full names) contain the writer's full name. Kinds are not compared here.
 */
export function matchNamed(before: NamedSchema, after: NamedSchema): NamedMatch | undefined {
  if (before.name === after.name) return 'name';
  return after.aliases.includes(before.fullName) ? 'alias' : undefined;
}

/** One field of the new record and the old field it continues, if any. */
export interface FieldEntry {
  readonly after: Field;
  readonly before?: Field;
  /** True when paired through an alias of the new field (a rename). */
  readonly renamed: boolean;
}

export interface FieldMatch {
  /** Every new field, in the new record's order. */
  readonly entries: readonly FieldEntry[];
  /** Old fields nothing continues, in the old record's order. */
  readonly removed: readonly Field[];
}

/** Exact names win over aliases, so an alias never steals a field that kept its name. */
export function matchFields(before: RecordSchema, after: RecordSchema): FieldMatch {
  const unmatched = new Map(before.fields.map((field) => [field.name, field]));
  const byName = new Map<Field, Field>();
  for (const field of after.fields) {
    const old = unmatched.get(field.name);
    if (old) {
      byName.set(field, old);
      unmatched.delete(field.name);
    }
  }
  const entries = after.fields.map((field): FieldEntry => {
    const old = byName.get(field);
    if (old) return { after: field, before: old, renamed: false };
    const renamedFrom = field.aliases.map((alias) => unmatched.get(alias)).find((candidate) => candidate !== undefined);
    if (!renamedFrom) return { after: field, renamed: false };
    unmatched.delete(renamedFrom.name);
    return { after: field, before: renamedFrom, renamed: true };
  });
  return { entries, removed: before.fields.filter((field) => unmatched.get(field.name) === field) };
}

/** One branch of the new union and the old branch it continues, if any. */
export interface BranchEntry {
  readonly after: Schema;
  readonly before?: Schema;
}

export interface BranchMatch {
  readonly entries: readonly BranchEntry[];
  readonly removed: readonly Schema[];
}

/**
 * Pairs branches in three passes: the same type (same primitive, both arrays, both maps, matching named
 * types); then primitives related by a promotion either way (int with long); then, when exactly one
 * branch is left on each side, those two, so that `["null","string"]` to `["null","int"]` reads as a type
 * change rather than a removal and an addition.
 */
export function matchBranches(before: readonly Schema[], after: readonly Schema[]): BranchMatch {
  const left = new Set(before);
  const pairs = new Map<Schema, Schema>();
  const pass = (related: (old: Schema, next: Schema) => boolean): void => {
    for (const next of after) {
      if (pairs.has(next)) continue;
      const old = [...left].find((candidate) => related(candidate, next));
      if (old) {
        pairs.set(next, old);
        left.delete(old);
      }
    }
  };
  pass(sameType);
  pass(promotionRelated);
  const unpaired = after.filter((next) => !pairs.has(next));
  if (unpaired.length === 1 && left.size === 1) pass(() => true);
  return {
    entries: after.map((next) => ({ after: next, before: pairs.get(next) })),
    removed: before.filter((old) => left.has(old)),
  };
}

function sameType(old: Schema, next: Schema): boolean {
  if (old.kind !== next.kind) return false;
  if (old.kind === 'primitive' && next.kind === 'primitive') return old.type === next.type;
  if ('name' in old && 'name' in next) return matchNamed(old, next) !== undefined;
  return true;
}

function promotionRelated(old: Schema, next: Schema): boolean {
  if (old.kind !== 'primitive' || next.kind !== 'primitive') return false;
  const kind = relatePrimitives(old.type, next.type).kind;
  return kind === 'promoted' || kind === 'promoted-lossy' || kind === 'narrowed';
}
