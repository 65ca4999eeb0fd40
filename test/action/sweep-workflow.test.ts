/**
 * schema-check-sweep.yml (issue 12): its listing script, run as the runner runs a `shell: bash` step,
 * against a local HTTP server that pages like GitHub; and the check job's hand-over of the commit it
 * checked out to the action (whose skip on a moved head e2e-base.test.ts runs on the bundle).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly shell?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}

const workflow = parse(readFileSync('.github/workflows/schema-check-sweep.yml', 'utf8')) as {
  jobs: Record<string, { outputs?: Record<string, string>; strategy?: { matrix?: Record<string, string> }; steps: Step[] }>;
};
const listStep = workflow.jobs.list?.steps.find((s) => s.id === 'list') as Step;
const checkSteps = workflow.jobs.check?.steps ?? [];
const TOKEN = 'ghs_sweepSecretToken00000000000000000000';

/** A GitHub-like GET /repos/{o}/{r}/pulls: `per_page` pages with absolute Link URLs; `failPage` answers 502. */
class PullsServer {
  open: number[] = [];
  failPage?: number;
  readonly requests: { url: string; authorization?: string }[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.url);
      this.requests.push({ url: url.pathname + url.search, ...(req.headers.authorization !== undefined && { authorization: req.headers.authorization }) });
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      if (url.pathname !== '/repos/acme/schemas/pulls' || url.searchParams.get('state') !== 'open' || req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(404).end('{"message":"Not Found"}');
        return;
      }
      if (page === this.failPage) {
        res.writeHead(502, { 'content-type': 'application/json' }).end('{"message":"Server Error"}');
        return;
      }
      const links: string[] = [];
      const at = (n: number) => `<${this.url}${url.pathname}?state=open&per_page=${perPage}&page=${n}>`;
      if (page > 1) links.push(`${at(page - 1)}; rel="prev"`);
      if (page * perPage < this.open.length) links.push(`${at(page + 1)}; rel="next"`, `${at(Math.ceil(this.open.length / perPage))}; rel="last"`);
      const body = this.open.slice((page - 1) * perPage, page * perPage).map((number) => ({ number, state: 'open' }));
      res.writeHead(200, { 'content-type': 'application/json', ...(links.length > 0 && { link: links.join(', ') }) }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

interface StepResult {
  readonly code: number;
  readonly stdout: string;
  readonly outputs: Record<string, string>;
}

/** Runs a step's script as `shell: bash` does (bash --noprofile --norc -eo pipefail), with GITHUB_OUTPUT. */
function runStep(step: Step, env: Record<string, string>, cwd = tmpdir()): Promise<StepResult> {
  const dir = mkdtempSync(join(tmpdir(), 'guardrails-sweep-'));
  const script = join(dir, 'step.sh');
  const output = join(dir, 'output');
  writeFileSync(script, step.run ?? '');
  writeFileSync(output, '');
  const childEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, GITHUB_OUTPUT: output, ...env };
  return new Promise((resolve) => {
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env: childEnv, encoding: 'utf8' }, (error, stdout, stderr) => {
      const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout: stdout + stderr, outputs });
    });
  });
}

const server = new PullsServer();
beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  server.requests.length = 0;
  delete server.failPage;
});

