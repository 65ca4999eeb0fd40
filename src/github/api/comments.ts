/**
 * The sticky PR comment: found by a hidden marker *and* the bot's login (a user quoting the marker
 * must not hijack it), updated in place, created only when none exists, so it is never duplicated.
 * A write that would change nothing is not sent: the same body again, or a first comment that the
 * caller says is not worth creating (a pull request without schema changes).
 */
import type { GitHubClient } from './client.js';
import { apiFailure } from './errors.js';
import { fitMarkdown } from './truncate.js';
import type { RepoRef } from './pulls.js';

export const COMMENT_MARKER = '<!-- guardrails:schema-check -->';
export const MAX_COMMENT_CHARS = 65536;

export interface UpsertOptions {
  /** Only update a comment that exists; create none. */
  readonly onlyIfPresent?: boolean;
}

export type UpsertResult = { readonly id: number; readonly created: boolean; readonly changed: boolean } | { readonly skipped: true };

export interface StickyComments {
  /** Creates or updates the comment; returns its id, whether it was created and whether anything changed. */
  upsert(issue: number, body: string, options?: UpsertOptions): Promise<UpsertResult>;
}

/**
 * `botLogin` undefined: the comment of any Bot account carrying the marker (users cannot post as a
 * Bot, so a user's quoted marker is still ignored); an App token's login (`<slug>[bot]`) then works
 * without configuration.
 */
export function stickyComments(client: GitHubClient, ref: RepoRef, botLogin?: string): StickyComments {
  return {
    async upsert(issue, body, options = {}) {
      const full = withMarker(body);
      try {
        const comments = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...ref, issue_number: issue, per_page: 100 });
        const ours = (user: { login: string; type?: string } | null | undefined) =>
          botLogin === undefined ? user?.type === 'Bot' : user?.login === botLogin;
        const mine = comments.find((c) => ours(c.user) && (c.body ?? '').includes(COMMENT_MARKER));
        if (mine !== undefined) {
          if (mine.body === full) return { id: mine.id, created: false, changed: false };
          await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...ref, comment_id: mine.id, body: full });
          return { id: mine.id, created: false, changed: true };
        }
        if (options.onlyIfPresent === true) return { skipped: true };
        const { data } = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...ref, issue_number: issue, body: full });
        return { id: Number(data.id), created: true, changed: true };
      } catch (error) {
        throw apiFailure(`write the sticky comment on #${issue}`, error);
      }
    },
  };
}

function withMarker(body: string): string {
  return fitMarkdown(`${COMMENT_MARKER}\n${body}`, MAX_COMMENT_CHARS, '… truncated: see the check run and the job summary for the full report.');
}
