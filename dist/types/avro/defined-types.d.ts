import type { NamedSchema } from './model.js';
/**
 * The named types one document defines, by full name, while it is parsed. Most documents define one
 * or two: a scan of those finds a name without hashing it. Past two, a Map keyed by short name: a
 * full name is a fresh concatenation, which a Map would flatten and hash on every lookup, while a
 * short name is short and, unless the name was dotted, the very string JSON.parse made.
 */
export declare class DefinedTypes {
    private readonly types;
    private byShortName?;
    /** The type with this full name. */
    get(fullName: string): NamedSchema | undefined;
    /** The type with this full name, whose short part the caller has at hand: no slice to hash. */
    getDeclared(name: string, fullName: string): NamedSchema | undefined;
    add(type: NamedSchema): void;
    /** A new Map of the types by full name, in definition order. */
    toMap(): Map<string, NamedSchema>;
    private scan;
    private among;
    private index;
}
