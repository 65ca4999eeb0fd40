/**
 * What one run checks: the head commit, the base it is compared with, and the pull request whose
 * approvals count, each read fresh from the API. For every pull-request trigger the base is the PR's
 * current base, never the event's: policy, owners, deprecation history and the merge-base all come
 * from it (issue 12). A run whose event head is no longer the PR's head is stale: a newer run owns the
 * check on the new head, so it checks nothing.
 */
import type { PullInfo, PullSource } from '../github/api/pulls.js';
import type { EventContext, EventTarget } from './event.js';

export interface CheckTarget {
  readonly headSha: string;
  readonly baseSha: string;
  /** The base branch name, part of the check run's name; for a pull request, its current base. */
  readonly baseRef: string;
  /** Absent for a merge group: approvals were enforced on its pull requests. */
  readonly pull?: PullInfo;
}

export interface TargetSources {
  readonly pulls: PullSource;
  /** Open PR numbers whose head is `owner:branch` at `sha`. */
  readonly pullsAtHead: (owner: string, branch: string, sha: string) => Promise<number[]>;
  /** A commit's first parent. */
  readonly firstParent: (sha: string) => Promise<string>;
  readonly log: (line: string) => void;
}

export async function resolveTargets(event: EventContext, sources: TargetSources): Promise<CheckTarget[]> {
  const { target } = event;
  switch (target.kind) {
    case 'merge-group':
      return [{ headSha: target.headSha, baseSha: target.baseSha, baseRef: target.baseRef }];
    case 'queued-run':
      return [{ headSha: target.headSha, baseSha: await sources.firstParent(target.headSha), baseRef: target.baseRef }];
    case 'sweep':
      return sweepTargets(target, sources);
    case 'pull': {
      const pull = await current(sources, target.number, target.headSha);
      return pull === undefined ? [] : [atCurrentBase(pull)];
    }
    case 'workflow-run':
      return workflowRunTargets(target, sources);
  }
}

async function sweepTargets(target: Extract<EventTarget, { kind: 'sweep' }>, sources: TargetSources): Promise<CheckTarget[]> {
  const pull = await sources.pulls.pull(target.number);
  if (pull.state !== 'open') {
    sources.log(`PR #${target.number} is ${pull.state}; nothing to check.`);
    return [];
  }
  // The sweep checks out refs/pull/N/head before this read; a push in between is not a failure of the
  // PR, and the push's own run owns the check on the new head.
  if (target.headSha !== undefined && target.headSha !== pull.headSha) {
    sources.log(`Skipped: PR #${target.number}'s head moved from the checked-out ${target.headSha} to ${pull.headSha} since the sweep checked it out; the run for the new head owns the check.`);
    return [];
  }
  return [atCurrentBase(pull)];
}

async function workflowRunTargets(target: Extract<EventTarget, { kind: 'workflow-run' }>, sources: TargetSources): Promise<CheckTarget[]> {
  const { headSha } = target;
  if (target.otherRepositories.length > 0) {
    sources.log(`Ignored workflow_run pull request entries of other repositories: ${target.otherRepositories.map((n) => `#${n}`).join(', ')} (their numbers name other pull requests here).`);
  }
  const numbers = target.numbers.length > 0 ? target.numbers : await sources.pullsAtHead(target.headOwner, target.headBranch, headSha);
  if (numbers.length === 0) sources.log(`No open pull request has ${target.headOwner}:${target.headBranch} at ${headSha} as its head; nothing to check.`);
  const targets: CheckTarget[] = [];
  for (const number of numbers) {
    const pull = await current(sources, number, headSha);
    if (pull !== undefined) targets.push(atCurrentBase(pull));
  }
  return targets;
}

async function current(sources: TargetSources, number: number, headSha: string): Promise<PullInfo | undefined> {
  const pull = await sources.pulls.pull(number);
  if (pull.headSha === headSha) return pull;
  sources.log(`Stale run: the event's head ${headSha} is no longer the head of PR #${number} (${pull.headSha}); nothing to check here.`);
  return undefined;
}

/** The PR at the head and base the API reports now. */
function atCurrentBase(pull: PullInfo): CheckTarget {
  return { headSha: pull.headSha, baseSha: pull.baseSha, baseRef: pull.baseRef, pull };
}
