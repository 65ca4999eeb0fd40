import { isValidDefault } from './defaults.js';
import { DefinedTypes } from './defined-types.js';
import { SchemaError, type SchemaErrorCode } from './errors.js';
import { checkLogicalType } from './logical-types.js';
import type {
  ArraySchema,
  EnumSchema,
  Field,
  FieldOrder,
  FixedSchema,
  LogicalType,
  MapSchema,
  NamedSchema,
  PrimitiveName,
  RecordSchema,
  Schema,
  UnionSchema,
} from './model.js';
import { isNamed, PRIMITIVE_NAMES } from './model.js';
import { nameProblem, qualify, resolveName, shortName, type NameValidation } from './names.js';

export interface ParseOptions {
  /** Named in errors and recorded on every node. */
  readonly file?: string;
  /**
   * Strict parsing validates defaults and logical types, as the registry does for a new schema.
   * Lenient parsing accepts what the registry has stored: invalid defaults and logical types pass, and
   * invalid logical types are dropped. Names are governed by `names`, not by this.
   */
  readonly strict?: boolean;
  /**
   * Default `strict`: names are refused where Avro Java's `Schema.Parser` refuses them (the short
   * names of records, enums and fixed types and of their aliases, field names, enum symbols), as the
   * registry does on registration, whatever `strict` says. `lenient` is only for schemas the registry
   * already stores, which it reads without name validation (issue 12).
   */
  readonly names?: NameValidation;
  /** Named types defined elsewhere (schema references, other files), by full name. */
  readonly namedTypes?: ReadonlyMap<string, NamedSchema>;
  /** Deepest schema nesting accepted; deeper input gets a TOO_DEEP error instead of a stack overflow. */
  readonly maxDepth?: number;
}

export interface ParsedSchema {
  readonly root: Schema;
  /** The named types this document defines, by full name. */
  readonly named: Map<string, NamedSchema>;
}

/** Matches Jackson's default nesting limit, which Confluent's registry enforces when it reads JSON. */
export const DEFAULT_MAX_DEPTH = 1000;

const NO_ATTRIBUTES: Readonly<Record<string, unknown>> = Object.freeze({});
const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_NAMED_TYPES: ReadonlyMap<string, NamedSchema> = new Map();
/** Up to this many fields or branches, a scan of those seen finds a duplicate sooner than a Set. */
const SCAN_FOR_DUPLICATES = 16;

interface Context {
  readonly file?: string;
  readonly strict: boolean;
  readonly validateNames: boolean;
  readonly maxDepth: number;
  readonly external: ReadonlyMap<string, NamedSchema>;
  readonly named: DefinedTypes;
}

type JsonObject = Record<string, unknown>;

/** Parses an Avro schema given as a JSON value into the shared model. Throws SchemaError with a pointer. */
export function parseSchema(json: unknown, options: ParseOptions = {}): ParsedSchema {
  const context: Context = {
    file: options.file,
    strict: options.strict ?? true,
    validateNames: (options.names ?? 'strict') === 'strict',
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    external: options.namedTypes ?? NO_NAMED_TYPES,
    named: new DefinedTypes(),
  };
  try {
    return new Parsed(parseNode(json, '', '', 0, context), context.named);
  } catch (error) {
    // The depth limit keeps recursion shallow, but a small stack (or a cold, unoptimised one) could still
    // run out; that is still bad input, not a crash.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new SchemaError('TOO_DEEP', 'the schema is nested too deeply to process', { file: context.file, hint: 'Flatten the schema.' });
    }
    throw error;
  }
}

/** A class, not a literal with a getter: V8 builds such literals on a slow path. */
class Parsed implements ParsedSchema {
  private table?: Map<string, NamedSchema>;

  constructor(
    readonly root: Schema,
    private readonly defined: DefinedTypes,
  ) {}

  /** Built when first asked for: a check reads the model, not this table. */
  get named(): Map<string, NamedSchema> {
    return (this.table ??= this.defined.toMap());
  }
}

function fail(context: Context, code: SchemaErrorCode, pointer: string, problem: string, hint?: string): never {
  throw new SchemaError(code, problem, { file: context.file, pointer, hint });
}

const NAME_HINT = 'use letters, digits and underscores, not starting with a digit; the registry refuses any other name';

/**
 * Refuses `name` where Avro Java's name validator would. `kind` says which name it is ("Avro name",
 * "field name", "enum symbol", "alias"); `shown` is the text quoted (a dotted name, whole). The name
 * is at `pointer` + `suffix`, joined only for an error: most names are valid.
 */
