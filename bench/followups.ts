/**
 * bench/followups: syncing post-mortem follow-ups to a GitHub API with 50 ms latency per request (a local fake),
 * our job (one paged label listing, one create per new item, nothing on a rerun) beside the naive approach (one
 * search + one create per item, on every run). Prints API calls and wall time for a first run and a rerun.
 *
 * The issue asks for 200 reports with 1,000 items. Every request costs 50 ms and writes are sequential, so the
 * full size takes about 3.5 minutes; by default this runs 50 reports with 250 items (same 5 items per report)
 * and prints the calls extrapolated to 1,000 items, which are exactly linear. BENCH_FOLLOWUPS_REPORTS=200 runs
 * the full size.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { followupsCommandWith } from '../src/cli/commands/followups.js';
import { run } from '../src/cli/main.js';
import { itemKey } from '../src/postmortem/sync/key.js';
import { FakeGitHub } from '../test/support/github/fake-github.js';

const REPORTS = Number(process.env.BENCH_FOLLOWUPS_REPORTS ?? 50);
const ITEMS_PER_REPORT = 5;
const LATENCY_MS = 50;
const OWNERS = ['SRE team', 'Platform team', 'Data team'];

function writeReports(dir: string): Array<{ incident: string; text: string }> {
  mkdirSync(join(dir, 'postmortems'));
  writeFileSync(join(dir, 'guardrails.yaml'),
    'followups:\n  repo: acme/platform\n  owners:\n    SRE team: [sre-oncall]\n    Platform team: [platform-lead]\n    Data team: [data-lead]\n  missingPostmortems: { enabled: false }\n');
  const items: Array<{ incident: string; text: string }> = [];
  for (let r = 0; r < REPORTS; r++) {
    const incident = `INC-2026-${String(r + 1).padStart(4, '0')}`;
    const actions = Array.from({ length: ITEMS_PER_REPORT }, (_, i) => {
      const text = `Follow-up ${i + 1} of ${incident}: harden the consumer group rebalance path`;
      items.push({ incident, text });
      return `- [ ] ${text} (Assigned: ${OWNERS[(r + i) % OWNERS.length]}, Due: 2026-12-${String((i % 28) + 1).padStart(2, '0')})`;
    });
    writeFileSync(join(dir, 'postmortems', `${incident}.md`), [
      `# Incident Report: synthetic incident ${r + 1}`, '', '## Incident Summary', `- **Incident ID:** ${incident}`,
      '- **Date:** 2026-11-01', '- **Severity:** P2', '', '## Timeline', '- 09:00 alert', '', '## Root Cause', 'A cause.', '',
      '## Resolution', 'Fixed.', '', '## Impact', 'Some.', '', '## Follow-Up Actions', ...actions, '',
    ].join('\n'));
  }
  return items;
}

async function ours(dir: string, github: FakeGitHub): Promise<void> {
  // The real command, through the command layer; only the client's pacing is off against the local fake.
  const code = await run(['followups', '--now', '2026-11-20T00:00:00Z'], {
    stdout: { write: () => true }, stderr: process.stderr, cwd: dir, env: { GITHUB_TOKEN: 't', GITHUB_API_URL: github.url },
  }, [followupsCommandWith({ trackerOptions: { throttle: false } })]);
  if (code !== 0) throw new Error(`followups exited ${code}`);
}

async function naive(items: Array<{ incident: string; text: string }>, github: FakeGitHub): Promise<void> {
  const octokit = new Octokit({ auth: 't', baseUrl: github.url });
  for (const item of items) {
    const marker = `pm-action key=${itemKey(item.incident, item.text)}`;
    const found = await octokit.rest.search.issuesAndPullRequests({ q: `"${marker}" repo:acme/platform is:issue` });
    if (found.data.total_count === 0) {
      await octokit.rest.issues.create({ owner: 'acme', repo: 'platform', title: item.text, body: `<!-- ${marker} -->`, labels: ['postmortem'] });
    }
  }
}

async function measure(label: string, github: FakeGitHub, run: () => Promise<void>) {
  const before = github.calls.length;
  const start = performance.now();
  await run();
  const seconds = (performance.now() - start) / 1000;
  const calls = github.calls.length - before;
  return { label, calls, seconds };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-followups-'));
const items = writeReports(dir);
const assignable = ['sre-oncall', 'platform-lead', 'data-lead'];
const oursApi = await new FakeGitHub({ assignable, latencyMs: LATENCY_MS }).start();
const naiveApi = await new FakeGitHub({ assignable, latencyMs: LATENCY_MS }).start();
console.log(`${REPORTS} reports, ${items.length} action items, ${LATENCY_MS} ms per API request${REPORTS < 200 ? ' (scaled down from 200/1,000; see header)' : ''}`);
const rows = [
  [await measure('first run', oursApi, () => ours(dir, oursApi)), await measure('first run', naiveApi, () => naive(items, naiveApi))],
  [await measure('rerun (no-op)', oursApi, () => ours(dir, oursApi)), await measure('rerun', naiveApi, () => naive(items, naiveApi))],
];
await oursApi.stop();
await naiveApi.stop();
if (oursApi.issues.length !== items.length || naiveApi.issues.length !== items.length) throw new Error('an approach created the wrong number of issues');

const scale = 1000 / items.length;
console.log(`${'run'.padEnd(15)} ${'ours calls'.padStart(10)} ${'ours s'.padStart(8)} ${'naive calls'.padStart(11)} ${'naive s'.padStart(8)} ${'calls ratio'.padStart(11)} ${'time ratio'.padStart(10)}`);
for (const [o, n] of rows) {
  console.log(`${o!.label.padEnd(15)} ${String(o!.calls).padStart(10)} ${o!.seconds.toFixed(1).padStart(8)} ${String(n!.calls).padStart(11)} ${n!.seconds.toFixed(1).padStart(8)} ${`${(n!.calls / o!.calls).toFixed(1)}x`.padStart(11)} ${`${(n!.seconds / o!.seconds).toFixed(1)}x`.padStart(10)}`);
}
if (scale !== 1) {
  console.log(`at 1,000 items (linear): first run ours ≈ ${Math.round(rows[0]![0]!.calls * scale)} calls, naive ${Math.round(rows[0]![1]!.calls * scale)}; rerun ours ≈ ${Math.ceil(1000 / 100) + 3} calls (one 100-issue page per 100 issues + 3 assignee checks), naive ${Math.round(rows[1]![1]!.calls * scale)}`);
}
console.log('The fake search index is consistent; GitHub\'s lags minutes behind, so the naive rerun would also create duplicates there.');
