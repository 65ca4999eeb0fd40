/** A temporary repository checkout with reports and a guardrails.yaml, plus a runner for `guardrails followups`. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runFollowupsCommand } from '../../src/postmortem/index.js';
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

export interface Checkout {
  readonly dir: string;
  readonly github: FakeGitHub;
  run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  write(path: string, text: string): void;
  read(path: string): string;
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
  return {
    dir, github, write,
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    async run(...args) {
      let stdout = '';
      let stderr = '';
      const code = await runFollowupsCommand(args, {
        stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir,
        env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.url },
      }, { trackerOptions: { throttle: false, retryAfterBaseValue: 1 } });
      return { code, stdout, stderr };
    },
  };
}
