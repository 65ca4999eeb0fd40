/**
 * A schema's text in a comparable form, close to what Confluent compares (Avro `Schema.toString`
 * of the parsed schema): whitespace and key order do not matter, `{"type":"string"}` is `"string"`,
 * and `{"name":"User","namespace":"a"}` equals `{"name":"a.User"}`. Field order, union order, enum
 * symbols, docs, defaults and custom properties stay significant, as they do for the registry.
 * Unlike Confluent, the order of custom properties does not matter either: reordering them is not
 * drift. The registry's copy and git's copy go through the same function, so its choices cancel out.
 */

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const NAMED = new Set(['record', 'error', 'enum', 'fixed']);

/** The comparable form, or undefined when the text is not JSON. */
export function comparableForm(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return stringify(schemaNode(value, ''));
}

function schemaNode(node: unknown, namespace: string): unknown {
  if (typeof node === 'string') return typeName(node, namespace);
  if (Array.isArray(node)) return node.map((branch) => schemaNode(branch, namespace));
  if (node === null || typeof node !== 'object') return node;
  const object = node as Record<string, unknown>;
  const keys = Object.keys(object);
  if (typeof object['type'] === 'string' && PRIMITIVES.has(object['type']) && keys.length === 1) return object['type'];
  const out: Record<string, unknown> = {};
  let inner = namespace;
  if (typeof object['type'] === 'string' && NAMED.has(object['type']) && typeof object['name'] === 'string') {
    const full = fullName(object['name'], typeof object['namespace'] === 'string' ? object['namespace'] : namespace);
    inner = full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : '';
    out['name'] = full;
  }
  for (const key of keys) {
    if (key === 'name' && 'name' in out) continue;
    if (key === 'namespace' && 'name' in out) continue;
    const value = object[key];
    if (key === 'type' || key === 'items' || key === 'values') out[key] = schemaNode(value, inner);
    else if (key === 'fields' && Array.isArray(value)) out[key] = value.map((field) => fieldNode(field, inner));
    else out[key] = value;
  }
  return out;
}

function fieldNode(field: unknown, namespace: string): unknown {
  if (field === null || typeof field !== 'object' || Array.isArray(field)) return field;
  const object = field as Record<string, unknown>;
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, key === 'type' ? schemaNode(value, namespace) : value]));
}

function typeName(name: string, namespace: string): string {
  return PRIMITIVES.has(name) ? name : fullName(name, namespace);
}

function fullName(name: string, namespace: string): string {
  return name.includes('.') || namespace === '' ? name : `${namespace}.${name}`;
}

/** JSON with object keys sorted at every depth; arrays keep their order. */
function stringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
