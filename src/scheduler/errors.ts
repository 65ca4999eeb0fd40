/** The scheduler's typed failures; bad config is a ConfigError (src/policy/config/errors.ts) like every config problem. */
export type ScheduleErrorKind =
  /** The claims database cannot be reached or used. */
  | 'unavailable'
  /** The status port is taken (or not allowed). */
  | 'port';

export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
  constructor(readonly kind: ScheduleErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
