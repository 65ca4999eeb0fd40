import type { NamedSchema } from './model.js';
/**
 * The named types one document defines, by full name, while it is parsed. Most documents define one
 * or two: a scan of those finds a name without hashing it (full names are fresh concatenations, so a
 * Map would flatten and hash every one); past two, a Map.
 */
export declare class DefinedTypes {
    private readonly types;
    private byName?;
    get(fullName: string): NamedSchema | undefined;
    add(type: NamedSchema): void;
    /** A new Map of the types in definition order. */
    toMap(): Map<string, NamedSchema>;
}
