/** GitHub API failures as typed values with one-line, actionable messages (no token, no stack). */

export type GitHubErrorKind =
  /** The token may not do this (read-only fork token, missing permission). */
  | 'forbidden'
  /** The token cannot read org/team membership: a GITHUB_TOKEN, or a PAT without read:org. */
  | 'no-org-access'
  | 'not-found'
  | 'failed';

export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Wraps any thrown value from Octokit into a GitHubApiError saying what was being done. */
export function apiFailure(doing: string, error: unknown): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  const status = statusOf(error);
  const detail = (error as Error | null)?.message?.split('\n')[0] ?? String(error);
  if (status === 403 || status === 401) {
    return new GitHubApiError('forbidden', `GitHub refused to ${doing} (HTTP ${status}: ${detail}); give the token the permission docs/action.md lists`, status);
  }
  if (status === 404) return new GitHubApiError('not-found', `GitHub found nothing when trying to ${doing} (HTTP 404)`, status);
  return new GitHubApiError('failed', `could not ${doing}: ${status !== undefined ? `HTTP ${status}: ` : ''}${detail}`, status);
}
