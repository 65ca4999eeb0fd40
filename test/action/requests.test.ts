/**
 * The requests the bundled action makes for a pull request without schema changes (issue 16: a fast
 * action). Reads are never spaced; the two writes are the check run's create, before any fact is
 * read (the check-run writer rule, docs/security.md), and its completion. No comment is created for a
 * passing PR with nothing to say, but an existing one is brought up to date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { committedActionBundle } from '../support/github-fake/bundle.js';
import { FakeGitHub } from '../support/github-fake/server.js';
import { Repo, runBundle } from './e2e-support.js';

const POLICY = 'version: 1\ndefaults:\n  strategy: RecordNameStrategy\napprovals:\n  platform-leads: acme/leads\n  domain-experts:\n    - files: "schemas/**"\n      owners: acme/experts\n';
const SCHEMA = `${JSON.stringify({ type: 'record', name: 'Tick', namespace: 'com.acme', fields: [{ name: 'id', type: 'long' }] }, null, 2)}\n`;

const fake = new FakeGitHub();
let apiUrl = '';
let repo: Repo;
let head = '';

function payload(number: number, base: string): Record<string, unknown> {
  const entry = (examples as { name: string; examples: Record<string, unknown>[] }[]).find((e) => e.name === 'pull_request');
  const event = structuredClone(entry?.examples.find((e) => e.action === 'synchronize') ?? {});
  const pull = event.pull_request as { number: number; head: { sha: string; ref: string }; base: { sha: string; ref: string } };
  Object.assign(pull, { number });
  Object.assign(pull.head, { sha: head, ref: 'docs' });
  Object.assign(pull.base, { sha: base, ref: 'main' });
  return event;
}

beforeAll(async () => {
  apiUrl = await fake.start();
}, 60_000);
afterAll(() => fake.stop());

describe('a pull request without schema changes', () => {
  let base = '';
  beforeAll(() => {
    repo = new Repo();
    repo.write('guardrails.yaml', POLICY);
    repo.write('schemas/tick.avsc', SCHEMA);
    base = repo.commit('base', 10);
    repo.git(new Date(), 'checkout', '-q', '-b', 'docs');
    repo.write('README.md', 'docs only\n');
    head = repo.commit('docs', 1);
    fake.state.contents.set(`${base}:guardrails.yaml`, POLICY);
    const owner = { login: 'acme' };
    for (const number of [1, 2]) {
      fake.state.pulls.set(number, { number, user: { login: 'dev' }, head: { sha: head, ref: 'docs', repo: { full_name: 'acme/r', name: 'r', owner } }, base: { sha: base, ref: 'main', repo: { full_name: 'acme/r', name: 'r', owner } }, labels: [] });
    }
  });

  const run = async (number: number) => {
    const before = fake.requests.length;
    const env = { GITHUB_REPOSITORY: 'acme/r', GITHUB_WORKSPACE: repo.dir, GITHUB_API_URL: apiUrl };
    const result = await runBundle(committedActionBundle(), env, { 'github-token': 'ghs_requestsTestToken000000000000000000' }, payload(number, base), 'pull_request');
    return { result, requests: fake.requests.slice(before).map((r) => `${r.method} ${r.path}`) };
  };

  it('reads, creates its check run in progress, completes it, and posts no comment', async () => {
    const { result, requests } = await run(1);
    expect(result.code, result.stdout).toBe(0);
    const runId = fake.state.checkRuns.at(-1)?.id;
    expect(requests).toEqual([
      'GET /repos/acme/r/pulls/1',
      'POST /repos/acme/r/check-runs',
      `GET /repos/acme/r/commits/${head}/check-runs`,
      'GET /repos/acme/r/pulls/1',
      'GET /repos/acme/r/contents/guardrails.yaml',
      `PATCH /repos/acme/r/check-runs/${runId}`,
      'GET /repos/acme/r/issues/1/comments',
    ]);
    expect(fake.state.checkRuns.at(-1)).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'success' }));
    expect(fake.state.comments.get(1) ?? []).toEqual([]);
  }, 120_000);

  it('updates a comment left by an earlier run (the PR once changed schemas), and leaves it alone when it already says the same', async () => {
    fake.state.comments.set(2, [{ id: 900, user: { login: 'github-actions[bot]', type: 'Bot' }, body: '<!-- guardrails:schema-check -->\nold: breaking change' }]);
    const first = await run(2);
    expect(first.result.code).toBe(0);
    expect(first.requests.filter((r) => r.includes('/comments/'))).toEqual(['PATCH /repos/acme/r/issues/comments/900']);
    const body = fake.state.comments.get(2)?.[0]?.body ?? '';
    expect(body).not.toContain('old: breaking change');
    const second = await run(2);
    expect(second.result.code).toBe(0);
    expect(second.requests.filter((r) => !r.startsWith('GET '))).toEqual(['POST /repos/acme/r/check-runs', expect.stringMatching(/^PATCH \/repos\/acme\/r\/check-runs\/\d+$/)]);
    expect(fake.state.comments.get(2)?.[0]?.body).toBe(body);
  }, 120_000);
});
