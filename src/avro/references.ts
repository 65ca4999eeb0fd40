/**
 * Schema files that use each other's named types (Confluent schema references, or one type per file):
 * which types each raw schema defines and needs, and an order in which to parse the files so every
 * definition comes before its use — the order in which the registry needs them registered.
 */
import { SchemaError } from './errors.js';
import { PRIMITIVE_NAMES } from './model.js';
import { resolveName } from './names.js';

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

const NAMED_KINDS = new Set(['record', 'error', 'enum', 'fixed']);

interface Visit {
  readonly node: unknown;
  readonly namespace: string;
  readonly pointer: string;
}

/**
 * A cheap, iterative pre-scan of a raw schema JSON value. Shapes that are not valid Avro are skipped
 * silently: reporting them is the parser's job.
 */
export function scanNamedTypes(value: unknown): NamedTypeScan {
  const defined = new Set<string>();
  const used: TypeReference[] = [];
  const stack: Visit[] = [{ node: value, namespace: '', pointer: '' }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { node, namespace, pointer } = visit;
    if (typeof node === 'string') {
      if (!PRIMITIVE_NAMES.has(node)) used.push({ candidates: candidatesFor(node, namespace), pointer });
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], namespace, pointer: `${pointer}/${i}` });
    } else if (isObject(node)) {
      const children = childTypes(node, visit, defined);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Visit);
    }
  }
  const seen = new Set<string>();
  const references = used.filter((ref) => {
    const key = ref.candidates.join('\n');
    if (defined.has(ref.candidates[0] ?? '') || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { defines: [...defined], references };
}

/** The type positions inside a schema object; records its definition in `defined`. */
function childTypes(node: Record<string, unknown>, visit: Visit, defined: Set<string>): Visit[] {
  const { type } = node;
  const at = (key: string, namespace = visit.namespace): Visit => ({ node: node[key], namespace, pointer: `${visit.pointer}/${key}` });
  if (typeof type !== 'string') return type === undefined ? [] : [at('type')];
  if (type === 'array') return [at('items')];
  if (type === 'map') return [at('values')];
  if (!NAMED_KINDS.has(type)) return PRIMITIVE_NAMES.has(type) ? [] : [at('type')];
  if (typeof node.name !== 'string') return [];
  const explicit = typeof node.namespace === 'string' ? node.namespace : undefined;
  const { fullName, namespace } = resolveName(node.name, explicit, visit.namespace);
  defined.add(fullName);
  if ((type !== 'record' && type !== 'error') || !Array.isArray(node.fields)) return [];
  return node.fields.flatMap((field: unknown, i: number) =>
    isObject(field) && 'type' in field ? [{ node: field.type, namespace, pointer: `${visit.pointer}/fields/${i}/type` }] : [],
  );
}

function candidatesFor(name: string, namespace: string): string[] {
  if (name.includes('.') || namespace === '') return [name];
  return [`${namespace}.${name}`, name];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
export function orderByDependencies<T extends DependencyItem>(items: readonly T[]): DependencyOrder<T> {
  const byId = new Map(items.map((item) => [item.id, item]));
  if (byId.size < items.length) {
    const twice = items.find((item, i) => items.findIndex((other) => other.id === item.id) !== i);
    throw new RangeError(`orderByDependencies needs distinct ids, got '${twice?.id}' twice`);
  }
  const definers = definersOf(items);
  const edges = new Map<string, Map<string, string>>();
  for (const item of items) {
    const needs = new Map<string, string>();
    for (const ref of item.references) {
      const [definer, typeName] = definerOf(ref, definers, item.id);
      if (definer !== item.id && !needs.has(definer)) needs.set(definer, typeName);
    }
    edges.set(item.id, needs);
  }
  const dependsOn = new Map([...edges].map(([id, needs]) => [id, [...needs.keys()].sort(compareIds)]));
  const order = topologicalOrder([...byId.keys()], dependsOn, edges);
  return { order, items: order.map((id) => byId.get(id) as T), dependsOn };
}

function definersOf(items: readonly DependencyItem[]): Map<string, string> {
  const definers = new Map<string, string>();
  for (const item of items) {
    for (const name of item.defines) {
      const other = definers.get(name);
      if (other !== undefined && other !== item.id) {
        const [first, second] = [other, item.id].sort(compareIds);
        throw new SchemaError('DUPLICATE_NAME', `named type '${name}' is defined in both '${first}' and '${second}'`, {
          file: second,
          hint: 'Keep one definition and reference it from the other file.',
        });
      }
      definers.set(name, item.id);
    }
  }
  return definers;
}

/** The id of the item defining the type a reference means, and that type's full name. */
function definerOf(ref: string | TypeReference, definers: ReadonlyMap<string, string>, id: string): [string, string] {
  const candidates = typeof ref === 'string' ? [ref] : ref.candidates;
  for (const name of candidates) {
    const definer = definers.get(name);
    if (definer !== undefined) return [definer, name];
  }
  const wanted = candidates.map((name, i) => (i === 0 ? `'${name}'` : ` (or '${name}')`)).join('');
  throw new SchemaError('MISSING_REFERENCE', `named type ${wanted} is used but no schema defines it`, {
    file: id,
    pointer: typeof ref === 'string' ? undefined : ref.pointer,
    hint: 'Check its spelling and namespace, or add the schema file that defines it.',
  });
}

/** Kahn's algorithm, always taking the smallest ready id; a leftover means a cycle. */
function topologicalOrder(ids: readonly string[], dependsOn: ReadonlyMap<string, readonly string[]>, edges: Edges): string[] {
  const waiting = new Map(ids.map((id) => [id, dependsOn.get(id)?.length ?? 0]));
  const dependents = new Map<string, string[]>();
  for (const [id, needs] of dependsOn) for (const need of needs) dependents.set(need, [...(dependents.get(need) ?? []), id]);
  const ready = ids.filter((id) => waiting.get(id) === 0).sort(compareIds);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    for (const dependent of dependents.get(id) ?? []) {
      const left = (waiting.get(dependent) ?? 0) - 1;
      waiting.set(dependent, left);
      if (left === 0) insertSorted(ready, dependent);
    }
  }
  if (order.length < ids.length) throw cycleError(ids.filter((id) => (waiting.get(id) ?? 0) > 0), dependsOn, edges);
  return order;
}

function insertSorted(sorted: string[], id: string): void {
  let i = sorted.length;
  while (i > 0 && compareIds(sorted[i - 1] as string, id) > 0) i--;
  sorted.splice(i, 0, id);
}

/** id -> the ids it depends on -> the first type name it uses from each. */
type Edges = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Follows dependencies from the smallest unordered id until an id repeats: that loop is a cycle. */
function cycleError(stuck: readonly string[], dependsOn: ReadonlyMap<string, readonly string[]>, edges: Edges): SchemaError {
  const unordered = new Set(stuck);
  const path: string[] = [];
  let id = [...stuck].sort(compareIds)[0] as string;
  while (!path.includes(id)) {
    path.push(id);
    id = (dependsOn.get(id) ?? []).find((next) => unordered.has(next)) as string;
  }
  const cycle = [...path.slice(path.indexOf(id)), id];
  const steps = cycle.slice(1).map((to, i) => `uses '${edges.get(cycle[i] as string)?.get(to) ?? '?'}' from '${to}'`);
  return new SchemaError('REFERENCE_CYCLE', `schema files reference each other in a cycle: '${cycle[0]}' ${steps.join(', which ')}`, {
    file: cycle[0],
    hint: 'Move the types they share into one file, or break the cycle.',
  });
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
