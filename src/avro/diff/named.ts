/** Matched named types: their names and annotations, enum symbols and defaults, fixed sizes. */
import type { EnumSchema, FixedSchema, NamedSchema } from '../model.js';
import { compareAliases, compareDeprecation, compareDocs, type Anchor } from './annotations.js';
import { refOf, type Place, type Walk } from './context.js';
import { formatNamespace } from './describe.js';
import type { NamedMatch } from './match.js';
import { compareLogicalTypes } from './primitive.js';

export function compareNamedHeader(walk: Walk, before: NamedSchema, after: NamedSchema, place: Place, match: NamedMatch): void {
  const anchor: Anchor = { path: place.path, before: refOf(before), after: refOf(after), element: { kind: 'type', name: before.fullName } };
  const what = `${after.kind} '${after.name}'`;
  if (match === 'alias') {
    walk.emit('NAME_CHANGED', {
      ...anchor,
      message: `${before.kind} '${before.fullName}' renamed to '${after.fullName}' through an alias: consumers on the old schema fail with a name mismatch`,
    });
  } else if (before.namespace !== after.namespace) {
    walk.emit('NAMESPACE_CHANGED', {
      ...anchor,
      message: `${what} namespace changed ${formatNamespace(before.namespace)} -> ${formatNamespace(after.namespace)}: readers that match full names fail`,
    });
  }
  compareAliases(walk, what, before.aliases, after.aliases, match === 'alias' ? before.fullName : undefined, anchor);
  compareDocs(walk, 'DOC_CHANGED', what, before.doc, after.doc, anchor);
  compareDeprecation(walk, what, before, after, anchor);
}

/** Added symbols in the new order, then the default, then removed symbols in the old order. */
export function compareEnums(walk: Walk, before: EnumSchema, after: EnumSchema, place: Place): void {
  const what = `enum '${after.name}'`;
  const symbol = (name: string) => ({ kind: 'symbol', record: before.fullName, name }) as const;
  const oldSymbols = new Set(before.symbols);
  const newSymbols = new Set(after.symbols);
  after.symbols.forEach((name, index) => {
    if (oldSymbols.has(name)) return;
    const effect = before.default === undefined
      ? 'consumers on the old schema fail on it'
      : `consumers on the old schema read it as '${before.default}'`;
    walk.emit('ENUM_SYMBOL_ADDED', {
      path: place.path, message: `${what} gained symbol '${name}': ${effect}`,
      before: refOf(before), after: refOf(after, `/symbols/${index}`), element: symbol(name),
    });
  });
  compareEnumDefaults(walk, before, after, place);
  before.symbols.forEach((name, index) => {
    if (newSymbols.has(name)) return;
    const anchor: Anchor = { path: place.path, before: refOf(before, `/symbols/${index}`), after: refOf(after), element: symbol(name) };
    if (after.default === undefined) {
      walk.emit('ENUM_SYMBOL_REMOVED', { ...anchor, message: `${what} lost symbol '${name}' and has no default: existing data holding it cannot be read` });
    } else {
      walk.emit('ENUM_SYMBOL_REMOVED_WITH_DEFAULT', { ...anchor, message: `${what} lost symbol '${name}': existing data holding it will be read as '${after.default}'` });
    }
  });
}

function compareEnumDefaults(walk: Walk, before: EnumSchema, after: EnumSchema, place: Place): void {
  const old = before.default;
  const next = after.default;
  if (old === next) return;
  const what = `enum '${after.name}'`;
  const anchor: Anchor = {
    path: place.path,
    before: refOf(before, old === undefined ? '' : '/default'),
    after: refOf(after, next === undefined ? '' : '/default'),
    element: { kind: 'type', name: before.fullName },
  };
  if (old === undefined) {
    walk.emit('ENUM_DEFAULT_ADDED', { ...anchor, message: `${what} gained default '${next}'` });
  } else if (next === undefined) {
    walk.emit('ENUM_DEFAULT_REMOVED', { ...anchor, message: `${what} lost its default '${old}': symbols it does not know will fail instead of reading as '${old}'` });
  } else {
    walk.emit('ENUM_DEFAULT_CHANGED', { ...anchor, message: `${what} default changed '${old}' -> '${next}': symbols it does not know now read as '${next}'` });
  }
}

export function compareFixed(walk: Walk, before: FixedSchema, after: FixedSchema, place: Place): void {
  if (before.size !== after.size) {
    walk.emit('FIXED_SIZE_CHANGED', {
      path: place.path,
      message: `fixed '${after.name}' size changed ${before.size} -> ${after.size}: existing data cannot be read`,
      before: refOf(before, '/size'), after: refOf(after, '/size'), element: { kind: 'type', name: before.fullName },
    });
    return;
  }
  compareLogicalTypes(walk, before, after, place, 'fixed');
}
