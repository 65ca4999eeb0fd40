/**
 * The pairwise Avro schema resolution check: can `reader` decode everything written with `writer`?
 *
 * Mirrors Apache Avro Java 1.12.1 `SchemaCompatibility.checkReaderWriterCompatibility`, which Confluent
 * Schema Registry runs for every Avro level: same rules, same traversal order, same messages and
 * locations, including Java's quirks (union branches are checked under a fresh location stack, and a
 * memoised pair keeps the location where it was first found).
 */
import { isNamed, typeLabel } from '../model.js';
import type {
  ArraySchema,
  EnumSchema,
  FixedSchema,
  MapSchema,
  NamedSchema,
  RecordSchema,
  Schema,
  UnionSchema,
} from '../model.js';
import { AmbiguousFieldMatch, checkRecordFields } from './record-fields.js';
import type { PairResult } from './types.js';
import { COMPATIBLE, Walk } from './walk.js';
import type { Findings } from './walk.js';

/** Checks whether `reader` can decode all data written with `writer`; pure, never throws on valid models. */
export function checkReaderWriterSchemas(reader: Schema, writer: Schema): PairResult {
  const walk = new Walk();
  try {
    const incompatibilities = checkPair(walk, '', reader, writer);
    return { compatible: incompatibilities.length === 0, incompatibilities };
  } catch (error) {
    if (error instanceof AmbiguousFieldMatch) {
      return { compatible: false, incompatibilities: [], failure: error.failure };
    }
    throw error;
  }
}

/** Checks one pair under `token`. Named pairs are memoised: that is what ends recursive types. */
export function checkPair(walk: Walk, token: string | number, reader: Schema, writer: Schema): Findings {
  walk.enter(token);
  let findings: Findings;
  if (isNamed(reader) && isNamed(writer)) {
    findings = checkMemoised(walk, reader, writer);
  } else {
    findings = checkUnmemoised(walk, reader, writer);
  }
  walk.leave();
  return findings;
}

/**
 * Avro Java memoises every pair; only pairs of named types can be reached twice (other nodes are
 * distinct objects reachable by one path), so memoising those alone gives the same results.
 */
function checkMemoised(walk: Walk, reader: NamedSchema, writer: NamedSchema): Findings {
  const known = walk.recall(reader, writer);
  if (known !== undefined) return known;
  walk.markInProgress(reader, writer);
  const findings = checkUnmemoised(walk, reader, writer);
  walk.remember(reader, writer, findings);
  return findings;
}

/** Checks a pair under a new location root, as Avro Java does for union branches. */
function checkDetached(walk: Walk, reader: Schema, writer: Schema): Findings {
  const saved = walk.openRoot();
  const findings = checkPair(walk, '', reader, writer);
  walk.closeRoot(saved);
  return findings;
}

function checkUnmemoised(walk: Walk, reader: Schema, writer: Schema): Findings {
  if (sameAvroType(reader, writer)) return checkSameType(walk, reader, writer);
  if (writer.kind === 'union') return checkWriterBranches(walk, reader, writer);
  if (reader.kind === 'union') return checkReaderBranches(walk, reader, writer);
  if (isPromotable(reader, writer)) return COMPATIBLE;
  return [typeMismatch(walk, reader, writer)];
}

function sameAvroType(reader: Schema, writer: Schema): boolean {
  if (reader.kind !== writer.kind) return false;
  return reader.kind !== 'primitive' || writer.kind !== 'primitive' || reader.type === writer.type;
}

/** `writer` has the same Avro type as `reader` (checked by `sameAvroType`). */
function checkSameType(walk: Walk, reader: Schema, writer: Schema): Findings {
  switch (reader.kind) {
    case 'primitive':
      return COMPATIBLE;
    case 'array':
      return checkPair(walk, 'items', reader.items, (writer as ArraySchema).items);
    case 'map':
      return checkPair(walk, 'values', reader.values, (writer as MapSchema).values);
    case 'fixed':
      return concat(checkName(walk, reader, writer as FixedSchema), checkSize(walk, reader, writer as FixedSchema));
    case 'enum':
      return concat(checkName(walk, reader, writer as EnumSchema), checkSymbols(walk, reader, writer as EnumSchema));
    case 'record':
      return concat(
        checkName(walk, reader, writer as RecordSchema),
        checkRecordFields(walk, reader, writer as RecordSchema, checkPair),
      );
    case 'union':
      return checkUnionAgainstUnion(walk, reader, writer as UnionSchema);
  }
}

