/**
 * Safe stops of the real `guardrails followups` process: SIGTERM or SIGINT in the middle of the
 * creates. The GitHub fake holds the second create open, so the signal lands while a write is in
 * flight: that write settles, no new write starts, the run says what was done and what was not, and
 * exits 1 well within 10 s.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, spawnCli, type CliBundle, type RunningCli } from '../support/cli-process.js';
import { checkout, type Checkout } from './harness.js';

const BEFORE_DUE = '2026-01-08T09:00:00Z';

/** A proxy in front of the fake that records each request as it arrives and can hold one open. */
class GatedGitHub {
  readonly arrivals: string[] = [];
  private server?: Server;
  private held?: { match: (r: string) => boolean; nth: number; seen: number; arrived: () => void; release: Promise<void> };

  constructor(private readonly target: string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.forward(req, res).catch(() => res.destroy()));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  /** Holds the `nth` request matching `match` (1-based) until `release` is called; resolves `arrived` when it comes. */
  hold(match: (request: string) => boolean, nth: number): { arrived: Promise<void>; release: () => void } {
    let release!: () => void;
    let arrived!: () => void;
    const arrivedPromise = new Promise<void>((r) => (arrived = r));
    this.held = { match, nth, seen: 0, arrived, release: new Promise<void>((r) => (release = r)) };
    return { arrived: arrivedPromise, release };
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? (this.server.closeAllConnections(), this.server.close(() => r())) : r()));
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`;
    this.arrivals.push(request);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const held = this.held;
    if (held?.match(request) && ++held.seen === held.nth) {
      held.arrived();
      await held.release;
    }
    const answer = await fetch(`${this.target}${req.url}`, {
      method: req.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    const headers: Record<string, string> = { 'content-type': answer.headers.get('content-type') ?? 'application/json' };
    const link = answer.headers.get('link');
    if (link) headers['link'] = link;
    res.writeHead(answer.status, headers);
    res.end(answer.status === 204 ? undefined : Buffer.from(await answer.arrayBuffer()));
  }
}

const isWrite = (request: string) => !request.startsWith('GET ') && !request.startsWith('HEAD ');

let bundle: CliBundle;
let repo: Checkout | undefined;
let gate: GatedGitHub | undefined;
let cli: RunningCli | undefined;
beforeAll(async () => {
  bundle = await bundleCli();
});
afterAll(async () => {
  await bundle.remove();
});
afterEach(async () => {
  // A failed assertion must not leave the child running.
  if (cli && cli.child.exitCode === null && cli.child.signalCode === null) {
    cli.child.kill('SIGKILL');
    await cli.exited();
  }
  cli = undefined;
  await gate?.stop();
  await repo?.github.stop();
  gate = undefined;
  repo = undefined;
});

describe('guardrails followups stopped by a signal', () => {
  it.each([
    ['SIGTERM', 'text'],
    ['SIGINT', 'json'],
  ] as const)('%s mid-run (--format %s): the write in flight settles, no new write starts, exit 1 within 10 s', async (signal, format) => {
    repo = await checkout();
    gate = await new GatedGitHub(repo.github.url).start();
    const second = gate.hold((r) => r === 'POST /repos/acme/platform/issues', 2);
    cli = spawnCli(bundle, ['followups', '--now', BEFORE_DUE, '--format', format], {
      cwd: repo.dir,
      env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: gate.url },
    });
    await cli.waitFor(/created #1 /);
    await second.arrived;

    const sentAt = Date.now();
    cli.child.kill(signal);
    await cli.waitFor(new RegExp(`${signal} received: starting no new write`));
    const beforeRelease = gate.arrivals.length;
    second.release();
    const exit = await cli.exited();

    expect(exit.code).toBe(1);
    expect(exit.at - sentAt).toBeLessThan(10_000);
    expect(gate.arrivals.slice(beforeRelease).filter(isWrite), 'writes started after the signal').toEqual([]);
    expect(gate.arrivals.filter(isWrite)).toEqual(['POST /repos/acme/platform/issues', 'POST /repos/acme/platform/issues']);
    expect(repo.github.issues.map((i) => i.number)).toEqual([1, 2]);
    if (format === 'text') {
      const stdout = cli.stdout();
      expect(stdout).toContain('created #2 https://github.test/issues/2');
      expect(stdout).toContain('stopped by a signal: done 2 created, 0 updated, 0 closed, 0 commented, 0 report(s) written back; not done: 1 planned change(s):');
      expect(stdout).toContain('  create  [INC-2026-0106] Run a registry restore drill from the nightly backup and record the time to recover');
      expect(stdout).toContain('rerun to finish: the next run lists the existing issues first and will not duplicate them');
    } else {
      expect(JSON.parse(cli.stdout())).toMatchObject({
        reportVersion: 1, command: 'followups', exitCode: 1, stopped: true,
        planned: { create: 3 },
        done: { created: [{ number: 1 }, { number: 2 }] },
        notDone: [{ kind: 'create', issue: null, description: expect.stringContaining('Run a registry restore drill') }],
      });
    }
    expect(cli.stderr()).not.toMatch(/^\s+at /m);
  });
});
