/**
 * The errors of backup and restore. Each has a kind with one meaning and a one-line message saying
 * what failed, where, and what to do. Registry failures stay RegistryErrors (src/registry).
 */

export type BackupErrorKind =
  /** Bad options, a missing directory, an unreadable file: fix the input and run again. */
  | 'invalid-input'
  /** SHA256SUMS does not match, a file is missing or extra, or a file does not parse: the backup is not trusted. */
  | 'integrity'
  /** The listing is inconsistent (counts disagree, a page went missing): nothing was published. */
  | 'incomplete'
  /** The target holds different content under a backed-up id or version: nothing was written. */
  | 'conflict'
  /** After the restore, the target differs from the backup. */
  | 'verification'
  /** A destination (git, S3, file system) refused a write. */
  | 'destination'
  /** The registry, S3 or git remote could not be reached, after retries. */
  | 'unavailable'
  /** A signal stopped the run before it finished; what was not done is named. */
  | 'stopped';

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly kind: BackupErrorKind,
    /** The problem without the hint. */
    readonly problem: string,
    /** What the user can do about it. */
    readonly hint?: string,
    /** One line per finding, when there are several. */
    readonly details: readonly string[] = [],
  ) {
    super(hint ? `${problem}. ${hint}` : problem);
  }
}

/** The message of anything thrown, as one line. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ');
}
