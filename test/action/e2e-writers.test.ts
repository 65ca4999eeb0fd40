/**
 * End to end on the bundle (issue 12): one writer per check run. The hourly sweep and the verified
 * evaluator both post "Schema guardrails (verified): main" with the same GitHub App. Here the sweep
 * reads the approvals, is held before it completes, a review is dismissed, the verified run judges
 * the dismissal, and only then the stale sweep finishes: the newest run by creation, which GitHub
 * shows and requires, must be the verified run's failure. A decoy run of that name from another app
 * fails the job with the reason; a `workflow_run.pull_requests` entry of another repository names no
 * pull request here.
 *
 * The local GitHub fake knows no apps, so a small proxy in front of it plays that part: it says which
 * app each token belongs to (in `app` of every check run, as GitHub does) and can hold one request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { committedActionBundle } from '../support/github-fake/bundle.js';
import { FakeGitHub, type FakeCheckRun } from '../support/github-fake/server.js';
import { Repo, runBundle, type RunResult } from './e2e-support.js';

const CHECK = 'Schema guardrails (verified): main';
const SWEEP_TOKEN = 'ghs_sweepInstallationToken000000000000001';
const VERIFIED_TOKEN = 'ghs_verifiedInstallationToken0000000002';
const GATE_APP = { id: 1001, slug: 'guardrails-gate', name: 'Guardrails gate' };
/** Both workflows mint their token from the same App (schema-check-verified.yml, schema-check-sweep.yml). */
const APP_OF_TOKEN: Record<string, typeof GATE_APP> = { [SWEEP_TOKEN]: GATE_APP, [VERIFIED_TOKEN]: GATE_APP };

const POLICY = `version: 1
subjects:
  - files: "schemas/*.avsc"
    topic: orders
approvals:
  platform-leads: [lead1]
  domain-experts:
    - files: "schemas/**"
      owners: [expert1]
`;

function orders(note: boolean): string {
  const fields: unknown[] = [{ name: 'id', type: 'long' }];
  if (note) fields.push({ name: 'note', type: 'string', default: '', deprecated: 'use id' });
  return `${JSON.stringify({ type: 'record', name: 'Order', namespace: 'com.acme', fields }, null, 2)}\n`;
}

interface Held {
  /** Resolves when the held request has arrived (and is waiting). */
  readonly arrived: Promise<void>;
  /** Lets it through to the fake. */
  release(): void;
}

interface Completion {
  readonly token: string;
  readonly runId: number;
  readonly conclusion: string;
}

