/** Avro name rules: full names, namespaces and the spec's name grammar. */
export declare function isValidName(name: string): boolean;
/** A namespace is empty (the null namespace) or dot-separated valid names. */
export declare function isValidNamespace(namespace: string): boolean;
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
