/**
 * The few failure kinds of snapshot expiration, each with a meaning the job acts on:
 * INVALID_INPUT (fix the flag/metadata), REFUSED (table policy forbids it), UNREADABLE (a file could not be read:
 * delete nothing), CONFLICT (retryable CAS loss), UNKNOWN_OUTCOME (commit may or may not have landed: delete nothing),
 * IO (a read/write/delete failed), UNAVAILABLE (catalog or store unreachable), INTERNAL (a bug).
 */
export type IcebergErrorCode =
  | 'INVALID_INPUT'
  | 'REFUSED'
  | 'UNREADABLE'
  | 'CONFLICT'
  | 'UNKNOWN_OUTCOME'
  | 'IO'
  /** The catalog database or the object store cannot be reached. */
  | 'UNAVAILABLE'
  | 'INTERNAL';

export class IcebergError extends Error {
  override readonly name = 'IcebergError';
  readonly code: IcebergErrorCode;
  /** Table, file or flag the error is about. */
  readonly subject: string | undefined;
  readonly hint: string | undefined;

  constructor(code: IcebergErrorCode, problem: string, details: { subject?: string; hint?: string; cause?: unknown } = {}) {
    const where = details.subject !== undefined ? `${details.subject}: ` : '';
    const hint = details.hint !== undefined ? ` (${details.hint})` : '';
    super(`${where}${problem}${hint}`, details.cause !== undefined ? { cause: details.cause } : undefined);
    this.code = code;
    this.subject = details.subject;
    this.hint = details.hint;
  }
}

/** One-line text of anything thrown, for reports. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
