/**
 * End to end on the bundle (issue 18): the emergency override cannot be borrowed. A Platform Lead
 * applies the label; someone who is not a lead removes it and applies it again in other letter case,
 * or an event with no actor re-applies it, or it is removed in other letter case while the PR still
 * shows it. The override is then the latest application's, so none of these turns the red check
 * green, and the report names the event that decided. The label's own `labeled` webhook payload
 * (GitHub's example) triggers each run; the label events span two pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { committedActionBundle } from '../support/github-fake/bundle.js';
import { labelIssueEvent } from '../support/github-fake/label-events.js';
import { FakeGitHub } from '../support/github-fake/server.js';
import { Repo, runBundle, type RunResult } from './e2e-support.js';

const LABEL = 'schema-emergency';
const POLICY = `version: 1
subjects:
  - files: "schemas/*.avsc"
    topic: orders
approvals:
  platform-leads: [lead1]
  domain-experts:
    - files: "schemas/**"
      owners: [expert1]
  emergency-label: ${LABEL}
`;

function orders(note: boolean): string {
  const fields: unknown[] = [{ name: 'id', type: 'long' }];
  if (note) fields.push({ name: 'note', type: 'string', default: '' });
  return `${JSON.stringify({ type: 'record', name: 'Order', namespace: 'com.acme', fields }, null, 2)}\n`;
}

const repo = new Repo();
const fake = new FakeGitHub();
let apiUrl = '';
let base = '';
let head = '';
const ago = (days: number, minutes = 0) => new Date(Date.now() - days * 86_400_000 + minutes * 60_000).toISOString();

beforeAll(async () => {
  apiUrl = await fake.start();
  // The PR removes `note`, which main never deprecated: a break only the override can let through.
  base = repo.write('guardrails.yaml', POLICY).write('schemas/orders.avsc', orders(true)).commit('orders v1', 100);
  repo.git(new Date(), 'checkout', '-q', '-b', 'remove-note');
  head = repo.write('schemas/orders.avsc', orders(false)).commit('remove note', 1);
  fake.state.activity.set('acme/schemas:refs/heads/main', [{ activity_type: 'branch_creation', before: '0'.repeat(40), after: base, ref: 'refs/heads/main', timestamp: ago(100), actor: { login: 'lead1' } }]);
  fake.state.activity.set('acme/schemas:refs/heads/remove-note', [{ activity_type: 'push', before: base, after: head, ref: 'refs/heads/remove-note', timestamp: ago(1), actor: { login: 'dev' } }]);
  fake.state.contents.set(`${base}:guardrails.yaml`, POLICY);
  fake.state.reviews.set(7, [review(71, 'lead1', head), review(72, 'expert1', head)]);
  fake.state.commits.set(7, [{ sha: head, author: { login: 'dev' }, committer: { login: 'dev' } }]);
}, 120_000);

afterAll(() => fake.stop());

/** GitHub's approval review payload for `login` on `commit`. */
function review(id: number, login: string, commit: string): Record<string, unknown> {
  const entry = (examples as { name: string; examples: { action: string; review: Record<string, unknown> }[] }[]).find((e) => e.name === 'pull_request_review');
  const example = structuredClone(entry?.examples.find((e) => e.action === 'submitted')?.review ?? {});
  return { ...example, id, user: { ...(example.user as object), login, type: 'User' }, state: 'APPROVED', commit_id: commit, submitted_at: ago(0, -30) };
}

/** 120 events of another label first, so the deciding ones are on the second page of 100. */
function noise(): Record<string, unknown>[] {
  return Array.from({ length: 120 }, (_, i) => labelIssueEvent(i % 2 === 0 ? 'labeled' : 'unlabeled', 'needs-review', 'dev', ago(3, i)));
}

