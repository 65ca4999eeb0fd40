/**
 * The pull requests a `workflow_run` payload names (issue 12). GitHub lists in
 * `workflow_run.pull_requests` every open pull request whose head is the run's branch and commit, in
 * any repository, including pull requests of the head repository into itself or into another fork
 * (@octokit/webhooks-examples has one: a Codertocat/Hello-World PR in a run of octo-org/octo-repo).
 * Their numbers mean nothing here: looked up in this repository they name some other pull request.
 * Only entries whose base repository is the repository the workflow runs in are kept. Pure.
 */

/** One `workflow_run.pull_requests` entry, as the payload has it (every field may be missing). */
export interface RunPullEntry {
  readonly number?: number;
  readonly head?: { readonly sha?: string };
  readonly base?: { readonly repo?: { readonly id?: number } };
}

export interface RunPulls {
  /** Pull requests into this repository whose head is the run's commit. */
  readonly numbers: readonly number[];
  /** Entries left out because their base is another repository (or unknown), for the log. */
  readonly otherRepositories: readonly number[];
}

/**
 * `repositoryId` is the payload's `repository.id`, the repository the workflow runs in; without it
 * no entry is trusted (the caller then finds the pull request by its head branch through the API).
 */
export function pullsOfRun(entries: readonly RunPullEntry[], repositoryId: number | undefined, headSha: string): RunPulls {
  const numbers: number[] = [];
  const otherRepositories: number[] = [];
  for (const entry of entries) {
    if (entry.number === undefined || entry.head?.sha !== headSha) continue;
    const ours = repositoryId !== undefined && entry.base?.repo?.id === repositoryId;
    (ours ? numbers : otherRepositories).push(entry.number);
  }
  return { numbers, otherRepositories };
}
