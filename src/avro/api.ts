/**
 * The library API over the compatibility engine: schemas in as JSON text or parsed JSON, plain results
 * out. The CLI, the action and the jobs call the engine through the same modules.
 */
import { checkLevel, checkReaderWriterSchemas, describeFailure, describeIncompatibility, parseCompatibilityLevel } from './compat/index.js';
import type { CompatibilityLevel, Direction, FindingType } from './compat/index.js';
import { SchemaError } from './errors.js';
import { loadSchemaInput, nearestPosition, type LoadedSchema, type SchemaInput } from './load.js';
import type { SourceRef } from './model.js';
import type { NameValidation } from './names.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface CompatibilityIssue {
  readonly type: FindingType;
  /** Avro Java's JSON-pointer location in the reader schema. */
  readonly location: string;
  /** Avro Java's message. */
  readonly message: string;
  /** The message in Confluent's (CP ≥ 7.4) vocabulary. */
  readonly description: string;
  /** With checkCompatibility: the index into `history` this finding failed against. */
  readonly version?: number;
  /** With checkCompatibility: 'backward' when the candidate reads old data, 'forward' the reverse. */
  readonly direction?: Direction;
  /** Where the finding is in the candidate (or reader) text, when it was given as text. */
  readonly line?: number;
  readonly column?: number;
}

export interface CompatibilityResult {
  readonly compatible: boolean;
  readonly incompatibilities: CompatibilityIssue[];
}

export interface CheckOptions {
  /**
   * Validate defaults and logical types of the candidate (or reader) strictly, as the registry
   * validates a new schema. Default true for the candidate, false for the reader; history and writer
   * schemas are always read leniently here, as the registry reads what it already stores.
   */
  readonly strict?: boolean;
  /**
   * Name validation (default `strict`: names Avro Java refuses are a SchemaError with their position).
   * `lenient` is for schemas already registered, which Confluent reads without name validation: it
   * applies to `history` in checkCompatibility and to both schemas in checkReaderWriter. The candidate
   * of checkCompatibility is a new schema, so its names are always validated.
   */
  readonly names?: NameValidation;
}

/** Whether `reader` can read data written with `writer`, with every incompatibility. Throws SchemaError. */
export function checkReaderWriter(reader: SchemaInput, writer: SchemaInput, options: CheckOptions = {}): CompatibilityResult {
  const names = options.names ?? 'strict';
  const readerSchema = loadSchemaInput(reader, { strict: options.strict ?? false, names });
  const writerSchema = labelled('writer', () => loadSchemaInput(writer, { strict: false, names }));
  const result = checkReaderWriterSchemas(readerSchema.schema, writerSchema.schema);
  const issues: CompatibilityIssue[] = result.incompatibilities.map((found) =>
    locatedIn(readerSchema, found.readerNode, {
      type: found.type,
      location: found.location,
      message: found.message,
      description: describeIncompatibility(found, 'new', 'old'),
    }),
  );
  if (result.failure) {
    issues.push(
      locatedIn(readerSchema, result.failure.readerNode, {
        type: 'UNEXPECTED_EXCEPTION',
        location: result.failure.location,
        message: result.failure.message,
        description: describeFailure(result.failure),
      }),
    );
  }
  return { compatible: result.compatible, incompatibilities: issues };
}

/**
 * Whether `candidate` may be registered after `history` (oldest first) at a Confluent compatibility
 * level (default BACKWARD). Throws SchemaError for an invalid schema (in the candidate or in `history`;
 * see `names` for registered history with names Avro refuses) and InvalidCompatibilityLevelError for
 * an unknown level.
 */
export function checkCompatibility(
  candidate: SchemaInput,
  history: readonly SchemaInput[],
  level: CompatibilityLevel | string = 'BACKWARD',
  options: CheckOptions = {},
): CompatibilityResult {
  const checkedLevel = parseCompatibilityLevel(level);
  const loadedCandidate = loadSchemaInput(candidate, { strict: options.strict ?? true, names: 'strict' });
  const names = options.names ?? 'strict';
  const loadedHistory = history.map((version, index) => labelled(`history[${index}]`, () => loadSchemaInput(version, { strict: false, names })).schema);
  const result = checkLevel(loadedCandidate.schema, loadedHistory, checkedLevel);
  return {
    compatible: result.compatible,
    incompatibilities: result.findings.map((finding) =>
      locatedIn(loadedCandidate, finding.newNode, {
        type: finding.type,
        location: finding.location,
        message: finding.message,
        description: finding.description,
        version: finding.version,
        direction: finding.direction,
      }),
    ),
  };
}

/** The issue with the line and column of `node`, when the schema was given as text. */
function locatedIn(loaded: LoadedSchema, node: SourceRef, issue: Mutable<CompatibilityIssue>): CompatibilityIssue {
  if (!loaded.document || node.file !== loaded.file) return issue;
  const position = nearestPosition(loaded.document, node.pointer);
  // Assigned rather than spread into a new literal: a finding is built once, and spreading copies it.
  if (position) {
    issue.line = position.line;
    issue.column = position.column;
  }
  return issue;
}

/** Errors in the second schema (or a history version) name it, since the caller gave no file name. */
function labelled(label: string, load: () => LoadedSchema): LoadedSchema {
  try {
    return load();
  } catch (error) {
    if (error instanceof SchemaError && error.file === undefined) throw error.withDetails({ file: label });
    throw error;
  }
}
