/**
 * The workflow event, read once from GITHUB_EVENT_PATH and the runner's environment: which commits to
 * compare and which pull request to judge. PR text (title, body) is never read, so it cannot inject
 * workflow commands or claim dates; branch names are only used to look the pull request up.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { pullsOfRun, type RunPullEntry } from '../github/events/workflow-run.js';
import { InputError } from './inputs.js';

export const SUPPORTED_EVENTS = ['pull_request', 'pull_request_review', 'merge_group', 'workflow_run', 'schedule', 'workflow_dispatch'] as const;

/** Events that name no pull request themselves: the `pull-request` input says which one to re-check. */
const SWEEP_EVENTS = ['schedule', 'workflow_dispatch'];

/** The events whose runs the privileged `workflow_run` evaluator re-checks (docs/action.md). */
const VERIFIED_RUN_EVENTS = ['pull_request', 'pull_request_review', 'merge_group'];

/** GitHub's merge-queue branches: `gh-readonly-queue/<base branch>/pr-<number>-<sha>`. */
const QUEUE_BRANCH = /^gh-readonly-queue\/(.+)\/pr-\d+-[0-9a-f]{40}$/;

const REFUSED_EVENTS: Readonly<Record<string, string>> = {
  pull_request_target:
    'pull_request_target is not supported: it runs with a write token in the base repository while the checkout would be untrusted PR code, and its verdict can describe a different commit than the one checked; use pull_request, or the workflow_run evaluator in docs/action.md',
};

/** What the event asks to check; `run.ts` turns it into commits and pull requests through the API. */
export type EventTarget =
  /**
   * pull_request, pull_request_review: the payload names the PR and its head. Its base is not read:
   * "Re-run jobs" replays the original payload, whose base can be older than the PR's current one
   * (issue 12), so the base always comes from the fresh PR.
   */
  | { readonly kind: 'pull'; readonly number: number; readonly headSha: string }
  /** merge_group: the queued commit and the base it merges into; approvals were enforced on the PRs. */
  | { readonly kind: 'merge-group'; readonly headSha: string; readonly baseSha: string; readonly baseRef: string }
  /**
   * workflow_run of a merge_group run: the queued commit is compared with its first parent (the base,
   * or the entry queued before it), which carries only this entry's changes.
   */
  | { readonly kind: 'queued-run'; readonly headSha: string; readonly baseRef: string }
  /**
   * workflow_run: a completed PR run of the unprivileged workflow. The payload lists same-repository
   * PRs only, so a fork's PR is found from its head branch; the base always comes from the fresh PR.
   */
  | {
      readonly kind: 'workflow-run';
      readonly headSha: string;
      /** PRs into this repository the payload lists at that head (pullsOfRun); empty for a fork's run. */
      readonly numbers: readonly number[];
      /** Entries whose base is another repository: their numbers name unrelated PRs here, so only logged. */
      readonly otherRepositories: readonly number[];
      readonly headOwner: string;
      readonly headBranch: string;
    }
  /**
   * schedule, workflow_dispatch: re-check one PR at its current head and base (team membership
   * changes trigger no event, so a sweep re-evaluates open PRs). `headSha`: the commit the sweep
   * checked out; a PR whose head moved since is skipped.
   */
  | { readonly kind: 'sweep'; readonly number: number; readonly headSha?: string };

export interface EventContext {
  readonly name: string;
  readonly owner: string;
  readonly repo: string;
  /** The checkout of the pull request that is read (as data only): GITHUB_WORKSPACE or the `path` input inside it. */
  readonly workspace: string;
  readonly apiUrl: string;
  readonly target: EventTarget;
}

type Env = Readonly<Record<string, string | undefined>>;

export interface EventInputs {
  /** The `path` input, relative to GITHUB_WORKSPACE ('' for the workspace itself). */
  readonly path?: string;
  /** The `pull-request` input: the PR a schedule or workflow_dispatch run re-checks. */
  readonly pullRequest?: number;
  /** The `head-sha` input: the commit the sweep checked out. */
  readonly headSha?: string;
}

