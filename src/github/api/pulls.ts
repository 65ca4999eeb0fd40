/**
 * Pull-request facts for the approval engine, every list read through all pages at 100 per page
 * (trap 4: page 1 holds only 30 by default).
 */
import { reviewFromPayload, type LabelEvent, type ReviewFact } from '../../policy/approvals/facts.js';
import type { GitHubClient } from './client.js';
import { coAuthorEmails, loginForEmail } from './co-authors.js';
import { apiFailure, GitHubApiError } from './errors.js';

/** GitHub's list-commits endpoint of a pull request stops at 250. */
export const MAX_LISTED_COMMITS = 250;

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface PullInfo {
  readonly number: number;
  /** `open` or `closed` (merged pull requests are closed). */
  readonly state: string;
  readonly author: string;
  readonly headSha: string;
  readonly baseSha: string;
  readonly baseRef: string;
  /** The branch the PR's head lives on, in `headRepo`. */
  readonly headRef: string;
  /** Where the head branch lives (the fork, for a fork PR); null when that repository was deleted. */
  readonly headRepo: RepoRef | null;
  readonly labels: readonly string[];
  /** The head repository differs from the base one. */
  readonly fromFork: boolean;
}

export interface PullSource {
  pull(number: number): Promise<PullInfo>;
  reviews(number: number): Promise<ReviewFact[]>;
  /** Logins of every commit author and committer (GitHub's own `web-flow` committer left out). */
  commitPeople(number: number): Promise<string[]>;
  /** `labeled` and `unlabeled` events, all pages, oldest first; an event without an actor has actor null. */
  labelEvents(number: number): Promise<LabelEvent[]>;
}

export function pullSource(client: GitHubClient, ref: RepoRef): PullSource {
  return {
    async pull(number) {
      try {
        const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...ref, pull_number: number });
        return {
          number,
          state: data.state,
          author: data.user?.login ?? '',
          headSha: data.head.sha,
          baseSha: data.base.sha,
          baseRef: data.base.ref,
          headRef: data.head.ref,
          headRepo: data.head.repo ? { owner: data.head.repo.owner.login, repo: data.head.repo.name } : null,
          labels: data.labels.map((label) => label.name ?? '').filter((name) => name !== ''),
          fromFork: data.head.repo?.full_name !== data.base.repo.full_name,
        };
      } catch (error) {
        throw apiFailure(`read pull request #${number}`, error);
      }
    },
    async reviews(number) {
      try {
        const reviews = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...ref, pull_number: number, per_page: 100 });
        return reviews.map((r) => reviewFromPayload({ ...r, id: Number(r.id) }));
      } catch (error) {
        throw apiFailure(`read the reviews of pull request #${number}`, error);
      }
    },
    async commitPeople(number) {
      try {
        const commits = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', { ...ref, pull_number: number, per_page: 100 });
        // The API lists at most 250 commits: past that, unseen commits could be an approver's.
        if (commits.length >= MAX_LISTED_COMMITS) {
          throw new GitHubApiError('failed', `pull request #${number} has ${MAX_LISTED_COMMITS} or more commits, more than the API lists, so approvals cannot be proven independent of the authors; squash or split the pull request`);
        }
        const people = new Set<string>();
        const loginsByEmail = new Map<string, string>();
        for (const commit of commits) {
          if (!commit.author?.login || !commit.committer?.login) {
            throw new GitHubApiError('failed', `commit ${commit.sha.slice(0, 12)} of pull request #${number} has an author or committer email linked to no GitHub account, so approvals cannot be proven independent of it; rewrite the commit with an email linked to the author's account`);
          }
          people.add(commit.author.login);
          if (commit.committer.login !== 'web-flow') people.add(commit.committer.login);
          const { author, committer } = commit.commit ?? {};
          if (author?.email) loginsByEmail.set(author.email.toLowerCase(), commit.author.login);
          if (committer?.email) loginsByEmail.set(committer.email.toLowerCase(), commit.committer.login);
        }
        for (const commit of commits) {
          for (const email of coAuthorEmails(commit.commit?.message ?? '')) {
            const login = loginForEmail(email, loginsByEmail);
            if (login === undefined) {
              throw new GitHubApiError('failed', `commit ${commit.sha.slice(0, 12)} of pull request #${number} names a co-author (${email}) that cannot be matched to a GitHub account, so approvals cannot be proven independent of them; use the co-author's GitHub noreply address in the Co-authored-by trailer`);
            }
            people.add(login);
          }
        }
        return [...people];
      } catch (error) {
        throw apiFailure(`read the commits of pull request #${number}`, error);
      }
    },
    async labelEvents(number) {
      try {
        const events = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/events', { ...ref, issue_number: number, per_page: 100 });
        return events.flatMap((event): LabelEvent[] => {
          const e = event as { event?: string; label?: { name?: string }; actor?: { login?: string } | null; created_at?: string };
          if ((e.event !== 'labeled' && e.event !== 'unlabeled') || !e.label?.name) return [];
          // An event without an actor stays, as an unknown applier: dropping it would credit an earlier one.
          return [{ action: e.event, label: e.label.name, actor: e.actor?.login || null, createdAt: e.created_at ?? '' }];
        });
      } catch (error) {
        throw apiFailure(`read the label events of pull request #${number}`, error);
      }
    },
  };
}