function checkName(context: Context, name: string, kind: string, pointer: string, suffix: string, shown = name): void {
  if (!context.validateNames) return;
  const problem = nameProblem(name);
  if (problem !== undefined) fail(context, 'INVALID_NAME', pointer + suffix, `"${shown}" is not a valid ${kind}: ${problem}`, NAME_HINT);
}

function parseNode(json: unknown, pointer: string, namespace: string, depth: number, context: Context): Schema {
  if (depth > context.maxDepth) {
    fail(context, 'TOO_DEEP', pointer, `schema nesting is deeper than ${context.maxDepth} levels`,
      'flatten the schema; the registry rejects JSON nested this deep');
  }
  if (typeof json === 'string') return parseTypeName(json, pointer, namespace, context);
  if (Array.isArray(json)) return parseUnion(json, pointer, namespace, depth, context);
  if (isObject(json)) return parseObject(json, pointer, namespace, depth, context);
  return fail(context, 'INVALID_SCHEMA', pointer, `a schema must be a type name, an object or an array, not ${describe(json)}`);
}

function parseTypeName(name: string, pointer: string, namespace: string, context: Context): Schema {
  if (PRIMITIVE_NAMES.has(name)) {
    return { kind: 'primitive', type: name as PrimitiveName, pointer, file: context.file, attributes: NO_ATTRIBUTES };
  }
  const found = lookupNamed(name, namespace, context);
  if (found) return found;
  return fail(context, 'UNKNOWN_TYPE', pointer, `unknown type "${name}"`,
    'Define it before it is used, check its spelling and namespace, or map the file that defines it as a reference.');
}

/** As Avro Java: the name relative to the enclosing namespace first, then in the null namespace. */
function lookupNamed(name: string, namespace: string, context: Context): NamedSchema | undefined {
  const qualified = qualify(name, namespace);
  const found = context.named.get(qualified) ?? externalType(qualified, context);
  if (found || qualified === name) return found;
  return context.named.get(name) ?? externalType(name, context);
}

/** A type from outside the document; most documents have none, and an empty Map would still hash the name. */
function externalType(fullName: string, context: Context): NamedSchema | undefined {
  return context.external.size === 0 ? undefined : context.external.get(fullName);
}

function parseUnion(json: unknown[], pointer: string, namespace: string, depth: number, context: Context): UnionSchema {
  const branches: Schema[] = [];
  for (let index = 0; index < json.length; index++) {
    branches.push(parseNode(json[index], `${pointer}/${index}`, namespace, depth + 1, context));
  }
  const seen = branches.length > SCAN_FOR_DUPLICATES ? new Set<string>() : undefined;
  for (let index = 0; index < branches.length; index++) {
    if (branches[index]!.kind === 'union') {
      fail(context, 'INVALID_SCHEMA', `${pointer}/${index}`, 'a union may not directly contain another union',
        'merge the inner union\'s branches into the outer one');
    }
    const key = branchKey(branches[index]!);
    if (seen ? seen.has(key) : hasBranchKey(branches, index, key)) {
      fail(context, 'INVALID_SCHEMA', `${pointer}/${index}`, `the union contains "${key}" twice`, 'remove the duplicate branch');
    }
    seen?.add(key);
  }
  return { kind: 'union', branches, pointer, file: context.file, attributes: NO_ATTRIBUTES };
}

/** What makes two union branches the same: the full name of a named type, else the type. */
function branchKey(branch: Schema): string {
  return isNamed(branch) ? branch.fullName : branch.kind === 'primitive' ? branch.type : branch.kind;
}

/** Whether a branch before `index` has `key`. */
function hasBranchKey(branches: readonly Schema[], index: number, key: string): boolean {
  for (let before = 0; before < index; before++) if (branchKey(branches[before]!) === key) return true;
  return false;
}

