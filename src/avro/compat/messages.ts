/**
 * Confluent Schema Registry's wording for Avro incompatibilities (client/.../avro/Difference.java,
 * CP ≥ 7.4). Its templates carry two `%s` that SchemaValidatorBuilder fills with `new`/`old`: the
 * reader's role first, then the writer's.
 */
import type { CheckFailure, Direction, Incompatibility, IncompatibilityType, SchemaRole } from './types.js';

/** Confluent's prefix when Avro Java throws during a check. */
export const UNEXPECTED_EXCEPTION_PREFIX = 'Unexpected exception during compatibility check: ';

/** Which schema reads and which writes: BACKWARD checks new ← old, FORWARD old ← new. */
export function rolesFor(direction: Direction): { readonly reader: SchemaRole; readonly writer: SchemaRole } {
  return direction === 'backward' ? { reader: 'new', writer: 'old' } : { reader: 'old', writer: 'new' };
}

type Described = Pick<Incompatibility, 'type' | 'location' | 'message'>;

const TEMPLATES: Readonly<Record<IncompatibilityType, (i: Described, reader: SchemaRole, writer: SchemaRole) => string>> = {
  FIXED_SIZE_MISMATCH: (i, r, w) =>
    `The size of FIXED type field at path '${i.location}' in the ${r} schema does not match with the ${w} schema`,
  TYPE_MISMATCH: (i, r, w) =>
    `The type (path '${i.location}') of a field in the ${r} schema does not match with the ${w} schema`,
  NAME_MISMATCH: (i) => `The name of the schema has changed (path '${i.location}')`,
  MISSING_ENUM_SYMBOLS: (i, r, w) =>
    `The ${r} schema is missing enum symbols '${i.message}' at path '${i.location}' in the ${w} schema`,
  MISSING_UNION_BRANCH: (i, r, w) =>
    `The ${r} schema is missing a type inside a union field at path '${i.location}' in the ${w} schema`,
  READER_FIELD_MISSING_DEFAULT_VALUE: (i, r, w) =>
    `The field '${i.message}' at path '${i.location}' in the ${r} schema has no default value and is missing in the ${w} schema`,
};

/** Confluent's `description` for one incompatibility, e.g. "The field 'email' at path '/fields/2' in the new schema …". */
export function describeIncompatibility(incompatibility: Described, reader: SchemaRole, writer: SchemaRole): string {
  return TEMPLATES[incompatibility.type](incompatibility, reader, writer);
}

/** Confluent's whole message line: `{errorType:'…', description:'…', additionalInfo:'…'}` (not JSON). */
export function formatConfluentMessage(incompatibility: Described, reader: SchemaRole, writer: SchemaRole): string {
  const description = describeIncompatibility(incompatibility, reader, writer);
  return `{errorType:'${incompatibility.type}', description:'${description}', additionalInfo:'${incompatibility.message}'}`;
}

/** Confluent's message when Avro Java aborts the check. */
export function describeFailure(failure: Pick<CheckFailure, 'message'>): string {
  return `${UNEXPECTED_EXCEPTION_PREFIX}${failure.message}`;
}
