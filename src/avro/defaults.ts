import type { Schema } from './model.js';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

/**
 * Whether a JSON value is a valid default for a schema, following Avro Java 1.12's `Schema.isValidDefault`:
 * a union default may match any branch (AVRO-3649), records need every field given or defaulted.
 * Named types may be recursive, but a default is a finite JSON value, so the walk terminates.
 */
export function isValidDefault(schema: Schema, value: unknown): boolean {
  switch (schema.kind) {
    case 'primitive':
      return isValidPrimitiveDefault(schema.type, value);
    case 'enum':
      return typeof value === 'string' && schema.symbols.includes(value);
    case 'fixed':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value) && value.every((item) => isValidDefault(schema.items, item));
    case 'map':
      return isPlainObject(value) && Object.values(value).every((v) => isValidDefault(schema.values, v));
    case 'union':
      return schema.branches.some((branch) => isValidDefault(branch, value));
    case 'record':
      return (
        isPlainObject(value) &&
        schema.fields.every((field) =>
          field.name in value ? isValidDefault(field.type, value[field.name]) : field.default !== undefined,
        )
      );
  }
}

function isValidPrimitiveDefault(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'int':
      return Number.isInteger(value) && (value as number) >= INT_MIN && (value as number) <= INT_MAX;
    case 'long':
      return Number.isInteger(value);
    case 'float':
    case 'double':
      return typeof value === 'number' || (typeof value === 'string' && NON_FINITE.has(value));
    default: // bytes, string
      return typeof value === 'string';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
