/**
 * bench/action: the bundled action as the runner starts it, against the local GitHub fake (0 ms latency).
 * 1. A PR with no schema changes, wall time from process start to exit (median of 5), beside
 *    `node -e 0` measured in the same run, the request count, and the goal: decided and posted in ≤ 1.0 s.
 * 2. A PR changing 200 schemas. Prints wall time and the number of GitHub API calls.
 * Writes go through a token bucket (src/github/api/write-limiter.ts): a burst of three at once, then
 * one per second, so creating and completing the check run no longer waits a second in between.
 */
import { spawnSync } from 'node:child_process';
import { committedActionBundle } from '../test/support/github-fake/bundle.js';
import { FakeGitHub } from '../test/support/github-fake/server.js';
import { Repo, runBundle } from '../test/action/e2e-support.js';

const POLICY = 'version: 1\ndefaults:\n  strategy: RecordNameStrategy\napprovals:\n  platform-leads: acme/leads\n  domain-experts:\n    - files: "schemas/**"\n      owners: acme/experts\n';

function schema(i: number, extra: boolean): string {
  const fields = [{ name: 'id', type: 'long' }, { name: 'price', type: 'double' }, ...(extra ? [{ name: 'venue', type: 'string', default: '' }] : [])];
  return `${JSON.stringify({ type: 'record', name: `Event${i}`, namespace: 'com.acme.bench', fields }, null, 2)}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timeNodeNoop(): number {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function scenario(fake: FakeGitHub, apiUrl: string, bundle: string, count: number, changed: number, number: number) {
  const repo = new Repo();
  repo.write('guardrails.yaml', POLICY);
  for (let i = 0; i < count; i++) repo.write(`schemas/event${i}.avsc`, schema(i, false));
  const base = repo.commit('base', 10);
  repo.git(new Date(), 'checkout', '-q', '-b', 'pr');
  repo.write('README.md', 'docs only\n');
  for (let i = 0; i < changed; i++) repo.write(`schemas/event${i}.avsc`, schema(i, true));
  const head = repo.commit('pr', 1);
  fake.state.contents.set(`${base}:guardrails.yaml`, POLICY);
  const owner = { login: 'acme' };
  fake.state.pulls.set(number, { number, user: { login: 'dev' }, head: { sha: head, ref: `pr${number}`, repo: { full_name: 'acme/b', name: 'b', owner } }, base: { sha: base, ref: 'main', repo: { full_name: 'acme/b', name: 'b', owner } }, labels: [] });
  fake.state.activity.set(`acme/b:refs/heads/pr${number}`, [{ before: base, after: head, ref: `refs/heads/pr${number}`, timestamp: new Date().toISOString(), activity_type: 'push', actor: { login: 'dev' } }]);
  fake.state.reviews.set(number, ['lead', 'expert'].map((login, i) => ({ id: i + 1, user: { login, type: 'User' }, state: 'APPROVED', commit_id: head, submitted_at: '2026-11-20T00:00:00Z' })));
  fake.state.commits.set(number, [{ sha: head, author: { login: 'dev' }, committer: { login: 'dev' } }]);
  const event = { pull_request: { number, head: { sha: head }, base: { sha: base, ref: 'main' } } };
  const env = { GITHUB_REPOSITORY: 'acme/b', GITHUB_WORKSPACE: repo.dir, GITHUB_API_URL: apiUrl };
  return async () => {
    const before = fake.requests.length;
    const start = process.hrtime.bigint();
    const result = await runBundle(bundle, env, { 'github-token': 'bench-token' }, event, 'pull_request');
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.code !== 0) throw new Error(`the action failed:\n${result.stdout.slice(-2000)}`);
    const requests = fake.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    return { ms, calls: requests.length, writes: requests.filter((r) => !r.startsWith('GET ')).length, requests, stdout: result.stdout };
  };
}

const fake = new FakeGitHub();
const apiUrl = await fake.start();
fake.state.teams.set('acme/leads', new Map([['lead', 'active']]));
fake.state.teams.set('acme/experts', new Map([['expert', 'active']]));
const bundle = committedActionBundle(process.cwd());
try {
  const noop = Array.from({ length: 5 }, timeNodeNoop);
  // Loading the 2 MB bundle alone: it stops at the first input check (no token).
  const load = median(Array.from({ length: 5 }, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, [bundle], { env: { PATH: process.env.PATH ?? '' } });
    return Number(process.hrtime.bigint() - start) / 1e6;
  }));
  console.log(`bundle load + input check       ${load.toFixed(0).padStart(7)} ms  (${(load / median(noop)).toFixed(1)}x node -e 0)`);
  const quiet = await scenario(fake, apiUrl, bundle, 5, 0, 1);
  const coldRuns = [];
  for (let i = 0; i < 5; i++) coldRuns.push(await quiet());
  const cold = median(coldRuns.map((r) => r.ms));
  console.log(`node -e 0                       ${median(noop).toFixed(0).padStart(7)} ms`);
  console.log(`action, no schema change        ${cold.toFixed(0).padStart(7)} ms  (${(cold / median(noop)).toFixed(1)}x node -e 0, ${coldRuns[0]?.calls} GitHub API calls, ${coldRuns[0]?.writes} writes)`);
  console.log(`goal: no-schema PR decided and posted in <= 1000 ms: ${cold <= 1000 ? 'met' : 'MISSED'} (${(cold / 1000).toFixed(2)}x the goal)`);
  if (process.env.BENCH_VERBOSE) console.log(coldRuns[0]?.requests.join('\n'));
  if (process.env.BENCH_VERBOSE) console.log(coldRuns[0]?.stdout.split('\n').filter((l) => / ms$/.test(l)).join('\n'));
  const big = await scenario(fake, apiUrl, bundle, 200, 200, 2);
  const run = await big();
  console.log(`action, 200 schemas changed     ${run.ms.toFixed(0).padStart(7)} ms  (${run.calls} GitHub API calls)`);
  if (process.env.BENCH_VERBOSE) console.log(run.stdout.split('\n').filter((l) => / ms$/.test(l)).join('\n'));
} finally {
  await fake.stop();
}
