/**
 * Team membership, checked live at evaluation time (trap 7). A team the token cannot see means the
 * token cannot read org membership (a GITHUB_TOKEN, a PAT without read:org): that fails with a message
 * saying exactly that, never a silent "not a member". Pending invitations are not membership.
 */
import type { MembershipState } from '../../policy/approvals/facts.js';
import type { GitHubClient } from './client.js';
import { apiFailure, GitHubApiError, statusOf } from './errors.js';

export interface TeamSource {
  /** Throws GitHubApiError `no-org-access` when the token cannot read the team. */
  membership(org: string, slug: string, login: string): Promise<MembershipState>;
}

export function noOrgAccess(org: string, slug: string): GitHubApiError {
  return new GitHubApiError(
    'no-org-access',
    `cannot read team ${org}/${slug}: the token cannot read org membership. The default GITHUB_TOKEN never can; pass a GitHub App token with "Members: read" (actions/create-github-app-token) or a PAT with read:org as github-token`,
  );
}

export function teamSource(client: GitHubClient): TeamSource {
  const visible = new Map<string, Promise<void>>();
  const checkVisible = (org: string, slug: string) => {
    const key = `${org}/${slug}`.toLowerCase();
    let check = visible.get(key);
    if (check === undefined) {
      check = client.request('GET /orgs/{org}/teams/{team_slug}', { org, team_slug: slug }).then(
        () => undefined,
        (error: unknown) => {
          const status = statusOf(error);
          if (status === 404 || status === 403 || status === 401) throw noOrgAccess(org, slug);
          throw apiFailure(`read team ${org}/${slug}`, error);
        },
      );
      visible.set(key, check);
    }
    return check;
  };
  return {
    async membership(org, slug, login) {
      await checkVisible(org, slug);
      try {
        const { data } = await client.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: slug, username: login });
        return data.state === 'active' ? 'active' : 'pending';
      } catch (error) {
        if (statusOf(error) === 404) return 'none';
        if (statusOf(error) === 403) throw noOrgAccess(org, slug);
        throw apiFailure(`read ${login}'s membership of ${org}/${slug}`, error);
      }
    },
  };
}
