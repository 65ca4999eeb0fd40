/**
 * Deprecation markers in a parsed schema: looking up the marker of one element (a field, an enum
 * symbol, a named type) and listing every marked element. A marker on a named type covers its fields
 * and symbols; an enum symbol is marked by listing it in the enum's `"deprecatedSymbols"` attribute
 * (a symbol is a bare string and cannot carry attributes itself).
 */
import { deprecationOf, type ChangeElement, type Deprecation } from '../../avro/diff/index.js';
import { isNamed, type NamedSchema, type Schema } from '../../avro/model.js';

/** Every named type reachable from the root, by full name (the graph may be cyclic). */
export function namedTypes(root: Schema): Map<string, NamedSchema> {
  const found = new Map<string, NamedSchema>();
  const visit = (schema: Schema) => {
    if (isNamed(schema)) {
      if (found.has(schema.fullName)) return;
      found.set(schema.fullName, schema);
      if (schema.kind === 'record') schema.fields.forEach((field) => visit(field.type));
    } else if (schema.kind === 'array') visit(schema.items);
    else if (schema.kind === 'map') visit(schema.values);
    else if (schema.kind === 'union') schema.branches.forEach(visit);
  };
  visit(root);
  return found;
}

/** The element's marker in `schema`; undefined when the element does not exist there. */
export function markerOf(schema: Schema, element: ChangeElement): Deprecation | undefined {
  const types = namedTypes(schema);
  if (element.kind === 'type') {
    const type = types.get(element.name);
    return type === undefined ? undefined : deprecationOf(type);
  }
  const owner = element.record === undefined ? undefined : types.get(element.record);
  if (owner === undefined) return undefined;
  const ownerMarker = deprecationOf(owner);
  if (element.kind === 'field') {
    if (owner.kind !== 'record') return undefined;
    const field = owner.fields.find((f) => f.name === element.name);
    if (field === undefined) return undefined;
    return ownerMarker.deprecated ? ownerMarker : deprecationOf(field);
  }
  if (owner.kind !== 'enum' || !owner.symbols.includes(element.name)) return undefined;
  if (ownerMarker.deprecated) return ownerMarker;
  const listed = owner.attributes.deprecatedSymbols;
  return { deprecated: Array.isArray(listed) && listed.includes(element.name) };
}

/** Every element carrying its own marker: named types, fields, listed enum symbols. */
export function markedElements(schema: Schema): ChangeElement[] {
  const out: ChangeElement[] = [];
  for (const type of namedTypes(schema).values()) {
    if (deprecationOf(type).deprecated) out.push({ kind: 'type', name: type.fullName });
    if (type.kind === 'record') {
      for (const field of type.fields) if (deprecationOf(field).deprecated) out.push({ kind: 'field', record: type.fullName, name: field.name });
    }
    if (type.kind === 'enum' && Array.isArray(type.attributes.deprecatedSymbols)) {
      for (const symbol of type.symbols) {
        if (type.attributes.deprecatedSymbols.includes(symbol)) out.push({ kind: 'symbol', record: type.fullName, name: symbol });
      }
    }
  }
  return out;
}

/** "Tick.bid", "Side.HOLD", "market.Tick" — how reports name an element. */
export function elementLabel(element: ChangeElement): string {
  if (element.kind === 'type') return element.name;
  const owner = element.record?.split('.').pop() ?? '?';
  return `${owner}.${element.name}`;
}
