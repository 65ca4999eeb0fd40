/** A temporary repository checkout with reports and a guardrails.yaml, plus a runner for `guardrails followups`. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { followupsCommandWith } from '../../src/cli/commands/followups.js';
import { runCommands } from '../../src/cli/dispatch.js';
import { FakeGitHub } from '../support/github/fake-github.js';

export const EXAMPLE = 'postmortems/2026-01-06-schema-registry-outage.md';
export const EXAMPLE_SOURCE = new URL(`../../${EXAMPLE}`, import.meta.url);

export const CONFIG = `version: 1
schemas:
  paths: ["schemas/**/*.avsc"]
followups:
  repo: acme/platform
  owners:
    SRE team: { users: [sre-oncall], team: acme/sre }
    Platform team: [platform-lead]
  writeback: { mode: pr }
`;

export interface RunOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Checkout {
  readonly dir: string;
  readonly github: FakeGitHub;
  run(...args: string[]): Promise<RunOutput>;
  /** The same, with the environment replaced (the API URL still points at the fake unless overridden). */
  runWith(env: Record<string, string>, ...args: string[]): Promise<RunOutput>;
  write(path: string, text: string): void;
  read(path: string): string;
}

/** Runs `guardrails followups <args>` in-process through the command layer, with the client's pacing turned down. */
export async function runFollowups(args: readonly string[], cwd: string, env: Record<string, string>): Promise<RunOutput> {
  let stdout = '';
  let stderr = '';
  const command = followupsCommandWith({ trackerOptions: { throttle: false, retryAfterBaseValue: 1 } });
  const code = await runCommands([command], ['followups', ...args], {
    cwd, env, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

export async function checkout(options: { config?: string; assignable?: string[] } = {}): Promise<Checkout> {
  const dir = mkdtempSync(join(tmpdir(), 'followups-'));
  mkdirSync(join(dir, 'postmortems'));
  copyFileSync(EXAMPLE_SOURCE, join(dir, EXAMPLE));
  writeFileSync(join(dir, 'guardrails.yaml'), options.config ?? CONFIG);
  const github = await new FakeGitHub({ assignable: options.assignable ?? ['sre-oncall', 'platform-lead', 'priya-raman'] }).start();
  github.putFile('main', EXAMPLE, readFileSync(EXAMPLE_SOURCE, 'utf8'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const env = { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.url };
  return {
    dir, github, write,
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    run: (...args) => runFollowups(args, dir, env),
    runWith: (replaced, ...args) => runFollowups(args, dir, { GITHUB_API_URL: github.url, ...replaced }),
  };
}