/** A proxy in front of the fake: apps per token, one request held on demand, completions in order. */
class AppProxy {
  readonly completions: Completion[] = [];
  /** Run id → the token that created it, and every token that wrote to it afterwards. */
  readonly creatorOf = new Map<number, string>();
  readonly writersOf = new Map<number, Set<string>>();
  private readonly appOfRun = new Map<number, typeof GATE_APP>();
  private hold?: { match: (token: string, method: string, body: { conclusion?: string } | undefined, path: string) => boolean; arrived: () => void; gate: Promise<void> };
  private server?: Server;

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.forward(req).then(({ status, headers, body }) => {
        res.writeHead(status, headers);
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Holds the next request of `token` that completes a check run (a PATCH with a conclusion). */
  holdCompletion(token: string): Held {
    return this.holdNext((t, method, body) => t === token && method === 'PATCH' && body?.conclusion !== undefined);
  }

  /** Holds the next request of `token` that creates a check run. */
  holdCreation(token: string): Held {
    return this.holdNext((t, method, _body, path) => t === token && method === 'POST' && /\/check-runs$/.test(path));
  }

  private holdNext(match: NonNullable<AppProxy['hold']>['match']): Held {
    let arrived!: () => void;
    let release!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.hold = { match, arrived, gate };
    return { arrived: arrival, release };
  }

  private async forward(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const text = await readBody(req);
    const token = (req.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
    const method = req.method ?? 'GET';
    const parsed = text === '' ? undefined : (JSON.parse(text) as { conclusion?: string });
    const hold = this.hold;
    if (hold?.match(token, method, parsed, new URL(req.url ?? '/', 'http://proxy').pathname)) {
      this.hold = undefined;
      hold.arrived();
      await hold.gate;
    }
    const response = await fetch(`${this.target}${req.url ?? '/'}`, { method, headers: { 'content-type': 'application/json', ...(req.headers.authorization && { authorization: req.headers.authorization }) }, ...(text !== '' && { body: text }) });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const link = response.headers.get('link');
    if (link !== null) headers.link = link;
    const body = await response.text();
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    if (method === 'POST' && /\/check-runs$/.test(path) && response.status === 201) {
      const run = JSON.parse(body) as { id: number };
      const app = APP_OF_TOKEN[token];
      if (app !== undefined) this.appOfRun.set(run.id, app);
      this.creatorOf.set(run.id, token);
      return { status: 201, headers, body: JSON.stringify({ ...run, app }) };
    }
    if (method === 'GET' && /\/check-runs$/.test(path) && response.ok) {
      const list = JSON.parse(body) as { total_count: number; check_runs: { id: number; app?: unknown }[] };
      const check_runs = list.check_runs.map((run) => ({ ...run, app: run.app ?? this.appOfRun.get(run.id) }));
      return { status: response.status, headers, body: JSON.stringify({ ...list, check_runs }) };
    }
    if (method === 'PATCH' && /\/check-runs\/\d+$/.test(path)) {
      const id = Number(path.split('/').pop());
      this.writersOf.set(id, new Set([...(this.writersOf.get(id) ?? []), token]));
    }
    if (method === 'PATCH' && parsed?.conclusion !== undefined && response.ok) {
      this.completions.push({ token, runId: Number(path.split('/').pop()), conclusion: parsed.conclusion });
    }
    return { status: response.status, headers, body };
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((stop) => stop()));
});

/** main deprecated `note` 60 days ago; PR 3 removes it and is approved by the lead and the expert. */
async function scenario() {
  const repo = new Repo();
  const fake = new FakeGitHub();
  const proxy = new AppProxy(await fake.start());
  const apiUrl = await proxy.start();
  cleanups.push(() => proxy.stop(), () => fake.stop());
  const v1 = repo.write('guardrails.yaml', POLICY).write('schemas/orders.avsc', `${JSON.stringify({ type: 'record', name: 'Order', namespace: 'com.acme', fields: [{ name: 'id', type: 'long' }, { name: 'note', type: 'string', default: '' }] }, null, 2)}\n`).commit('orders v1', 200);
  const base = repo.write('schemas/orders.avsc', orders(true)).commit('deprecate note', 60);
  repo.git(new Date(), 'checkout', '-q', '-b', 'remove-note');
  const head = repo.write('schemas/orders.avsc', orders(false)).commit('remove note', 1);
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const activity = (type: string, before: string, after: string, days: number, ref: string, login: string) => ({ activity_type: type, before, after, ref, timestamp: ago(days), actor: { login } });
  fake.state.activity.set('acme/schemas:refs/heads/main', [activity('pr_merge', v1, base, 60, 'refs/heads/main', 'lead1'), activity('branch_creation', '0'.repeat(40), v1, 200, 'refs/heads/main', 'lead1')]);
  fake.state.activity.set('acme/schemas:refs/heads/remove-note', [activity('push', base, head, 1, 'refs/heads/remove-note', 'dev')]);
  fake.state.contents.set(`${base}:guardrails.yaml`, POLICY);
  fake.state.pulls.set(3, {
    number: 3, state: 'open', user: { login: 'dev' }, labels: [],
    head: { sha: head, ref: 'remove-note', repo: { full_name: 'acme/schemas', name: 'schemas', owner: { login: 'acme' } } },
    base: { sha: base, ref: 'main', repo: { full_name: 'acme/schemas', owner: { login: 'acme' } } },
  });
  fake.state.reviews.set(3, [review(31, 'lead1', 'APPROVED', head), review(32, 'expert1', 'APPROVED', head)]);
  fake.state.commits.set(3, [{ sha: head, author: { login: 'dev' }, committer: { login: 'dev' } }]);
  const env = { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: repo.dir, GITHUB_API_URL: apiUrl };

  /** The hourly sweep's job for PR 3 (schema-check-sweep.yml). */
  const sweep = (): Promise<RunResult> =>
    runBundle(committedActionBundle(), env, { 'github-token': SWEEP_TOKEN, 'pull-request': '3', 'check-name': 'Schema guardrails (verified)' }, { schedule: '17 * * * *' }, 'schedule');
  /** The verified evaluator after the PR's schema-check run completed (schema-check-verified.yml). */
  const verified = (payload: unknown = workflowRun(head)): Promise<RunResult> =>
    runBundle(committedActionBundle(), env, { 'github-token': VERIFIED_TOKEN, 'check-name': 'Schema guardrails (verified)' }, payload, 'workflow_run');
  const runs = () => fake.state.checkRuns.filter((r) => r.head_sha === head && r.name === CHECK);
  return { fake, proxy, head, sweep, verified, runs };
}

/** A review as GET /pulls/{n}/reviews returns it, from GitHub's own pull_request_review payload. */
function review(id: number, login: string, state: string, commit: string): Record<string, unknown> {
  const entry = (examples as { name: string; examples: { action: string; review: Record<string, unknown> }[] }[]).find((e) => e.name === 'pull_request_review');
  const example = structuredClone(entry?.examples.find((e) => e.action === 'submitted')?.review ?? {});
  return { ...example, id, user: { ...(example.user as object), login, type: 'User' }, state, commit_id: commit, submitted_at: '2026-11-20T00:00:00Z' };
}

/** GitHub's workflow_run payload, pointed at a completed pull_request run of schema-check for PR 3. */
function workflowRun(head: string): Record<string, unknown> {
  const entry = (examples as { name: string; examples: { repository: { id: number }; workflow_run: Record<string, unknown> }[] }[]).find((e) => e.name === 'workflow_run');
  const payload = structuredClone(entry?.examples[0] as { repository: { id: number }; workflow_run: Record<string, unknown> });
  const entryOf = { number: 3, head: { ref: 'remove-note', sha: head }, base: { ref: 'main', repo: { id: payload.repository.id } } };
  Object.assign(payload.workflow_run, { event: 'pull_request', head_sha: head, head_branch: 'remove-note', head_repository: { owner: { login: 'acme' } }, pull_requests: [entryOf] });
  return payload;
}

/** What GitHub shows and requires: the most recent run of the name from the gate's app (ids grow with creation). */
function requiredRun(runs: readonly FakeCheckRun[]): FakeCheckRun | undefined {
  return [...runs].sort((a, b) => a.id - b.id).at(-1);
}

describe('one writer per check run (issue 12)', () => {
  it('a sweep that read the approvals before a dismissal and finishes last never overrides the newer verified failure', async () => {
    const { fake, proxy, head, sweep, verified, runs } = await scenario();
    const held = proxy.holdCompletion(SWEEP_TOKEN);
    const sweeping = sweep();
    // The sweep has read both approvals and decided success; it waits just before completing its run.
    await held.arrived;
    const [sweepRun] = runs();
    expect(sweepRun?.status).toBe('in_progress');

    // The lead's approval is dismissed, and the verified evaluator judges the PR again.
    fake.state.reviews.set(3, [review(31, 'lead1', 'DISMISSED', head), review(32, 'expert1', 'APPROVED', head)]);
    const fresh = await verified();
    expect(fresh.code).toBe(1);
    expect(fresh.outputs['approvals-satisfied']).toBe('false');

    // Now the stale sweep finishes, last.
    held.release();
    const stale = await sweeping;
    expect(stale.code).toBe(0);
    expect(proxy.completions.map((c) => [c.token, c.conclusion])).toEqual([[VERIFIED_TOKEN, 'failure'], [SWEEP_TOKEN, 'success']]);

    // Each evaluation wrote only its own run: the sweep's success is on the older run, the failure on the newer.
    const all = runs();
    expect(all.map((r) => [r.id === sweepRun?.id ? 'sweep' : 'verified', r.status, r.conclusion])).toEqual([
      ['sweep', 'completed', 'success'],
      ['verified', 'completed', 'failure'],
    ]);
    expect(requiredRun(all)?.conclusion).toBe('failure');
    expect(requiredRun(all)?.output?.summary).toContain('@lead1');
    // No run was written by two evaluations: every write to a run came from the job that created it.
    expect(Object.fromEntries([...proxy.writersOf].map(([id, tokens]) => [id, [...tokens]]))).toEqual(Object.fromEntries(all.map((r) => [r.id, [proxy.creatorOf.get(r.id)]])));
    expect(proxy.creatorOf.get(sweepRun?.id ?? 0)).toBe(SWEEP_TOKEN);
  }, 120_000);

  it('the verified run that starts after the sweep wins even when the sweep had already completed green', async () => {
    const { fake, sweep, verified, runs, head } = await scenario();
    expect((await sweep()).code).toBe(0);
    fake.state.reviews.set(3, [review(31, 'lead1', 'DISMISSED', head), review(32, 'expert1', 'APPROVED', head)]);
    expect((await verified()).code).toBe(1);
    expect(runs().map((r) => r.conclusion)).toEqual(['success', 'failure']);
    expect(requiredRun(runs())?.conclusion).toBe('failure');
  }, 120_000);

  it('facts are read after the run exists: a base that moves while the run is being created fails the run, never green', async () => {
    const { fake, proxy, verified, runs } = await scenario();
    const held = proxy.holdCreation(VERIFIED_TOKEN);
    const running = verified();
    // The evaluator read the PR (for the check's name) and is creating its run; main moves meanwhile.
    await held.arrived;
    const pull3 = fake.state.pulls.get(3) as { base: Record<string, unknown> };
    pull3.base = { ...pull3.base, sha: 'b'.repeat(40) };
    held.release();

    const result = await running;

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`::error::base moved since this event: re-run from the latest commit or push (the pull request's base moved to main at ${'b'.repeat(12)} while this run started)`);
    expect(runs().map((r) => [r.status, r.conclusion, r.output?.title])).toEqual([['completed', 'failure', 'Base moved since this event']]);
    // Judged on nothing: no review was read for a verdict.
    expect(fake.requests.some((r) => r.path.endsWith('/pulls/3/reviews'))).toBe(false);
  }, 120_000);

  it('a decoy run of the same name from another app is reported as such and fails the job with the reason', async () => {
    const { fake, head, verified, runs } = await scenario();
    const decoy: FakeCheckRun & { app: { id: number; slug: string } } = {
      id: 7, name: CHECK, head_sha: head, status: 'completed', conclusion: 'success', annotations: [], app: { id: 2002, slug: 'lookalike-ci' },
    };
    fake.state.checkRuns.push(decoy);

    const result = await verified();

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `::error::another app posts check runs named "${CHECK}" on ${head.slice(0, 12)}: app lookalike-ci (id 2002), not this action's app guardrails-gate (id 1001); ` +
        `a decoy can pass where the ruleset does not pin the source, so this run fails: require "${CHECK}" with app guardrails-gate (id 1001) as its expected source (docs/security.md)`,
    );
    // Before issue 12 a 403 on updating the decoy passed for a fork's read-only token.
    expect(result.stdout).not.toContain('read-only token');
    const ours = runs().filter((r) => r.id !== decoy.id);
    expect(ours.map((r) => [r.status, r.conclusion, r.output?.title])).toEqual([['completed', 'failure', 'Another app posts under this check name']]);
    expect(ours[0]?.output?.summary).toContain('| 7 | app lookalike-ci (id 2002) |');
    // The decoy is left as it is (never written), and nothing was evaluated: no review was read.
    expect(fake.requests.filter((r) => r.method !== 'GET' && r.path.endsWith('/check-runs/7'))).toEqual([]);
    expect(fake.requests.some((r) => r.path.endsWith('/pulls/3/reviews'))).toBe(false);
  }, 120_000);
});

