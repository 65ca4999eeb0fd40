/**
 * The typed error for schema input that cannot be used: bad bytes, bad JSON, bad Avro, missing references.
 * It always says what is wrong, where (file, line and column when known, else the JSON pointer) and what to do.
 */

export type SchemaErrorCode =
  | 'INVALID_UTF8'
  | 'INVALID_JSON'
  | 'TOO_DEEP'
  | 'TOO_LARGE'
  | 'INVALID_SCHEMA'
  | 'UNKNOWN_TYPE'
  | 'DUPLICATE_FIELD'
  | 'DUPLICATE_NAME'
  | 'DUPLICATE_SYMBOL'
  | 'INVALID_NAME'
  | 'INVALID_DEFAULT'
  | 'INVALID_LOGICAL_TYPE'
  | 'MISSING_REFERENCE'
  | 'REFERENCE_CYCLE';

export interface SchemaErrorDetails {
  readonly file?: string;
  /** JSON pointer of the offending node within its document. */
  readonly pointer?: string;
  /** 1-based line and column, when the source text is known. */
  readonly line?: number;
  readonly column?: number;
  /** What the user can do about it. */
  readonly hint?: string;
}

export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  readonly code: SchemaErrorCode;
  readonly file?: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  /** The bare problem, without location or hint; `message` is the full one-line text. */
  readonly problem: string;

  constructor(code: SchemaErrorCode, problem: string, details: SchemaErrorDetails = {}) {
    super(formatSchemaError(problem, details));
    this.code = code;
    this.problem = problem;
    this.file = details.file;
    this.pointer = details.pointer;
    this.line = details.line;
    this.column = details.column;
    this.hint = details.hint;
  }

  /** A copy with more location facts filled in (e.g. the line once the pointer is mapped to the text). */
  withDetails(details: SchemaErrorDetails): SchemaError {
    return new SchemaError(this.code, this.problem, {
      file: this.file,
      pointer: this.pointer,
      line: this.line,
      column: this.column,
      hint: this.hint,
      ...stripUndefined(details),
    });
  }
}

function stripUndefined(details: SchemaErrorDetails): SchemaErrorDetails {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
}

/** `file:line:column: problem (at /pointer). hint` on one line. */
export function formatSchemaError(problem: string, details: SchemaErrorDetails): string {
  let where = '';
  if (details.file !== undefined) where = details.file;
  if (details.line !== undefined) {
    where += `${where ? ':' : 'line '}${details.line}`;
    if (details.column !== undefined) where += `:${details.column}`;
  }
  const pointer = details.pointer !== undefined && details.line === undefined ? ` (at ${details.pointer || '/'})` : '';
  const hint = details.hint ? ` ${details.hint}` : '';
  return `${where ? `${where}: ` : ''}${problem}${pointer}.${hint}`.replace(/\.\./g, '.');
}