function parseObject(json: JsonObject, pointer: string, namespace: string, depth: number, context: Context): Schema {
  const type = json.type;
  if (type === undefined) {
    fail(context, 'INVALID_SCHEMA', pointer, 'the schema object has no "type"', 'add a "type" attribute');
  }
  if (typeof type !== 'string') {
    // {"type": {...}} and {"type": [...]}: the outer object only wraps the inner schema.
    return parseNode(type, `${pointer}/type`, namespace, depth + 1, context);
  }
  switch (type) {
    case 'record':
    case 'error':
      return parseRecord(json, pointer, namespace, depth, context);
    case 'enum':
      return parseEnum(json, pointer, namespace, context);
    case 'fixed':
      return parseFixed(json, pointer, namespace, context);
    case 'array':
      return parseArray(json, pointer, namespace, depth, context);
    case 'map':
      return parseMap(json, pointer, namespace, depth, context);
  }
  if (PRIMITIVE_NAMES.has(type)) {
    const logicalType = parseLogicalType(json, type, undefined, pointer, context);
    return { kind: 'primitive', type: type as PrimitiveName, pointer, file: context.file, logicalType, attributes: attributesOf(json) };
  }
  return parseTypeName(type, `${pointer}/type`, namespace, context);
}

interface NamedHeader {
  fullName: string;
  name: string;
  namespace: string;
  aliases: readonly string[];
  doc?: string;
}

function parseNamedHeader(json: JsonObject, pointer: string, enclosing: string, context: Context): NamedHeader {
  const declared = json.name;
  if (typeof declared !== 'string' || declared === '') {
    fail(context, 'INVALID_SCHEMA', pointer, `a ${json.type} needs a "name" string`, 'add a "name" attribute');
  }
  const explicit = json.namespace;
  if (explicit !== undefined && explicit !== null && typeof explicit !== 'string') {
    fail(context, 'INVALID_SCHEMA', `${pointer}/namespace`, `"namespace" must be a string, not ${describe(explicit)}`);
  }
  const resolved = resolveName(declared, explicit ?? undefined, enclosing);
  // As Avro Java: only the short name is validated, never the namespace (attribute or dotted prefix).
  checkName(context, resolved.name, 'Avro name', pointer, '/name', declared);
  if (PRIMITIVE_NAMES.has(resolved.name) && !resolved.namespace) {
    fail(context, 'INVALID_NAME', `${pointer}/name`, `"${resolved.name}" is a primitive type and cannot be redefined`);
  }
  if (context.named.getDeclared(resolved.name, resolved.fullName) !== undefined || externalType(resolved.fullName, context) !== undefined) {
    fail(context, 'DUPLICATE_NAME', `${pointer}/name`, `the type "${resolved.fullName}" is defined twice`,
      'refer to the first definition by name instead of defining it again');
  }
  const declaredAliases = aliasList(json.aliases, pointer, context);
  let aliases = NO_STRINGS;
  if (declaredAliases.length > 0) {
    declaredAliases.forEach((alias, index) => checkName(context, shortName(alias), 'alias', pointer, `/aliases/${index}`, alias));
    aliases = declaredAliases.map((alias) => qualify(alias, resolved.namespace));
  }
  const doc = typeof json.doc === 'string' ? json.doc : undefined;
  return { fullName: resolved.fullName, name: resolved.name, namespace: resolved.namespace, aliases, doc };
}

function parseRecord(json: JsonObject, pointer: string, enclosing: string, depth: number, context: Context): RecordSchema {
  const header = parseNamedHeader(json, pointer, enclosing, context);
  if (!Array.isArray(json.fields)) {
    fail(context, 'INVALID_SCHEMA', pointer, `record "${header.fullName}" needs a "fields" array`, 'add "fields": [] at least');
  }
  const fields: Field[] = [];
  const record: RecordSchema = {
    kind: 'record', fullName: header.fullName, name: header.name, namespace: header.namespace, aliases: header.aliases, doc: header.doc, isError: json.type === 'error', fields, pointer, file: context.file, attributes: attributesOf(json),
  };
  // Registered before its fields so that fields can refer to the record itself.
  context.named.add(record);
  const fieldsJson: unknown[] = json.fields;
  const names = fieldsJson.length > SCAN_FOR_DUPLICATES ? new Set<string>() : undefined;
  const fieldsPointer = `${pointer}/fields/`;
  for (let position = 0; position < fieldsJson.length; position++) {
    const field = parseField(fieldsJson[position], fieldsPointer + position, position, header.namespace, depth, context);
    if (names ? names.has(field.name) : hasFieldNamed(fields, field.name)) {
      fail(context, 'DUPLICATE_FIELD', `${pointer}/fields/${position}/name`,
        `record "${header.fullName}" has two fields named "${field.name}"`, 'rename or remove one of them');
    }
    names?.add(field.name);
    fields.push(field);
  }
  return record;
}

function hasFieldNamed(fields: readonly Field[], name: string): boolean {
  for (const field of fields) if (field.name === name) return true;
  return false;
}

