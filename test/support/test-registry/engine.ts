/**
 * The schema logic the test registry delegates: canonicalising, validating and checking
 * compatibility. The default engine is the library's own Avro parser (src/avro/parse.ts) and
 * compatibility engine (src/avro/compat/), so the test registry judges as Confluent does; tests may
 * pass another engine to force a verdict.
 */
import { checkLevel } from '../../../src/avro/compat/index.js';
import type { LevelFinding } from '../../../src/avro/compat/index.js';
import type { NamedSchema, Schema } from '../../../src/avro/model.js';
import { parseSchema } from '../../../src/avro/parse.js';
import { formatOldSchemaAppendix } from '../../../src/registry/compat-messages.js';
import type { CompatibilityLevel } from '../../../src/registry/types.js';
import { avroText } from './avro-text.js';

export interface SchemaText {
  readonly schemaType: string;
  readonly schema: string;
}

/** A schema with the texts of everything it references, dependencies first. */
export interface ResolvedSchema extends SchemaText {
  readonly references: readonly SchemaText[];
}

export interface VersionedSchema extends ResolvedSchema {
  readonly version: number;
}

export interface CompatibilityEngine {
  /** The text the registry stores; throws an Error whose message says why the text is unusable. */
  canonicalize(input: SchemaText): string;
  /** Why the schema cannot be registered, or undefined. `strict` for new schemas outside IMPORT. */
  validate(input: ResolvedSchema, strict: boolean): string | undefined;
  /**
   * Confluent's messages for `candidate` under `level` against `history` (oldest first, live
   * versions only): CP ≥ 7.4 lines plus the `{oldSchemaVersion}`/`{oldSchema}` appendix; [] when compatible.
   */
  check(candidate: ResolvedSchema, history: readonly VersionedSchema[], level: CompatibilityLevel): string[];
}

const DIFFERENT_TYPE = 'Incompatible because of different schema type';

/** Avro text as Schema.toString() writes it (avro-text.ts); other schema types are stored as sent. */
function canonicalize(input: SchemaText): string {
  if (input.schemaType !== 'AVRO') return input.schema.trim();
  return avroText(input.schema);
}

function parseResolved(input: ResolvedSchema, strict: boolean): Schema {
  const named = new Map<string, NamedSchema>();
  for (const ref of input.references) {
    if (ref.schemaType !== 'AVRO') continue;
    const parsed = parseSchema(JSON.parse(ref.schema), { strict: false, names: 'lenient', namedTypes: named });
    for (const [name, type] of parsed.named) named.set(name, type);
  }
  return parseSchema(JSON.parse(input.schema), { strict, names: strict ? 'strict' : 'lenient', namedTypes: named }).root;
}

function validate(input: ResolvedSchema, strict: boolean): string | undefined {
  if (input.schemaType !== 'AVRO') return input.schema.trim() ? undefined : 'Empty schema';
  try {
    parseResolved(input, strict);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function check(candidate: ResolvedSchema, history: readonly VersionedSchema[], level: CompatibilityLevel): string[] {
  if (level === 'NONE' || history.length === 0) return [];
  const compared = level.endsWith('_TRANSITIVE') ? [...history].reverse() : [history.at(-1) as VersionedSchema];
  if (candidate.schemaType !== 'AVRO' || compared.some((h) => h.schemaType !== 'AVRO')) {
    // Only Avro is checked; other types pass unless the type changes (SchemaValidatorBuilder).
    return compared.some((h) => h.schemaType !== candidate.schemaType) ? [DIFFERENT_TYPE] : [];
  }
  const result = checkLevel(
    parseResolved(candidate, false),
    history.map((h) => parseResolved(h, false)),
    level,
  );
  if (result.compatible || result.confluentVersion === undefined) return [];
  const old = history[result.confluentVersion] as VersionedSchema;
  return confluentLines(result.findings.filter((f) => f.version === result.confluentVersion), level, old);
}

/** SchemaValidatorBuilder: FULL reports old-reads-new (no appendix), then new-reads-old with the appendix. */
function confluentLines(findings: readonly LevelFinding[], level: CompatibilityLevel, old: VersionedSchema): string[] {
  const line = (f: LevelFinding) =>
    f.type === 'UNEXPECTED_EXCEPTION' ? f.description : `{errorType:'${f.type}', description:'${f.description}', additionalInfo:'${f.message}'}`;
  const appendix = formatOldSchemaAppendix(old.version, old.schema);
  const forward = findings.filter((f) => f.direction === 'forward').map(line);
  const backward = findings.filter((f) => f.direction === 'backward').map(line);
  if (level.startsWith('FORWARD')) return [...forward, ...appendix];
  if (level.startsWith('BACKWARD')) return [...backward, ...appendix];
  return [...forward, ...(backward.length ? [...backward, ...appendix] : [])];
}

export const avroEngine: CompatibilityEngine = { canonicalize, validate, check };
