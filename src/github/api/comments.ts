/**
 * The sticky PR comment: found by a hidden marker *and* the bot's login (a user quoting the marker
 * must not hijack it), updated in place, created only when none exists, so it is never duplicated.
 */
import type { GitHubClient } from './client.js';
import { apiFailure } from './errors.js';
import { fitMarkdown } from './truncate.js';
import type { RepoRef } from './pulls.js';

export const COMMENT_MARKER = '<!-- guardrails:schema-check -->';
export const MAX_COMMENT_CHARS = 65536;

export interface StickyComments {
  /** Creates or updates the comment; returns its id and whether it was created. */
  upsert(issue: number, body: string): Promise<{ id: number; created: boolean }>;
}

/**
 * `botLogin` undefined: the comment of any Bot account carrying the marker (users cannot post as a
 * Bot, so a user's quoted marker is still ignored); an App token's login (`<slug>[bot]`) then works
 * without configuration.
 */
export function stickyComments(client: GitHubClient, ref: RepoRef, botLogin?: string): StickyComments {
  return {
    async upsert(issue, body) {
      const full = withMarker(body);
      try {
        const comments = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...ref, issue_number: issue, per_page: 100 });
        const ours = (user: { login: string; type?: string } | null | undefined) =>
          botLogin === undefined ? user?.type === 'Bot' : user?.login === botLogin;
        const mine = comments.find((c) => ours(c.user) && (c.body ?? '').includes(COMMENT_MARKER));
        if (mine !== undefined) {
          await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...ref, comment_id: mine.id, body: full });
          return { id: mine.id, created: false };
        }
        const { data } = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...ref, issue_number: issue, body: full });
        return { id: Number(data.id), created: true };
      } catch (error) {
        throw apiFailure(`write the sticky comment on #${issue}`, error);
      }
    },
  };
}

function withMarker(body: string): string {
  return fitMarkdown(`${COMMENT_MARKER}\n${body}`, MAX_COMMENT_CHARS, '… truncated: see the check run and the job summary for the full report.');
}
