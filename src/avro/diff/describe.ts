/** Short, readable renderings of types and values for change messages. */
import type { Schema } from '../model.js';

const MAX_TEXT = 60;

/** `int`, `record Quote`, `array<Level>`, `map<long>`, `union [null, string]`. */
export function describeType(schema: Schema): string {
  if ('name' in schema) return `${schema.kind} ${schema.name}`;
  return describeInner(schema, 0);
}

function describeInner(schema: Schema, depth: number): string {
  if (depth > 3) return '...';
  switch (schema.kind) {
    case 'primitive':
      return schema.type;
    case 'array':
      return `array<${describeInner(schema.items, depth + 1)}>`;
    case 'map':
      return `map<${describeInner(schema.values, depth + 1)}>`;
    case 'union': {
      const branches = schema.branches.map((branch) => describeInner(branch, depth + 1)).join(', ');
      return depth === 0 ? `union [${branches}]` : `[${branches}]`;
    }
    default:
      return schema.name;
  }
}

/** A JSON value as written, cut to a readable length. */
export function formatValue(value: unknown): string {
  return truncate(JSON.stringify(value) ?? 'undefined');
}

/** A doc string quoted and cut, or `(none)`. */
export function formatDoc(doc: string | undefined): string {
  return doc === undefined ? '(none)' : JSON.stringify(truncate(doc));
}

export function formatNamespace(namespace: string): string {
  return namespace === '' ? '(none)' : namespace;
}

function truncate(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 3)}...` : text;
}

/** Deep equality of JSON values; object key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => key in right && jsonEqual(left[key], right[key]));
}