export async function readEvent(env: Env, inputs: EventInputs = {}): Promise<EventContext> {
  const name = required(env, 'GITHUB_EVENT_NAME');
  const refused = REFUSED_EVENTS[name];
  if (refused !== undefined) throw new InputError(refused);
  const [owner, repo] = required(env, 'GITHUB_REPOSITORY').split('/');
  if (!owner || !repo) throw new InputError('GITHUB_REPOSITORY is not owner/name; run the action inside GitHub Actions');
  const payload = await readPayload(required(env, 'GITHUB_EVENT_PATH'));
  const common = { name, owner, repo, workspace: workspaceOf(required(env, 'GITHUB_WORKSPACE'), inputs.path ?? ''), apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com' };
  if (SWEEP_EVENTS.includes(name)) {
    if (inputs.pullRequest === undefined) throw new InputError(`a ${name} run checks the pull request named by the pull-request input, which is not set; pass \`pull-request: <number>\` (see .github/workflows/schema-check-sweep.yml)`);
    return { ...common, target: { kind: 'sweep', number: inputs.pullRequest, ...(inputs.headSha !== undefined && { headSha: inputs.headSha }) } };
  }
  if (inputs.pullRequest !== undefined) throw new InputError(`the pull-request input is only for schedule and workflow_dispatch runs; a ${name} event names its own pull request, so remove the input`);
  if (name === 'merge_group') return { ...common, target: mergeGroupTarget(payload) };
  if (name === 'workflow_run') return { ...common, target: workflowRunTarget(payload) };
  const pull = payload.pull_request as { number?: number; head?: { sha?: string } } | undefined;
  if (pull?.number === undefined || !pull.head?.sha) {
    throw new InputError(`event ${name} carries no pull request; run the action on ${SUPPORTED_EVENTS.join(', ')} (the last two with the pull-request input)`);
  }
  return { ...common, target: { kind: 'pull', number: pull.number, headSha: pull.head.sha } };
}

function mergeGroupTarget(payload: Record<string, unknown>): EventTarget {
  const group = payload.merge_group as { head_sha?: string; base_sha?: string; base_ref?: string } | undefined;
  if (!group?.head_sha || !group.base_sha || !group.base_ref) throw new InputError('the merge_group event has no head_sha/base_sha/base_ref');
  return { kind: 'merge-group', headSha: group.head_sha, baseSha: group.base_sha, baseRef: branchName(group.base_ref) };
}

interface WorkflowRunPayload {
  readonly event?: string;
  readonly head_sha?: string;
  readonly head_branch?: string | null;
  readonly head_repository?: { readonly owner?: { readonly login?: string } } | null;
  readonly pull_requests?: readonly RunPullEntry[];
}

function workflowRunTarget(payload: Record<string, unknown>): EventTarget {
  const run = payload.workflow_run as WorkflowRunPayload | undefined;
  if (run === undefined || !run.head_sha) throw new InputError('the workflow_run event has no workflow_run.head_sha');
  if (!VERIFIED_RUN_EVENTS.includes(run.event ?? '')) {
    throw new InputError(
      `the completed workflow run was triggered by ${run.event ?? 'an unknown event'}; the workflow_run evaluator checks runs of ${VERIFIED_RUN_EVENTS.join(', ')} only (add \`if: contains(fromJSON('["pull_request","pull_request_review","merge_group"]'), github.event.workflow_run.event)\` to the job)`,
    );
  }
  if (run.event === 'merge_group') {
    const baseRef = QUEUE_BRANCH.exec(run.head_branch ?? '')?.[1];
    if (baseRef === undefined) throw new InputError(`the merge_group run's branch ${JSON.stringify(run.head_branch)} is not a merge-queue branch (gh-readonly-queue/<base>/pr-<n>-<sha>)`);
    return { kind: 'queued-run', headSha: run.head_sha, baseRef };
  }
  const headOwner = run.head_repository?.owner?.login;
  if (!headOwner || !run.head_branch) throw new InputError('the workflow_run event names no head repository or branch (the fork may have been deleted); nothing can be checked');
  const repository = payload.repository as { id?: number } | undefined;
  const { numbers, otherRepositories } = pullsOfRun(run.pull_requests ?? [], repository?.id, run.head_sha);
  return { kind: 'workflow-run', headSha: run.head_sha, numbers, otherRepositories, headOwner, headBranch: run.head_branch };
}

/** `refs/heads/main` → `main`. */
export function branchName(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

function workspaceOf(root: string, path: string): string {
  const dir = resolve(root, path);
  const inside = relative(root, dir);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new InputError(`input path is ${JSON.stringify(path)}, which is outside GITHUB_WORKSPACE; give a path inside the workspace, such as pr`);
  }
  return dir;
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new InputError(`${name} is not set; the action must run inside a GitHub Actions job`);
  return value;
}

async function readPayload(path: string): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (value !== null && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new InputError(`cannot read the event payload at GITHUB_EVENT_PATH (${path}); it must be the runner's JSON event file`);
}
