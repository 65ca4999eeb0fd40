/**
 * Confluent Schema Registry's wording for Avro incompatibilities (client/.../avro/Difference.java,
 * CP ≥ 7.4). Its templates carry two `%s` that SchemaValidatorBuilder fills with `new`/`old`: the
 * reader's role first, then the writer's.
 */
import type { CheckFailure, Direction, Incompatibility, SchemaRole } from './types.js';
/** Confluent's prefix when Avro Java throws during a check. */
export declare const UNEXPECTED_EXCEPTION_PREFIX = "Unexpected exception during compatibility check: ";
/** Which schema reads and which writes: BACKWARD checks new ← old, FORWARD old ← new. */
export declare function rolesFor(direction: Direction): {
    readonly reader: SchemaRole;
    readonly writer: SchemaRole;
};
type Described = Pick<Incompatibility, 'type' | 'location' | 'message'>;
/** Confluent's `description` for one incompatibility, e.g. "The field 'email' at path '/fields/2' in the new schema …". */
export declare function describeIncompatibility(incompatibility: Described, reader: SchemaRole, writer: SchemaRole): string;
/** Confluent's whole message line: `{errorType:'…', description:'…', additionalInfo:'…'}` (not JSON). */
export declare function formatConfluentMessage(incompatibility: Described, reader: SchemaRole, writer: SchemaRole): string;
/** Confluent's message when Avro Java aborts the check. */
export declare function describeFailure(failure: Pick<CheckFailure, 'message'>): string;
export {};
