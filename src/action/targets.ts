/**
 * What one run checks: the head commit, the base it is compared with, and the pull request whose
 * approvals count, each read fresh from the API. A run whose event head is no longer the PR's head is
 * stale: a newer run owns the check on the new head, so it checks nothing.
 */
import type { PullInfo, PullSource } from '../github/api/pulls.js';
import type { EventContext, EventTarget } from './event.js';

export interface CheckTarget {
  readonly headSha: string;
  readonly baseSha: string;
  /** The base branch name, part of the check run's name. */
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
    case 'sweep': {
      const pull = await sources.pulls.pull(target.number);
      if (pull.state === 'open') return [{ headSha: pull.headSha, baseSha: pull.baseSha, baseRef: pull.baseRef, pull }];
      sources.log(`PR #${target.number} is ${pull.state}; nothing to check.`);
      return [];
    }
    case 'pull': {
      const pull = await current(sources, target.number, target.headSha);
      return pull === undefined ? [] : [{ headSha: target.headSha, baseSha: target.baseSha, baseRef: target.baseRef, pull }];
    }
    case 'workflow-run':
      return workflowRunTargets(target, sources);
  }
}

async function workflowRunTargets(target: Extract<EventTarget, { kind: 'workflow-run' }>, sources: TargetSources): Promise<CheckTarget[]> {
  const { headSha } = target;
  const numbers = target.numbers.length > 0 ? target.numbers : await sources.pullsAtHead(target.headOwner, target.headBranch, headSha);
  if (numbers.length === 0) sources.log(`No open pull request has ${target.headOwner}:${target.headBranch} at ${headSha} as its head; nothing to check.`);
  const targets: CheckTarget[] = [];
  for (const number of numbers) {
    const pull = await current(sources, number, headSha);
    if (pull !== undefined) targets.push({ headSha, baseSha: pull.baseSha, baseRef: pull.baseRef, pull });
  }
  return targets;
}

async function current(sources: TargetSources, number: number, headSha: string): Promise<PullInfo | undefined> {
  const pull = await sources.pulls.pull(number);
  if (pull.headSha === headSha) return pull;
  sources.log(`Stale run: the event's head ${headSha} is no longer the head of PR #${number} (${pull.headSha}); nothing to check here.`);
  return undefined;
}
