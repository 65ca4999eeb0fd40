/**
 * How a primitive type relates to another under Avro's resolution rules (specification, "Schema
 * Resolution"): int → long, float, double; long → float, double; float → double; string ↔ bytes.
 */
import type { PrimitiveName } from '../model.js';

export type PrimitiveRelation =
  | { readonly kind: 'same' }
  /** Avro reads old values as the new type, without loss. */
  | { readonly kind: 'promoted' }
  /** Avro reads old values as the new type, but some values change. */
  | { readonly kind: 'promoted-lossy'; readonly loss: string }
  /** The reverse of a promotion: Avro cannot read old values as the new type. */
  | { readonly kind: 'narrowed' }
  | { readonly kind: 'changed' };

/** Promotions, with what is lost when something is. */
const PROMOTIONS: Readonly<Partial<Record<PrimitiveName, Readonly<Partial<Record<PrimitiveName, string | null>>>>>> = {
  int: { long: null, float: 'int values beyond 2^24 lose precision', double: null },
  long: { float: 'long values beyond 2^24 lose precision', double: 'long values beyond 2^53 lose precision' },
  float: { double: null },
  string: { bytes: null },
  bytes: { string: 'bytes that are not valid UTF-8 are altered' },
};

export function relatePrimitives(before: PrimitiveName, after: PrimitiveName): PrimitiveRelation {
  if (before === after) return { kind: 'same' };
  const loss = PROMOTIONS[before]?.[after];
  if (loss === null) return { kind: 'promoted' };
  if (loss !== undefined) return { kind: 'promoted-lossy', loss };
  if (PROMOTIONS[after]?.[before] !== undefined) return { kind: 'narrowed' };
  return { kind: 'changed' };
}

/** Whether Avro can read values of `before` as `after` (the same type or a promotion). */
export function readableAs(before: PrimitiveName, after: PrimitiveName): boolean {
  const kind = relatePrimitives(before, after).kind;
  return kind === 'same' || kind === 'promoted' || kind === 'promoted-lossy';
}
