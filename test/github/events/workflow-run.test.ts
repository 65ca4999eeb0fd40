import { describe, expect, it } from 'vitest';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { pullsOfRun, type RunPullEntry } from '../../../src/github/events/workflow-run.js';

interface RunPayload {
  repository: { id: number };
  workflow_run: { head_sha: string; pull_requests: RunPullEntry[] };
}

/** GitHub's own workflow_run payloads. */
const payloads = (examples as unknown as { name: string; examples: RunPayload[] }[]).find((e) => e.name === 'workflow_run')?.examples ?? [];
/** The example whose one entry is a Codertocat/Hello-World PR, in a run of octo-org/octo-repo. */
const foreign = payloads.find((p) => p.workflow_run.pull_requests.length > 0) as RunPayload;

describe('pullsOfRun: workflow_run.pull_requests filtered by base repository', () => {
  it('drops an entry whose base is another repository (GitHub\'s own example payload)', () => {
    const entry = foreign.workflow_run.pull_requests[0] as RunPullEntry;
    expect(entry.base?.repo?.id).not.toBe(foreign.repository.id);
    const sha = entry.head?.sha as string;
    expect(pullsOfRun(foreign.workflow_run.pull_requests, foreign.repository.id, sha)).toEqual({ numbers: [], otherRepositories: [2] });
  });

  it('keeps an entry into this repository at the run\'s head, and drops one at another head', () => {
    const entry = foreign.workflow_run.pull_requests[0] as RunPullEntry;
    const sha = entry.head?.sha as string;
    const ours = { ...entry, number: 7, base: { repo: { id: foreign.repository.id } } };
    const moved = { ...ours, number: 8, head: { sha: '0'.repeat(40) } };
    expect(pullsOfRun([entry, ours, moved], foreign.repository.id, sha)).toEqual({ numbers: [7], otherRepositories: [2] });
  });

  it('trusts no entry when the payload does not say which repository it runs in, or an entry names no base', () => {
    const entry = { number: 7, head: { sha: 'abc' }, base: { repo: { id: 1 } } };
    expect(pullsOfRun([entry], undefined, 'abc')).toEqual({ numbers: [], otherRepositories: [7] });
    expect(pullsOfRun([{ number: 9, head: { sha: 'abc' } }], 1, 'abc')).toEqual({ numbers: [], otherRepositories: [9] });
  });
});
