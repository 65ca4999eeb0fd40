/**
 * The parsed Avro schema model shared by the parser, the compatibility engine and the semantic diff.
 *
 * Every node remembers where it was declared (`pointer`, an RFC 6901 JSON pointer into the document it
 * came from, and `file` when it came from a file) so that findings can be mapped back to a line and column.
 * Named types are shared objects: a reference by name points at the same node as its definition, so the
 * graph may be cyclic (recursive records).
 */
export type PrimitiveName = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';
export declare const PRIMITIVE_NAMES: ReadonlySet<string>;
/** Where a node was declared. */
export interface SourceRef {
    /** JSON pointer of the declaring JSON value within its document; '' is the document root. */
    readonly pointer: string;
    /** The file the document came from, when known. */
    readonly file?: string;
}
/** A logical type annotation. Avro ignores these for resolution; the semantic diff does not. */
export interface LogicalType {
    readonly name: string;
    readonly precision?: number;
    readonly scale?: number;
}
interface NodeBase extends SourceRef {
    readonly logicalType?: LogicalType;
    /** Attributes that are not part of the Avro grammar (e.g. `deprecated`, `x-owner`), as written. */
    readonly attributes: Readonly<Record<string, unknown>>;
}
export interface PrimitiveSchema extends NodeBase {
    readonly kind: 'primitive';
    readonly type: PrimitiveName;
}
interface NamedBase extends NodeBase {
    /** Full name, `namespace.name`, or just `name` in the null namespace. */
    readonly fullName: string;
    /** The unqualified name. Avro (since 1.9.1) and Confluent match named types on this. */
    readonly name: string;
    readonly namespace: string;
    /** Aliases, resolved to full names against this type's namespace. */
    readonly aliases: readonly string[];
    readonly doc?: string;
}
export type FieldOrder = 'ascending' | 'descending' | 'ignore';
export interface Field extends SourceRef {
    readonly name: string;
    /** Position among the record's fields; Avro's locations use it. */
    readonly position: number;
    readonly type: Schema;
    /** Present when the field declares a default; `value` is the JSON value as written. */
    readonly default?: {
        readonly value: unknown;
    };
    readonly aliases: readonly string[];
    readonly order: FieldOrder;
    readonly doc?: string;
    readonly attributes: Readonly<Record<string, unknown>>;
}
export interface RecordSchema extends NamedBase {
    readonly kind: 'record';
    readonly isError: boolean;
    readonly fields: readonly Field[];
}
export interface EnumSchema extends NamedBase {
    readonly kind: 'enum';
    readonly symbols: readonly string[];
    readonly default?: string;
}
export interface FixedSchema extends NamedBase {
    readonly kind: 'fixed';
    readonly size: number;
}
export interface ArraySchema extends NodeBase {
    readonly kind: 'array';
    readonly items: Schema;
}
export interface MapSchema extends NodeBase {
    readonly kind: 'map';
    readonly values: Schema;
}
export interface UnionSchema extends NodeBase {
    readonly kind: 'union';
    readonly branches: readonly Schema[];
}
export type NamedSchema = RecordSchema | EnumSchema | FixedSchema;
export type Schema = PrimitiveSchema | NamedSchema | ArraySchema | MapSchema | UnionSchema;
export declare function isNamed(schema: Schema): schema is NamedSchema;
/** The upper-case type name Avro Java prints in messages: INT, RECORD, UNION, ... */
export declare function typeLabel(schema: Schema): string;
export {};
