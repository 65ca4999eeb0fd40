/**
 * When commits landed on the base branch, by the server's clock (notes §6, trap 15), in order of
 * trust: (a) the repository activity that first brought the commit onto `refs/heads/<branch>`,
 * which also reveals force pushes (landing-proof.ts matches it); (b) `merged_at` of the pull request
 * into the branch whose merge commit it is; (c) the committer date of a commit GitHub itself created
 * and signed (web-flow). (b) and (c) are used only when the activity read covers the window
 * (`fallbackGate`). Otherwise the landing is unproven: committer dates are set by the client.
 */
import {
  activityMatcher,
  fallbackGate,
  uncoveredLanding,
  unprovenLanding,
  type LandingFact,
} from '../../policy/deprecation/landing-proof.js';
import { activitySource, type ActivitySource } from './activity.js';
import type { GitHubClient } from './client.js';
import { apiFailure, statusOf } from './errors.js';
import type { RepoRef } from './pulls.js';

export interface LandingRequest {
  /** The base branch's first-parent chain from the base commit, newest first. */
  readonly chain: readonly string[];
  /** The commits to date, each with its committer date (only the offline source uses it). */
  readonly commits: ReadonlyMap<string, string>;
  /** Now minus the window, ISO 8601: no record older than a commit's arrival by then is needed. */
  readonly windowStart?: string;
}

export interface LandingSource {
  /** A landing fact for every requested commit, `unproven` where nothing proves one. */
  prove(request: LandingRequest): Promise<Map<string, LandingFact>>;
}

/** The per-commit records behind the fallbacks (b) and (c). */
export interface CommitRecords {
  /** The merged pull request into `branch` whose merge commit `sha` is. */
  mergedPull(sha: string, branch: string): Promise<{ number: number; mergedAt: string } | undefined>;
  /** The committer date of a commit GitHub created and signed itself (web-flow); undefined for any other. */
  gitHubCreatedAt(sha: string): Promise<string | undefined>;
}

export interface LandingOptions {
  /** The base branch's name, e.g. `main` (the event's base ref). */
  readonly branch: string;
}

/** The action's source: the API of the repository the check runs for. */
export function landingSource(client: GitHubClient, ref: RepoRef, options: LandingOptions): LandingSource {
  return provenLanding({ activity: activitySource(client, ref), commits: commitRecords(client, ref) }, options.branch);
}

/** The trust order over any activity and commit records (tests inject plain objects). */
export function provenLanding(sources: { activity: ActivitySource; commits: CommitRecords }, branch: string): LandingSource {
  return {
    async prove(request) {
      if (request.commits.size === 0) return new Map();
      const matcher = activityMatcher({ branch, chain: request.chain, commits: [...request.commits.keys()], ...(request.windowStart !== undefined && { windowStart: request.windowStart }) });
      // Newest first, page by page: stop as soon as every commit is settled.
      for await (const activity of sources.activity.activities(branch)) if (matcher.feed(activity)) break;
      const match = matcher.result();
      const facts = new Map(match.landings);
      if (match.unresolved.length === 0) return facts;
      const gate = fallbackGate(match, branch, request.windowStart);
      for (const commit of match.unresolved) facts.set(commit, gate.allowed ? await fallback(sources.commits, commit, branch) : uncoveredLanding(commit, branch, gate.reason));
      return facts;
    },
  };
}

async function fallback(commits: CommitRecords, commit: string, branch: string): Promise<LandingFact> {
  const pull = await commits.mergedPull(commit, branch);
  if (pull !== undefined) return { commit, source: 'pr-merged-at', at: pull.mergedAt, detail: `merge commit of pull request #${pull.number}, merged into ${branch} at ${pull.mergedAt}` };
  const created = await commits.gitHubCreatedAt(commit);
  if (created !== undefined) return { commit, source: 'web-flow-committer-date', at: created, detail: `created and signed by GitHub (web-flow) at ${created}` };
  return unprovenLanding(commit, branch);
}

const GITHUB_COMMITTER = 'noreply@github.com';

export function commitRecords(client: GitHubClient, ref: RepoRef): CommitRecords {
  return {
    async mergedPull(sha, branch) {
      const pulls = await unlessMissing(`find the pull request that merged ${sha.slice(0, 12)}`, () =>
        client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...ref, commit_sha: sha, per_page: 100 }),
      );
      // A pull request merged into another branch first says nothing about when the commit reached this one.
      const pull = pulls?.data.find((p) => p.merge_commit_sha === sha && p.base?.ref === branch);
      return pull?.merged_at ? { number: pull.number, mergedAt: pull.merged_at } : undefined;
    },
    async gitHubCreatedAt(sha) {
      const found = await unlessMissing(`read commit ${sha.slice(0, 12)}`, () => client.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...ref, ref: sha }));
      const commit = found?.data.commit;
      // Anyone can write "GitHub <noreply@github.com>" as committer; only GitHub's own signature proves it.
      const signed = commit?.verification?.verified === true && commit.verification.reason === 'valid';
      return signed && commit.committer?.email === GITHUB_COMMITTER && commit.committer.date ? commit.committer.date : undefined;
    },
  };
}

/** The response, or undefined when GitHub does not know the commit; a refused or failed request must not pass for "no record". */
async function unlessMissing<T>(doing: string, request: () => Promise<T>): Promise<T | undefined> {
  try {
    return await request();
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 422) return undefined;
    throw apiFailure(doing, error);
  }
}

/** The offline source (no API): committer dates, labelled as such; they are set by the client and prove nothing. */
export const gitLanding: LandingSource = {
  async prove(request) {
    const facts = new Map<string, LandingFact>();
    for (const [commit, date] of request.commits) {
      facts.set(commit, { commit, source: 'committer-date', at: date, detail: `committer date of ${commit.slice(0, 12)} (set by the committer's clock; the action proves dates from the activity record)` });
    }
    return facts;
  },
};