describe('the verified evaluator reads workflow_run.pull_requests for this repository only (issue 12)', () => {
  // Before issue 12 this judged this repository's PR 2 ("Stale run") and never found PR 3.
  it('an entry of another repository (GitHub\'s own example) is not taken for this repository\'s PR of that number', async () => {
    const { fake, head, verified, runs } = await scenario();
    // PR 3 comes from a fork; this repository also has a PR 2, at another head.
    const pull3 = fake.state.pulls.get(3) as { head: Record<string, unknown> };
    pull3.head = { ...pull3.head, repo: { full_name: 'forker/schemas', name: 'schemas', owner: { login: 'forker' } } };
    fake.state.activity.set('forker/schemas:refs/heads/remove-note', fake.state.activity.get('acme/schemas:refs/heads/remove-note') ?? []);
    fake.state.pulls.set(2, { ...pull3, number: 2, head: { sha: 'f'.repeat(40), ref: 'other', repo: { full_name: 'acme/schemas', name: 'schemas', owner: { login: 'acme' } } } });
    // GitHub's example entry: Codertocat/Hello-World's PR 2, here at this run's head commit.
    const foreign = (examples as { name: string; examples: { workflow_run: { pull_requests: { head: object }[] } }[] }[])
      .find((e) => e.name === 'workflow_run')
      ?.examples.flatMap((e) => e.workflow_run.pull_requests)[0];
    const payload = workflowRun(head) as { workflow_run: Record<string, unknown> };
    Object.assign(payload.workflow_run, { head_repository: { owner: { login: 'forker' } }, pull_requests: [{ ...foreign, head: { ...foreign?.head, sha: head } }] });

    const result = await verified(payload);

    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Stale run');
    // PR 3 was found by its head branch and judged; PR 2 was never taken for GitHub's entry.
    expect(fake.requests.some((r) => r.path.endsWith('/pulls/3/reviews'))).toBe(true);
    expect(fake.requests.some((r) => r.path.endsWith('/pulls/2/reviews'))).toBe(false);
    expect(runs().map((r) => r.conclusion)).toEqual(['success']);
  }, 120_000);
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
