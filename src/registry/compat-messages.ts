/**
 * The registry's verbose compatibility messages, parsed into records (and, for the test registry,
 * written). Neither format is JSON (single quotes, unescaped inner quotes), so each line is matched
 * with anchored patterns. Formats, from confluentinc/schema-registry:
 *
 * - CP ≥ 7.4 (client/.../avro/Difference.java):
 *   `{errorType:'TYPE', description:'…path '<p>'…', additionalInfo:'<avro message>'}`
 * - CP < 7.4 (Avro's Incompatibility.toString):
 *   `Incompatibility{type:TYPE, location:<p>, message:<avro message>, reader:<json>, writer:<json>}`
 * - appendix lines (SchemaValidatorBuilder.java, AbstractSchemaRegistry.java):
 *   `{oldSchemaVersion: N}`, `{oldSchema: '<json>'}`, `{validateFields: 'false', compatibility: 'BACKWARD'}`
 */

/** One incompatibility the registry reported. */
export interface CompatibilityIncompatibility {
  /**
   * Avro's SchemaIncompatibilityType (TYPE_MISMATCH, NAME_MISMATCH, FIXED_SIZE_MISMATCH,
   * MISSING_ENUM_SYMBOLS, MISSING_UNION_BRANCH, READER_FIELD_MISSING_DEFAULT_VALUE), or
   * DIFFERENT_SCHEMA_TYPE, CHECKER_EXCEPTION, INVALID_SCHEMA, UNKNOWN for other lines.
   */
  readonly type: string;
  /** JSON pointer into the reader schema as Avro reports it ('/' is the root); '' when absent. */
  readonly location: string;
  /** Avro's own message (`additionalInfo` / `message:`), or the whole line for other lines. */
  readonly message: string;
  /** The CP ≥ 7.4 human description, with `new`/`old` filled in. */
  readonly description?: string;
  /** The registered version this incompatibility was found against, when the server said. */
  readonly oldSchemaVersion?: number;
  readonly format: 'cp-7.4' | 'pre-7.4' | 'text';
}

export interface ParsedCompatibilityMessages {
  readonly incompatibilities: readonly CompatibilityIncompatibility[];
  /** The old schema the server quoted (cut at 10 KiB by the server when `truncated`). */
  readonly oldSchema?: string;
  readonly oldSchemaTruncated?: boolean;
  readonly validateFields?: boolean;
  /** The level the server applied. */
  readonly compatibility?: string;
}

type Line =
  | { kind: 'incompatibility'; value: Omit<CompatibilityIncompatibility, 'oldSchemaVersion'> }
  | { kind: 'oldSchemaVersion'; version: number }
  | { kind: 'oldSchema'; schema: string; truncated: boolean }
  | { kind: 'config'; validateFields: boolean; compatibility: string };

const CP74 = /^\{errorType:'([A-Z_]+)', description:'([\s\S]*?)', additionalInfo:'([\s\S]*)'\}$/;
const LEGACY = /^Incompatibility\{type:([A-Z_]+), location:(\S*?), message:([\s\S]*?), reader:/;
const OLD_VERSION = /^\{oldSchemaVersion: (-?\d+)\}$/;
const OLD_SCHEMA = /^\{oldSchema: (<truncated> )?'([\s\S]*)'\}$/;
const CONFIG = /^\{validateFields: '(true|false)', compatibility: '([A-Z_]+)'\}$/;
const PATH = /path '([^']*)'/;
const DIFFERENT_TYPE = 'Incompatible because of different schema type';
const CHECKER_EXCEPTION = 'Unexpected exception during compatibility check: ';

/** Where a new message starts inside a joined text such as a 409 `details: [...]` list. */
const MESSAGE_START =
  /(?:\{errorType:'|Incompatibility\{type:|\{oldSchemaVersion: |\{oldSchema: |\{validateFields: |Incompatible because of different schema type|Unexpected exception during compatibility check: )/g;

/** Parses the `messages` array of a verbose compatibility response. */
export function parseCompatibilityMessages(messages: readonly string[]): ParsedCompatibilityMessages {
  return collect(messages.flatMap(splitJoinedMessages).map(parseLine));
}

/**
 * Parses the message of an incompatible registration (HTTP 409), which embeds the same lines as a
 * Java list: `Schema being registered is incompatible with an earlier schema for subject "s", details: [a, b]`.
 */
export function parseIncompatibleRegistration(message: string): ParsedCompatibilityMessages {
  const at = message.indexOf('details: [');
  const details = at >= 0 ? message.slice(at + 'details: ['.length).replace(/\]\s*$/, '') : message;
  return collect(splitJoinedMessages(details).map(parseLine));
}

/** Splits a text that may hold several messages joined by `, ` (Java's List.toString). */
export function splitJoinedMessages(text: string): string[] {
  const starts = [...text.matchAll(MESSAGE_START)].map((m) => m.index ?? 0);
  if (starts.length === 0) return text.trim() ? [text.trim()] : [];
  if (starts[0] !== 0 && text.slice(0, starts[0]).trim()) starts.unshift(0);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length).replace(/,\s*$/, '').trim());
}

