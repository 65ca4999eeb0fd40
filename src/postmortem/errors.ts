/**
 * The few ways the follow-up job can fail as a whole. Per-item problems are data (`ParseProblem`), not errors.
 * - `config`: guardrails.yaml or flags are wrong; the message names the key, the value and the expected form.
 * - `github`: the API refused a request; the message names the request.
 * - `unavailable`: the API could not be reached or kept failing after retries.
 * - `unknown-outcome`: a write may or may not have happened; the next run re-lists and reconciles.
 */
export type FollowupsErrorKind = 'config' | 'github' | 'unavailable' | 'unknown-outcome' | 'io';

export class FollowupsError extends Error {
  override readonly name = 'FollowupsError';
  constructor(
    readonly kind: FollowupsErrorKind,
    message: string,
    readonly hint?: string,
  ) {
    super(hint ? `${message}. ${hint}` : message);
  }
}
