/**
 * Which breaking changes the merged PR was allowed, read from GitHub, never from the pushed tree:
 * the PR whose merge commit is the pushed commit (`GET /repos/{o}/{r}/commits/{sha}/pulls`), then
 * the newest verified check run on that PR's head commit — named "<check name>: <base>", created by
 * the pinned App id, completed with conclusion success — and the verdict record it embeds
 * (verdict-record.ts). Anything missing or off means "no proof": breaks are then refused.
 */
import type { GitHubClient } from '../../github/api/client.js';
import type { MergedPrProof } from './model.js';
import { decodeVerdictRecord } from './verdict-record.js';

export interface ProofQuery {
  readonly owner: string;
  readonly repo: string;
  /** The pushed commit register runs on. */
  readonly sha: string;
  /** The App whose check runs count (the gate's expected source). */
  readonly appId: number;
  /** The check name before ": <base>", e.g. "Schema guardrails (verified)". */
  readonly checkName: string;
}

export type ProofOutcome = { readonly found: true; readonly proof: MergedPrProof } | { readonly found: false; readonly reason: string };

interface CheckRunRow {
  readonly id: number;
  readonly name: string;
  readonly head_sha: string;
  readonly status: string;
  readonly conclusion: string | null;
  readonly started_at?: string | null;
  readonly app?: { readonly id?: number } | null;
  readonly output?: { readonly summary?: string | null } | null;
}

/** GitHub failures are thrown as they come (the command maps them to "unavailable"). */
export async function readMergedPrProof(client: GitHubClient, q: ProofQuery): Promise<ProofOutcome> {
  const ref = { owner: q.owner, repo: q.repo };
  const pulls = await client.paginate('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...ref, commit_sha: q.sha, per_page: 100 });
  const merged = pulls.filter((p) => p.merged_at !== null && p.merge_commit_sha === q.sha && p.base.repo.full_name === `${q.owner}/${q.repo}`);
  if (merged.length !== 1) return { found: false, reason: `${merged.length === 0 ? 'no' : 'more than one'} merged pull request has ${q.sha.slice(0, 12)} as its merge commit` };
  const pr = merged[0] as (typeof merged)[number];
  const name = `${q.checkName}: ${pr.base.ref}`;
  const runs = (await client.paginate('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...ref, ref: pr.head.sha, check_name: name, per_page: 100 })) as unknown as CheckRunRow[];
  const ours = runs.filter((r) => r.name === name && r.head_sha === pr.head.sha && r.app?.id === q.appId);
  // The newest run of the App decides, as GitHub shows it (the check-run writer rule, docs/security.md).
  const newest = ours.sort((a, b) => b.id - a.id)[0];
  if (!newest) return { found: false, reason: `PR #${pr.number} has no "${name}" check run from app ${q.appId} on its head ${pr.head.sha.slice(0, 12)}` };
  if (newest.status !== 'completed' || newest.conclusion !== 'success') {
    return { found: false, reason: `the newest "${name}" check run of PR #${pr.number} (${newest.id}) is ${newest.status}${newest.conclusion ? `, ${newest.conclusion}` : ''}, not a success` };
  }
  const record = decodeVerdictRecord(newest.output?.summary ?? '');
  if (!record || record.conclusion !== 'success') return { found: false, reason: `check run ${newest.id} of PR #${pr.number} carries no readable verdict record` };
  return {
    found: true,
    proof: {
      pr: pr.number,
      headSha: pr.head.sha,
      checkRunId: newest.id,
      approvers: record.approvers,
      ...(record.overriddenBy !== undefined ? { overriddenBy: record.overriddenBy } : {}),
      allowed: new Map(record.allowedBreaks.map((b) => [b.subject, b.matured] as const)),
    },
  };
}
