import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { readEvent } from '../../src/action/event.js';

type Payload = Record<string, unknown>;

function example(event: string, action?: string): Payload {
  const entry = (examples as { name: string; examples: Payload[] }[]).find((e) => e.name === event);
  const found = entry?.examples.find((e) => action === undefined || e.action === action);
  if (found === undefined) throw new Error(`no ${event}/${action} example`);
  return structuredClone(found);
}

const workspace = mkdtempSync(join(tmpdir(), 'guardrails-event-'));

function eventFile(name: string, payload: Payload): string {
  const file = join(workspace, `${name}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

function read(name: string, payload: Payload, path = '', pullRequest?: number) {
  const file = eventFile(name, payload);
  return readEvent({ GITHUB_EVENT_NAME: name, GITHUB_REPOSITORY: 'acme/schemas', GITHUB_EVENT_PATH: file, GITHUB_WORKSPACE: workspace }, { path, ...(pullRequest !== undefined && { pullRequest }) });
}

describe('readEvent', () => {
  it('pull_request: the PR number and head from a real payload, never its base (a replay can carry an old one)', async () => {
    const payload = example('pull_request', 'synchronize');
    const pull = payload.pull_request as { number: number; head: { sha: string } };
    const event = await read('pull_request', payload);
    expect(event.target).toEqual({ kind: 'pull', number: pull.number, headSha: pull.head.sha });
    expect(event.workspace).toBe(workspace);
  });

  it('merge_group: the queued commit and the base branch name without refs/heads/', async () => {
    const event = await read('merge_group', example('merge_group'));
    expect(event.target).toEqual({ kind: 'merge-group', headSha: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d', baseSha: '380387fbc80638b734a49e1be1c4dfec1c01b33c', baseRef: 'main' });
  });

  it('workflow_run of a same-repository PR: the PR numbers the payload lists for that head', async () => {
    const payload = example('workflow_run');
    const run = payload.workflow_run as Payload;
    run.event = 'pull_request';
    run.head_sha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
    run.head_branch = 'changes';
    const here = { id: (payload.repository as { id: number }).id };
    run.pull_requests = [
      { number: 2, head: { ref: 'changes', sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' }, base: { ref: 'master', sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', repo: here } },
      { number: 9, head: { ref: 'changes', sha: '0000000000000000000000000000000000000009' }, base: { ref: 'master', sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', repo: here } },
      // GitHub lists PRs of other repositories at that head too; their numbers mean nothing here.
      { number: 5, head: { ref: 'changes', sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' }, base: { ref: 'master', sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', repo: { id: here.id + 1 } } },
    ];
    const event = await read('workflow_run', payload, 'pr');
    expect(event.target).toEqual({ kind: 'workflow-run', headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', numbers: [2], otherRepositories: [5], headOwner: 'octo-org', headBranch: 'changes' });
    expect(event.workspace).toBe(join(workspace, 'pr'));
  });

  it('workflow_run of a fork PR lists no pull request: it is looked up by the head branch later', async () => {
    const payload = example('workflow_run');
    Object.assign(payload.workflow_run as Payload, { event: 'pull_request_review', pull_requests: [], head_repository: { owner: { login: 'forker' } } });
    const event = await read('workflow_run', payload);
    expect(event.target).toEqual(expect.objectContaining({ kind: 'workflow-run', numbers: [], headOwner: 'forker', headBranch: 'main' }));
  });

  it('workflow_run of a merge_group run: the base branch from the merge-queue branch name', async () => {
    const payload = example('workflow_run');
    Object.assign(payload.workflow_run as Payload, { event: 'merge_group', head_branch: `gh-readonly-queue/release/1.x/pr-104-${'9'.repeat(40)}` });
    expect((await read('workflow_run', payload)).target).toEqual(expect.objectContaining({ kind: 'queued-run', baseRef: 'release/1.x' }));
    Object.assign(payload.workflow_run as Payload, { head_branch: 'main' });
    await expect(read('workflow_run', payload)).rejects.toThrow(`the merge_group run's branch "main" is not a merge-queue branch`);
  });

  it('refuses a workflow_run of another event, saying which events it checks', async () => {
    await expect(read('workflow_run', example('workflow_run'))).rejects.toThrow(
      'the completed workflow run was triggered by workflow_dispatch; the workflow_run evaluator checks runs of pull_request, pull_request_review, merge_group only',
    );
  });

  it('schedule and workflow_dispatch re-check the PR the pull-request input names, and need it', async () => {
    expect((await read('schedule', { schedule: '17 * * * *' }, '', 42)).target).toEqual({ kind: 'sweep', number: 42 });
    expect((await read('workflow_dispatch', example('workflow_dispatch'), '', 7)).target).toEqual({ kind: 'sweep', number: 7 });
    const sha = 'f'.repeat(40);
    expect((await readEvent({ GITHUB_EVENT_NAME: 'schedule', GITHUB_REPOSITORY: 'acme/schemas', GITHUB_EVENT_PATH: eventFile('sweep', {}), GITHUB_WORKSPACE: workspace }, { pullRequest: 7, headSha: sha })).target)
      .toEqual({ kind: 'sweep', number: 7, headSha: sha });
    await expect(read('schedule', { schedule: '17 * * * *' })).rejects.toThrow('a schedule run checks the pull request named by the pull-request input, which is not set');
    await expect(read('pull_request', example('pull_request', 'opened'), '', 7)).rejects.toThrow('the pull-request input is only for schedule and workflow_dispatch runs');
  });

  it('refuses pull_request_target, a PR-less event and a path outside the workspace', async () => {
    await expect(read('pull_request_target', example('pull_request', 'opened'))).rejects.toThrow('pull_request_target is not supported');
    await expect(read('issue_comment', example('issue_comment'))).rejects.toThrow('event issue_comment carries no pull request');
    await expect(read('pull_request', example('pull_request', 'opened'), '../elsewhere')).rejects.toThrow('input path is "../elsewhere", which is outside GITHUB_WORKSPACE');
  });
});
