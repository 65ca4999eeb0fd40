/** Avro name rules: full names, namespaces and the name grammar Avro Java enforces. */
/**
 * How names are validated. `strict` refuses what Avro Java's default `Schema.Parser` refuses (and so
 * what the registry refuses on registration); `lenient` accepts any name, as the registry reads the
 * schemas it already stores (`NameValidator.NO_VALIDATION`).
 */
export type NameValidation = 'strict' | 'lenient';
/**
 * Why Avro Java refuses `name` as a name (record, enum and fixed short names, their aliases, field
 * names, enum symbols), or undefined when it accepts it. Namespaces are never validated by Avro Java.
 */
export declare function nameProblem(name: string): string | undefined;
/**
 * Splits a declared name into namespace and short name. A dotted name carries its own namespace;
 * otherwise the explicit `namespace` attribute wins, then the enclosing one.
 */
export declare function resolveName(declared: string, explicitNamespace: string | undefined, enclosingNamespace: string): {
    fullName: string;
    name: string;
    namespace: string;
};
/** The full name a reference (or alias) means, relative to a namespace. */
export declare function qualify(reference: string, namespace: string): string;
/** The unqualified part of a full name. */
export declare function shortName(fullName: string): string;
/** RFC 6901 escaping of one pointer token. */
export declare function escapePointerToken(token: string | number): string;