function parseLine(line: string): Line {
  const cp74 = CP74.exec(line);
  if (cp74) {
    const [, type = '', description = '', message = ''] = cp74;
    const location = PATH.exec(description)?.[1] ?? '';
    return { kind: 'incompatibility', value: { type, location, message, description, format: 'cp-7.4' } };
  }
  const legacy = LEGACY.exec(line);
  if (legacy) {
    const [, type = '', location = '', message = ''] = legacy;
    return { kind: 'incompatibility', value: { type, location, message, format: 'pre-7.4' } };
  }
  const version = OLD_VERSION.exec(line);
  if (version) return { kind: 'oldSchemaVersion', version: Number(version[1]) };
  const schema = OLD_SCHEMA.exec(line);
  if (schema) return { kind: 'oldSchema', schema: (schema[2] ?? '').replace(/\.\.\.$/, ''), truncated: !!schema[1] };
  const config = CONFIG.exec(line);
  if (config) return { kind: 'config', validateFields: config[1] === 'true', compatibility: config[2] ?? '' };
  return { kind: 'incompatibility', value: textLine(line) };
}

function textLine(line: string): Omit<CompatibilityIncompatibility, 'oldSchemaVersion'> {
  if (line.startsWith(DIFFERENT_TYPE)) return { type: 'DIFFERENT_SCHEMA_TYPE', location: '', message: line, format: 'text' };
  if (line.startsWith(CHECKER_EXCEPTION)) {
    return { type: 'CHECKER_EXCEPTION', location: '', message: line.slice(CHECKER_EXCEPTION.length), format: 'text' };
  }
  if (/^Invalid schema\b/.test(line)) return { type: 'INVALID_SCHEMA', location: '', message: line, format: 'text' };
  return { type: 'UNKNOWN', location: '', message: line, format: 'text' };
}

/** An `{oldSchemaVersion}` line follows the lines of the comparison it belongs to. */
function collect(lines: readonly Line[]): ParsedCompatibilityMessages {
  const done: CompatibilityIncompatibility[] = [];
  let pending: Omit<CompatibilityIncompatibility, 'oldSchemaVersion'>[] = [];
  let result: Omit<ParsedCompatibilityMessages, 'incompatibilities'> = {};
  for (const line of lines) {
    if (line.kind === 'incompatibility') pending.push(line.value);
    else if (line.kind === 'oldSchemaVersion') {
      done.push(...pending.map((p) => ({ ...p, oldSchemaVersion: line.version })));
      pending = [];
    } else if (line.kind === 'oldSchema') result = { ...result, oldSchema: line.schema, oldSchemaTruncated: line.truncated };
    else result = { ...result, validateFields: line.validateFields, compatibility: line.compatibility };
  }
  return { incompatibilities: [...done, ...pending], ...result };
}

/** An incompatibility as Avro's checker states it, before the registry words it. */
export interface AvroIncompatibility {
  readonly type: string;
  readonly location: string;
  readonly message: string;
}

/** Which schema was the reader: `new` reads `old` for BACKWARD, `old` reads `new` for FORWARD. */
export type SchemaRole = 'new' | 'old';

/** Writes one incompatibility in the CP ≥ 7.4 form (Difference.java), with `%s` filled in. */
export function formatIncompatibility(inc: AvroIncompatibility, reader: SchemaRole, writer: SchemaRole): string {
  const p = inc.location;
  const templates: Record<string, string> = {
    FIXED_SIZE_MISMATCH: `The size of FIXED type field at path '${p}' in the ${reader} schema does not match with the ${writer} schema`,
    TYPE_MISMATCH: `The type (path '${p}') of a field in the ${reader} schema does not match with the ${writer} schema`,
    NAME_MISMATCH: `The name of the schema has changed (path '${p}')`,
    MISSING_ENUM_SYMBOLS: `The ${reader} schema is missing enum symbols '${inc.message}' at path '${p}' in the ${writer} schema`,
    MISSING_UNION_BRANCH: `The ${reader} schema is missing a type inside a union field at path '${p}' in the ${writer} schema`,
    READER_FIELD_MISSING_DEFAULT_VALUE: `The field '${inc.message}' at path '${p}' in the ${reader} schema has no default value and is missing in the ${writer} schema`,
  };
  const description = templates[inc.type] ?? '';
  return `{errorType:'${inc.type}', description:'${description}', additionalInfo:'${inc.message}'}`;
}

/** The server cuts a quoted old schema at this many characters. */
export const MAX_QUOTED_SCHEMA = 10 * 1024;

/** The lines that follow the messages of one comparison: `{oldSchemaVersion}` and `{oldSchema}`. */
export function formatOldSchemaAppendix(version: number | undefined, schema: string): string[] {
  const lines = version === undefined ? [] : [`{oldSchemaVersion: ${version}}`];
  lines.push(
    schema.length <= MAX_QUOTED_SCHEMA
      ? `{oldSchema: '${schema}'}`
      : `{oldSchema: <truncated> '${schema.slice(0, MAX_QUOTED_SCHEMA)}...'}`,
  );
  return lines;
}

/** The last line the server adds to a failed check. */
export function formatConfigLine(validateFields: boolean, compatibility: string): string {
  return `{validateFields: '${validateFields}', compatibility: '${compatibility}'}`;
}
