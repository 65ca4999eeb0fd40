/** A use of a named type by name that the schema itself does not define. */
export interface TypeReference {
    /**
     * The full names it may denote, in the order Avro tries them: the enclosing namespace's reading
     * first, then (for an unqualified name inside a namespace) the null namespace's.
     */
    readonly candidates: readonly string[];
    /** JSON pointer of the referencing string within its document. */
    readonly pointer: string;
}
export interface NamedTypeScan {
    /** Full names of the records, enums and fixed types the schema defines, in document order. */
    readonly defines: string[];
    /** Named types it uses but does not define, once each, in document order. */
    readonly references: TypeReference[];
}
/**
 * A cheap, iterative pre-scan of a raw schema JSON value. Shapes that are not valid Avro are skipped
 * silently: reporting them is the parser's job.
 */
export declare function scanNamedTypes(value: unknown): NamedTypeScan;
/** One schema file (or registry subject) and what it defines and needs. */
export interface DependencyItem {
    readonly id: string;
    readonly defines: readonly string[];
    /** Full names, or scanned references whose first defined candidate is the one used. */
    readonly references: ReadonlyArray<string | TypeReference>;
}
export interface DependencyOrder<T extends DependencyItem> {
    /** Item ids, each after every item it depends on; ties in id order. */
    readonly order: string[];
    /** The items in that order. */
    readonly items: T[];
    /** For each id, the ids of the items that define types it uses, sorted. */
    readonly dependsOn: ReadonlyMap<string, readonly string[]>;
}
/**
 * Orders items so that each comes after the items defining the types it references. Throws
 * DUPLICATE_NAME (a type defined by two items), MISSING_REFERENCE (a type nobody defines) or
 * REFERENCE_CYCLE (items that need each other).
 */
export declare function orderByDependencies<T extends DependencyItem>(items: readonly T[]): DependencyOrder<T>;
