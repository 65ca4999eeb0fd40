/**
 * The workflow event, read once from GITHUB_EVENT_PATH and the runner's environment: which commits to
 * compare and which pull request to judge. PR text (title, body, branch names) is never read, so it
 * cannot inject workflow commands or claim dates.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from './inputs.js';

export const SUPPORTED_EVENTS = ['pull_request', 'pull_request_review', 'merge_group', 'workflow_dispatch'] as const;

const REFUSED_EVENTS: Readonly<Record<string, string>> = {
  pull_request_target:
    'pull_request_target is not supported: it runs with a write token in the base repository while the checkout would be untrusted PR code, and its verdict can describe a different commit than the one checked; use pull_request (and the workflow_run pattern in docs/action.md for fork comments)',
};

export interface EventContext {
  readonly name: string;
  readonly owner: string;
  readonly repo: string;
  /** The repository checkout. */
  readonly workspace: string;
  readonly apiUrl: string;
  /** The commit the check run is attached to. */
  readonly headSha: string;
  /** The base branch commit: policy, owners and history come from here. */
  readonly baseSha: string;
  /** Set for pull_request and pull_request_review events. */
  readonly pullNumber?: number;
}

type Env = Readonly<Record<string, string | undefined>>;

export async function readEvent(env: Env): Promise<EventContext> {
  const name = required(env, 'GITHUB_EVENT_NAME');
  const refused = REFUSED_EVENTS[name];
  if (refused !== undefined) throw new InputError(refused);
  const [owner, repo] = required(env, 'GITHUB_REPOSITORY').split('/');
  if (!owner || !repo) throw new InputError('GITHUB_REPOSITORY is not owner/name; run the action inside GitHub Actions');
  const payload = await readPayload(required(env, 'GITHUB_EVENT_PATH'));
  const common = { name, owner, repo, workspace: required(env, 'GITHUB_WORKSPACE'), apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com' };
  if (name === 'merge_group') {
    const group = payload.merge_group as { head_sha?: string; base_sha?: string } | undefined;
    if (!group?.head_sha || !group.base_sha) throw new InputError('the merge_group event has no head_sha/base_sha');
    return { ...common, headSha: group.head_sha, baseSha: group.base_sha };
  }
  const pull = payload.pull_request as { number?: number; head?: { sha?: string }; base?: { sha?: string } } | undefined;
  if (pull?.number === undefined || !pull.head?.sha || !pull.base?.sha) {
    throw new InputError(`event ${name} carries no pull request; run the action on ${SUPPORTED_EVENTS.slice(0, 3).join(', ')}`);
  }
  return { ...common, pullNumber: pull.number, headSha: pull.head.sha, baseSha: pull.base.sha };
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
