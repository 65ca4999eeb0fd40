/**
 * Record field resolution: each reader field is filled from the writer field of the same name (or
 * one of the reader field's aliases), else from its default. Writer-only fields are skipped.
 */
import { typeLabel } from '../model.js';
import type { Field, RecordSchema, Schema } from '../model.js';
import type { CheckFailure } from './types.js';
import { COMPATIBLE } from './walk.js';
import type { Findings, Walk } from './walk.js';

/** The pair check to recurse with (passed in to keep the modules acyclic). */
export type PairCheck = (walk: Walk, token: string | number, reader: Schema, writer: Schema) => Findings;

/** Thrown inside a check where Avro Java throws; caught at the entry point and turned into a result. */
export class AmbiguousFieldMatch extends Error {
  override readonly name = 'AmbiguousFieldMatch';
  constructor(readonly failure: CheckFailure) {
    super(failure.message);
  }
}

export function checkRecordFields(walk: Walk, reader: RecordSchema, writer: RecordSchema, check: PairCheck): Findings {
  let findings: Findings = COMPATIBLE;
  walk.enter('fields');
  for (const field of reader.fields) {
    walk.enter(field.position);
    const found = checkField(walk, field, writer, check);
    if (found.length > 0) findings = findings.length === 0 ? found : [...findings, ...found];
    walk.leave();
  }
  walk.leave();
  return findings;
}

function checkField(walk: Walk, field: Field, writer: RecordSchema, check: PairCheck): Findings {
  const source = lookupWriterField(walk, writer, field);
  if (source !== undefined) return check(walk, 'type', field.type, source.type);
  if (field.default !== undefined) return COMPATIBLE;
  // Avro Java then resolves the reader enum against the whole writer record, which always fails
  // with TYPE_MISMATCH at /fields/<n>/type: an enum default does not stand in for a field default.
  if (field.type.kind === 'enum' && field.type.default !== undefined) {
    return check(walk, 'type', field.type, writer);
  }
  return [walk.finding('READER_FIELD_MISSING_DEFAULT_VALUE', field, writer, field.name)];
}

/** The writer field for `field` by name, then by each distinct reader alias; more than one throws. */
function lookupWriterField(walk: Walk, writer: RecordSchema, field: Field): Field | undefined {
  let found = fieldNamed(walk, writer, field.name);
  let matches = found === undefined ? 0 : 1;
  const aliases = field.aliases;
  for (let i = 0; i < aliases.length; i++) {
    const alias = aliases[i] as string;
    if (aliases.indexOf(alias) !== i) continue; // Java keeps field aliases in a set
    const byAlias = fieldNamed(walk, writer, alias);
    if (byAlias === undefined) continue;
    found ??= byAlias;
    matches++;
  }
  if (matches > 1) {
    const message =
      `Reader record field ${field.name} type:${typeLabel(field.type)} pos:${field.position} ` +
      `matches multiple fields in writer record schema ${writer.fullName}`;
    throw new AmbiguousFieldMatch(walk.failure(message, field, writer));
  }
  return found;
}

/** Above this many fields a name index beats a linear scan. */
const INDEX_THRESHOLD = 16;

function fieldNamed(walk: Walk, record: RecordSchema, name: string): Field | undefined {
  const fields = record.fields;
  if (fields.length <= INDEX_THRESHOLD) {
    for (const field of fields) if (field.name === name) return field;
    return undefined;
  }
  return walk.fieldsByName(record).get(name);
}
