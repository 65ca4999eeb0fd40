/**
 * The text Confluent stores for an Avro schema: Avro's `Schema.toString()` of the parsed schema.
 * No whitespace, `{"type":"string"}` as `"string"`, and Avro's own key order (type, name, namespace,
 * doc, then the type's own keys, then custom properties in input order, then aliases), so two
 * requests that differ only in key order store, and look up, the same text.
 * Guess: named-type references keep the spelling of the input (Avro shortens them against the
 * enclosing namespace); `"order":"ascending"` is dropped as Avro drops it.
 */

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const HEAD = ['type', 'name', 'namespace', 'doc'];
const OWN: Readonly<Record<string, readonly string[]>> = {
  record: ['fields'],
  error: ['fields'],
  enum: ['symbols', 'default'],
  fixed: ['size'],
  array: ['items'],
  map: ['values'],
};
const FIELD_KEYS = ['name', 'type', 'doc', 'default', 'order', 'aliases'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function avroText(schema: string): string {
  return JSON.stringify(schemaForm(JSON.parse(schema) as Json));
}

function schemaForm(value: Json): Json {
  if (Array.isArray(value)) return value.map(schemaForm);
  if (typeof value !== 'object' || value === null) return value;
  const type = value['type'];
  if (typeof type !== 'string') return value['type'] !== undefined && Object.keys(value).length === 1 ? schemaForm(value['type']) : value;
  const own = OWN[type] ?? [];
  const props = Object.keys(value).filter((k) => !HEAD.includes(k) && !own.includes(k) && k !== 'aliases');
  if (PRIMITIVES.has(type) && props.length === 0) return type;
  const out: Record<string, Json> = {};
  for (const key of [...HEAD, ...own, ...props, 'aliases']) {
    const v = value[key];
    if (v === undefined) continue;
    out[key] = convert(type, key, v);
  }
  return out;
}

function convert(type: string, key: string, v: Json): Json {
  if (key === 'fields' && Array.isArray(v)) return v.map(fieldForm);
  if ((key === 'items' || key === 'values') && (type === 'array' || type === 'map')) return schemaForm(v);
  return v;
}

function fieldForm(value: Json): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const props = Object.keys(value).filter((k) => !FIELD_KEYS.includes(k));
  const out: Record<string, Json> = {};
  for (const key of [...FIELD_KEYS.slice(0, 5), 'aliases', ...props]) {
    const v = value[key];
    if (v === undefined || (key === 'order' && v === 'ascending')) continue;
    out[key] = key === 'type' ? schemaForm(v) : v;
  }
  return out;
}