/** PR 7 shows `labels` and has these label events (after the noise); the run is the `labeled` webhook. */
async function runWith(labels: string[], events: Record<string, unknown>[]): Promise<RunResult> {
  fake.state.pulls.set(7, {
    number: 7, state: 'open', user: { login: 'dev' }, labels: labels.map((name) => ({ name })),
    head: { sha: head, ref: 'remove-note', repo: { full_name: 'acme/schemas', name: 'schemas', owner: { login: 'acme' } } },
    base: { sha: base, ref: 'main', repo: { full_name: 'acme/schemas', owner: { login: 'acme' } } },
  });
  fake.state.issueEvents.set(7, [...noise(), ...events]);
  const entry = (examples as { name: string; examples: Record<string, unknown>[] }[]).find((e) => e.name === 'pull_request');
  const payload = structuredClone(entry?.examples.find((e) => e.action === 'labeled') ?? {}) as { pull_request: Record<string, unknown>; label: Record<string, unknown> };
  Object.assign(payload.pull_request, { number: 7, head: { sha: head, ref: 'remove-note' }, base: { sha: base, ref: 'main' } });
  payload.label = { ...payload.label, name: labels[0] ?? LABEL };
  return runBundle(committedActionBundle(), { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: repo.dir, GITHUB_API_URL: apiUrl }, { 'github-token': 'ghs_e2eOverrideToken000000000000000000000' }, payload, 'pull_request');
}

function verdictOf(result: RunResult): { conclusion: string; problems: string[]; overriddenBy?: string } {
  return (JSON.parse(result.outputs.result ?? '{}') as { verdict: { conclusion: string; problems: string[]; overriddenBy?: string } }).verdict;
}

function conclusionOfLatestRun(): string | undefined {
  return fake.state.checkRuns.filter((r) => r.head_sha === head).pop()?.conclusion;
}

const leadApplied = () => labelIssueEvent('labeled', LABEL, 'lead1', ago(0, -60));

describe('the emergency override, end to end', () => {
  it('the lead\'s own application is the latest: the break passes under the override, recorded', async () => {
    const result = await runWith([LABEL], [leadApplied()]);
    expect(result.code).toBe(0);
    expect(verdictOf(result)).toEqual(expect.objectContaining({ conclusion: 'success', overriddenBy: 'lead1' }));
    expect(verdictOf(result).problems).toContain('schemas/orders.avsc: breaking change not covered by a matured deprecation');
    expect(conclusionOfLatestRun()).toBe('success');
    expect(result.summary).toContain(`override: emergency override "${LABEL}" applied by Platform Lead @lead1`);
  }, 120_000);

  it('a non-lead who removes it and re-applies it as SCHEMA-EMERGENCY gets no override', async () => {
    const reapplied = ago(0, -49);
    const result = await runWith(['SCHEMA-EMERGENCY'], [leadApplied(), labelIssueEvent('unlabeled', LABEL, 'dev2', ago(0, -50)), labelIssueEvent('labeled', 'SCHEMA-EMERGENCY', 'dev2', reapplied)]);
    expect(result.code).toBe(1);
    expect(verdictOf(result).conclusion).toBe('failure');
    expect(verdictOf(result).overriddenBy ?? null).toBeNull();
    expect(conclusionOfLatestRun()).toBe('failure');
    expect(result.summary).toContain(`override: label "${LABEL}" was last applied by @dev2 at ${reapplied}`);
    expect(result.summary).toContain('(the "labeled" event for "SCHEMA-EMERGENCY"), who is not a Platform Lead, so it is ignored');
  }, 120_000);

  it('a re-application by an event with no actor gets no override', async () => {
    const result = await runWith([LABEL], [leadApplied(), labelIssueEvent('unlabeled', LABEL, 'dev2', ago(0, -50)), labelIssueEvent('labeled', LABEL, null, ago(0, -49))]);
    expect(result.code).toBe(1);
    expect(verdictOf(result).conclusion).toBe('failure');
    expect(conclusionOfLatestRun()).toBe('failure');
    expect(result.summary).toContain('which names no actor (a deleted account or an integration): who applied it is unknown, so it is ignored');
  }, 120_000);

  it('a later unlabeled event in other letter case ends the lead\'s override', async () => {
    const result = await runWith([LABEL], [leadApplied(), labelIssueEvent('unlabeled', 'Schema-Emergency', 'dev2', ago(0, -50))]);
    expect(result.code).toBe(1);
    expect(verdictOf(result).conclusion).toBe('failure');
    expect(conclusionOfLatestRun()).toBe('failure');
    expect(result.summary).toContain('was removed (the "unlabeled" event for "Schema-Emergency" by @dev2 at');
  }, 120_000);
});
