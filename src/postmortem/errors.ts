/**
 * The few ways the follow-up job can fail as a whole. Per-item problems are data (`ParseProblem`), not errors.
 * - `config`: bad input, found before any GitHub write: guardrails.yaml, a report (not UTF-8, no reports at all),
 *   the incident log or a rejected token; the message names the file (line and column) or key and the fix.
 * - `github`: the API refused a request; the message names the request.
 * - `unavailable`: the API could not be reached, kept failing after retries, or did not answer with GitHub's JSON.
 * - `unknown-outcome`: a write may or may not have happened; the next run re-lists and reconciles.
 */
export type FollowupsErrorKind = 'config' | 'github' | 'unavailable' | 'unknown-outcome';

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