/** Both unions: every writer branch must be readable; the cause of a failing branch is not reported. */
function checkUnionAgainstUnion(walk: Walk, reader: UnionSchema, writer: UnionSchema): Findings {
  let findings: Findings = COMPATIBLE;
  for (let index = 0; index < writer.branches.length; index++) {
    const branch = writer.branches[index] as Schema;
    walk.enter(index);
    if (checkDetached(walk, reader, branch).length > 0) {
      const message = `reader union lacking writer type: ${typeLabel(branch)}`;
      findings = [...findings, walk.finding('MISSING_UNION_BRANCH', reader, writer, message)];
    }
    walk.leave();
  }
  return findings;
}

/** A union writer against a non-union reader: every branch must be readable, causes are reported. */
function checkWriterBranches(walk: Walk, reader: Schema, writer: UnionSchema): Findings {
  let findings: Findings = COMPATIBLE;
  for (let index = 0; index < writer.branches.length; index++) {
    findings = concat(findings, checkPair(walk, index, reader, writer.branches[index] as Schema));
  }
  return findings;
}

/** A union reader against a non-union writer: the first reader branch that can read it wins. */
function checkReaderBranches(walk: Walk, reader: UnionSchema, writer: Schema): Findings {
  for (const branch of reader.branches) {
    // Primitive pairs are never memoised, so their discarded findings need not be built.
    if (branch.kind === 'primitive' && writer.kind === 'primitive') {
      if (branch.type === writer.type || isPromotable(branch, writer)) return COMPATIBLE;
    } else if (checkDetached(walk, branch, writer).length === 0) {
      return COMPATIBLE;
    }
  }
  const message = `reader union lacking writer type: ${typeLabel(writer)}`;
  return [walk.finding('MISSING_UNION_BRANCH', reader, writer, message)];
}

/** Writer primitive types each reader primitive type accepts besides its own. */
const PROMOTIONS: Readonly<Record<string, readonly string[]>> = {
  long: ['int'],
  float: ['int', 'long'],
  double: ['int', 'long', 'float'],
  bytes: ['string'],
  string: ['bytes'],
};

function isPromotable(reader: Schema, writer: Schema): boolean {
  if (reader.kind !== 'primitive' || writer.kind !== 'primitive') return false;
  return PROMOTIONS[reader.type]?.includes(writer.type) ?? false;
}

function typeMismatch(walk: Walk, reader: Schema, writer: Schema) {
  const message = `reader type: ${typeLabel(reader)} not compatible with writer type: ${typeLabel(writer)}`;
  return walk.finding('TYPE_MISMATCH', reader, writer, message);
}

/** Unqualified names match (Avro ≥ 1.9.1), or a reader alias equals the writer's full name. */
function checkName(walk: Walk, reader: NamedSchema, writer: NamedSchema): Findings {
  if (reader.name === writer.name || reader.aliases.includes(writer.fullName)) return COMPATIBLE;
  return [located(walk, 'name', () => walk.finding('NAME_MISMATCH', reader, writer, `expected: ${writer.fullName}`))];
}

function checkSize(walk: Walk, reader: FixedSchema, writer: FixedSchema): Findings {
  if (reader.size === writer.size) return COMPATIBLE;
  const message = `expected: ${writer.size}, found: ${reader.size}`;
  return [located(walk, 'size', () => walk.finding('FIXED_SIZE_MISMATCH', reader, writer, message))];
}

/** Writer symbols the reader lacks are fine only when the reader enum has a usable default. */
function checkSymbols(walk: Walk, reader: EnumSchema, writer: EnumSchema): Findings {
  const missing = missingSymbols(reader.symbols, writer.symbols);
  if (missing.length === 0) return COMPATIBLE;
  if (reader.default !== undefined && reader.symbols.includes(reader.default)) return COMPATIBLE;
  const message = `[${missing.join(', ')}]`;
  return [located(walk, 'symbols', () => walk.finding('MISSING_ENUM_SYMBOLS', reader, writer, message))];
}

/** Writer symbols absent from the reader, de-duplicated and sorted like Java's TreeSet of strings. */
function missingSymbols(reader: readonly string[], writer: readonly string[]): string[] {
  if (reader.length === writer.length && reader.every((symbol, i) => symbol === writer[i])) return [];
  const known = new Set(reader);
  return [...new Set(writer.filter((symbol) => !known.has(symbol)))].sort();
}

function located<T>(walk: Walk, token: string, make: () => T): T {
  walk.enter(token);
  const made = make();
  walk.leave();
  return made;
}

function concat(first: Findings, second: Findings): Findings {
  if (second.length === 0) return first;
  if (first.length === 0) return second;
  return [...first, ...second];
}