function parseField(json: unknown, pointer: string, position: number, namespace: string, depth: number, context: Context): Field {
  if (!isObject(json)) fail(context, 'INVALID_SCHEMA', pointer, `a field must be an object, not ${describe(json)}`);
  const name = json.name;
  if (typeof name !== 'string') fail(context, 'INVALID_SCHEMA', pointer, 'a field needs a "name" string', 'add a "name" attribute');
  checkName(context, name, 'field name', pointer, '/name');
  if (json.type === undefined && !('type' in json)) fail(context, 'INVALID_SCHEMA', pointer, `field "${name}" has no "type"`, 'add a "type" attribute');
  // Depth counts JSON nesting, as the text layer's limit does: the fields array, the field, its type.
  const type = parseNode(json.type, `${pointer}/type`, namespace, depth + 3, context);
  const order = json.order ?? 'ascending';
  if (order !== 'ascending' && order !== 'descending' && order !== 'ignore') {
    fail(context, 'INVALID_SCHEMA', `${pointer}/order`, `field "${name}" has order ${describe(order)}`,
      'use "ascending", "descending" or "ignore"');
  }
  const hasDefault = json.default !== undefined || 'default' in json;
  if (hasDefault && context.strict && !isValidDefault(type, json.default)) {
    fail(context, 'INVALID_DEFAULT', `${pointer}/default`,
      `the default ${truncate(jsonText(json.default))} of field "${name}" is not a valid ${describeType(type)}`,
      'give a default of the field\'s type (for a union, of one of its branches)');
  }
  return {
    name, position, type, pointer, file: context.file,
    default: hasDefault ? { value: json.default } : undefined,
    aliases: aliasList(json.aliases, pointer, context),
    order: order as FieldOrder,
    doc: typeof json.doc === 'string' ? json.doc : undefined,
    attributes: attributesOf(json, fieldKeysPresent(json, hasDefault), isFieldKey),
  };
}

function parseEnum(json: JsonObject, pointer: string, enclosing: string, context: Context): EnumSchema {
  const header = parseNamedHeader(json, pointer, enclosing, context);
  const symbols = json.symbols;
  if (!Array.isArray(symbols) || symbols.some((s) => typeof s !== 'string')) {
    fail(context, 'INVALID_SCHEMA', `${pointer}/symbols`, `enum "${header.fullName}" needs a "symbols" array of strings`);
  }
  const seen = new Set<string>();
  (symbols as string[]).forEach((symbol, index) => {
    checkName(context, symbol, 'enum symbol', pointer, `/symbols/${index}`);
    if (seen.has(symbol)) {
      fail(context, 'DUPLICATE_SYMBOL', `${pointer}/symbols/${index}`, `enum "${header.fullName}" lists "${symbol}" twice`);
    }
    seen.add(symbol);
  });
  const enumDefault = json.default;
  if (enumDefault !== undefined && (typeof enumDefault !== 'string' || !seen.has(enumDefault))) {
    fail(context, 'INVALID_DEFAULT', `${pointer}/default`,
      `the enum default ${truncate(jsonText(enumDefault))} is not one of the symbols of "${header.fullName}"`, 'use one of its symbols');
  }
  const schema: EnumSchema = {
    kind: 'enum', fullName: header.fullName, name: header.name, namespace: header.namespace, aliases: header.aliases, doc: header.doc, symbols: symbols as string[], default: enumDefault as string | undefined,
    pointer, file: context.file, attributes: attributesOf(json),
  };
  context.named.add(schema);
  return schema;
}

function parseFixed(json: JsonObject, pointer: string, enclosing: string, context: Context): FixedSchema {
  const header = parseNamedHeader(json, pointer, enclosing, context);
  const size = json.size;
  if (!Number.isInteger(size) || (size as number) < 0) {
    fail(context, 'INVALID_SCHEMA', `${pointer}/size`, `fixed "${header.fullName}" needs a non-negative integer "size", not ${describe(size)}`);
  }
  const logicalType = parseLogicalType(json, 'fixed', size as number, pointer, context);
  const schema: FixedSchema = {
    kind: 'fixed', fullName: header.fullName, name: header.name, namespace: header.namespace, aliases: header.aliases, doc: header.doc, size: size as number, logicalType, pointer, file: context.file, attributes: attributesOf(json),
  };
  context.named.add(schema);
  return schema;
}

