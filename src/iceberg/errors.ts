/**
 * The few failure kinds of snapshot expiration, each with a meaning the job acts on:
 * INVALID_INPUT (fix the flag/metadata), REFUSED (table policy forbids it), UNREADABLE (a file could not be read:
 * delete nothing), CONFLICT (retryable CAS loss), UNKNOWN_OUTCOME (commit may or may not have landed: delete nothing),
 * IO (a read/write/delete failed), UNAVAILABLE (catalog or store unreachable), STOPPED (a signal came before the
 * commit), INTERNAL (a bug).
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
  /** A signal stopped the run before this table's commit: nothing of it was written. */
  | 'STOPPED'
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

/** The error of a table whose run a signal stopped before its commit: nothing of it was written. */
export function stopped(when: string): IcebergError {
  return new IcebergError('STOPPED', `stopped by a signal ${when}: nothing was committed`, { hint: 'run again to finish' });
}

export function isStopped(error: unknown): boolean {
  return error instanceof IcebergError && error.code === 'STOPPED';
}

/** One-line text of anything thrown, for reports. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
