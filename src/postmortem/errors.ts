/**
 * The few ways the follow-up job can fail as a whole. Per-item problems are data (`ParseProblem`), not errors.
 * - `config`: guardrails.yaml or flags are wrong; the message names the key, the value and the expected form.
 * - `github`: the API refused or failed; the message names the request.
 * - `unknown-outcome`: a write may or may not have happened; the next run re-lists and reconciles.
 */
export type FollowupsErrorKind = 'config' | 'github' | 'unknown-outcome' | 'io';

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