function parseArray(json: JsonObject, pointer: string, namespace: string, depth: number, context: Context): ArraySchema {
  if (!('items' in json)) fail(context, 'INVALID_SCHEMA', pointer, 'an array needs "items"', 'add "items" with the element type');
  const items = parseNode(json.items, `${pointer}/items`, namespace, depth + 1, context);
  return { kind: 'array', items, pointer, file: context.file, attributes: attributesOf(json, 2) };
}

function parseMap(json: JsonObject, pointer: string, namespace: string, depth: number, context: Context): MapSchema {
  if (!('values' in json)) fail(context, 'INVALID_SCHEMA', pointer, 'a map needs "values"', 'add "values" with the value type');
  const values = parseNode(json.values, `${pointer}/values`, namespace, depth + 1, context);
  return { kind: 'map', values, pointer, file: context.file, attributes: attributesOf(json, 2) };
}

function parseLogicalType(
  json: JsonObject,
  underlying: string,
  size: number | undefined,
  pointer: string,
  context: Context,
): LogicalType | undefined {
  const name = json.logicalType;
  if (name === undefined) return undefined;
  if (typeof name !== 'string') {
    if (!context.strict) return undefined;
    return fail(context, 'INVALID_LOGICAL_TYPE', `${pointer}/logicalType`, `"logicalType" must be a string, not ${describe(name)}`);
  }
  const checked = checkLogicalType(name, underlying, { precision: json.precision, scale: json.scale, size });
  if (checked.ok) return checked.logicalType;
  if (!context.strict) return undefined;
  return fail(context, 'INVALID_LOGICAL_TYPE', `${pointer}/logicalType`, checked.problem,
    'fix the annotation; the registry would silently ignore it and readers would see the raw type');
}

/** The `aliases` of the node at `pointer`. */
function aliasList(value: unknown, pointer: string, context: Context): readonly string[] {
  if (value === undefined || value === null) return NO_STRINGS;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    fail(context, 'INVALID_SCHEMA', `${pointer}/aliases`, `expected an array of strings, not ${describe(value)}`);
  }
  return value as string[];
}

/**
 * The non-grammar attributes; most nodes have none, and they share one empty object (fewer allocations).
 * `grammarKeys` is how many reserved keys the caller knows are there: when the object has no more keys
 * than that, it has no attributes, and counting them is much cheaper than iterating them.
 */
function attributesOf(json: JsonObject, grammarKeys = 0, reserved: (key: string) => boolean = isSchemaKey): Readonly<Record<string, unknown>> {
  if (grammarKeys > 0 && Object.keys(json).length === grammarKeys) return NO_ATTRIBUTES;
  let attributes: Record<string, unknown> | undefined;
  for (const key in json) {
    if (reserved(key)) continue;
    attributes ??= {};
    attributes[key] = json[key];
  }
  return attributes ?? NO_ATTRIBUTES;
}

/** The grammar keys a field object holds: `name` and `type` always (parseField refuses it otherwise). */
function fieldKeysPresent(json: JsonObject, hasDefault: boolean): number {
  // Parsed JSON holds no undefined, so these keys are there exactly when their values are; a JavaScript
  // object with an undefined one only fails the count, and attributesOf walks it.
  let present = hasDefault ? 3 : 2;
  if (json.order !== undefined) present++;
  if (json.aliases !== undefined) present++;
  if (json.doc !== undefined) present++;
  return present;
}

// Switches rather than Sets: JSON.parse interns keys, so each case is one pointer comparison.
function isSchemaKey(key: string): boolean {
  switch (key) {
    case 'type': case 'name': case 'namespace': case 'aliases': case 'doc': case 'fields': case 'symbols':
    case 'items': case 'values': case 'size': case 'default': case 'logicalType': case 'precision':
    case 'scale': case 'order':
      return true;
  }
  return false;
}

function isFieldKey(key: string): boolean {
  switch (key) {
    case 'name': case 'type': case 'default': case 'aliases': case 'doc': case 'order':
      return true;
  }
  return false;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return truncate(jsonText(value));
}

function describeType(schema: Schema): string {
  if (schema.kind === 'primitive') return schema.type;
  if ('fullName' in schema) return `${schema.kind} ${schema.fullName}`;
  if (schema.kind === 'union') return `value of any branch of the union`;
  return schema.kind;
}

/**
 * A value as JSON, for a message. Schemas given as JavaScript objects can hold what JSON cannot
 * (undefined, a function, a BigInt), and JSON.stringify returns undefined or throws for those.
 */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