function list(env: Record<string, string> = {}): Promise<StepResult> {
  return runStep(listStep, { GH_TOKEN: TOKEN, ONE: '', GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'acme/schemas', GITHUB_RUN_NUMBER: '1', ...env });
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('schema-check-sweep.yml: the listing', () => {
  it('runs under bash with pipefail, so a failed command in a pipe fails the step', () => {
    expect(listStep.shell).toBe('bash');
    expect(listStep.run?.split('\n')[0]).toBe('set -euo pipefail');
    expect(workflow.jobs.list?.outputs?.pulls).toBe('${{ steps.list.outputs.pulls }}');
  });

  it('pages through every open pull request (250 over 3 pages), the token only in the Authorization header', async () => {
    server.open = range(1, 250).reverse();
    const result = await list();
    expect(result.code).toBe(0);
    expect(JSON.parse(result.outputs.pulls ?? 'null')).toEqual(range(1, 250));
    expect(server.requests.map((r) => r.url)).toEqual([1, 2, 3].map((n) => `/repos/acme/schemas/pulls?state=open&per_page=100${n === 1 ? '' : `&page=${n}`}`));
    expect(server.requests.every((r) => r.authorization === `Bearer ${TOKEN}` && !r.url.includes(TOKEN))).toBe(true);
    expect(result.stdout).not.toContain(TOKEN);
    expect(result.stdout).toContain('Open pull requests: 250; this sweep checks 250 of them, from position 0.');
  });

  it('above the 256-job matrix limit, successive sweeps rotate so that every pull request is checked', async () => {
    server.open = range(1, 600);
    const seen = new Set<number>();
    const windows: number[][] = [];
    for (const run of [7, 8, 9]) {
      const result = await list({ GITHUB_RUN_NUMBER: String(run) });
      expect(result.code).toBe(0);
      const pulls = JSON.parse(result.outputs.pulls ?? '[]') as number[];
      expect(pulls).toHaveLength(256);
      expect(new Set(pulls).size).toBe(256);
      windows.push(pulls);
      for (const n of pulls) seen.add(n);
    }
    // Each sweep starts where the previous one stopped: (7 × 256) mod 600 = 592, then 248, then 504.
    expect(windows.map((w) => w[0])).toEqual([593, 249, 505]);
    expect(windows[1]?.[0]).toBe(((windows[0]?.at(-1) ?? 0) % 600) + 1);
    expect([...seen].sort((a, b) => a - b)).toEqual(range(1, 600));
  });

  it('fails loudly, with no list at all, when any page of the listing fails', async () => {
    server.open = range(1, 250);
    server.failPage = 2;
    const result = await list();
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('::error::listing the open pull requests failed at ' + `${server.url}/repos/acme/schemas/pulls; nothing was swept, the next sweep retries`);
    expect(result.outputs.pulls).toBeUndefined();
  });

  it('fails when the API refuses the token, rather than sweeping nothing', async () => {
    server.open = range(1, 3);
    const result = await list({ GH_TOKEN: 'wrong' });
    expect(result.code).not.toBe(0);
    expect(result.outputs.pulls).toBeUndefined();
  });

  it('no open pull request: an empty list, and the check job does not start', async () => {
    server.open = [];
    const result = await list();
    expect(result).toEqual(expect.objectContaining({ code: 0, outputs: { pulls: '[]' } }));
    expect(parse(readFileSync('.github/workflows/schema-check-sweep.yml', 'utf8')).jobs.check.if).toBe("needs.list.outputs.pulls != '[]'");
  });

  it('workflow_dispatch with one pull request lists only it, and refuses anything but a number', async () => {
    expect((await list({ ONE: '42' })).outputs).toEqual({ pulls: '[42]' });
    expect(server.requests).toEqual([]);
    const bad = await list({ ONE: '42]; echo x' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('::error::pull-request must be a number');
  });
});

describe('schema-check-sweep.yml: the check job', () => {
  const checkout = checkSteps.find((s) => s.uses?.startsWith('actions/checkout') && s.with?.path === 'pr');
  const action = checkSteps.find((s) => s.uses === './trusted');

  it('hands the action the pull request and the commit its checkout got, so a head that moved since is skipped', () => {
    expect(checkout?.with?.ref).toBe('refs/pull/${{ matrix.pull }}/head');
    // actions/checkout (>= 4.2) outputs the commit it checked out; no shell step runs beside the PR's files.
    expect(checkout?.id).toBe('pr');
    expect(action?.with).toEqual(expect.objectContaining({ path: 'pr', 'pull-request': '${{ matrix.pull }}', 'head-sha': '${{ steps.pr.outputs.commit }}' }));
    expect(checkSteps.filter((s) => s.run !== undefined)).toEqual([]);
  });
});
