/** A real git repository with a base branch and a PR head, and a runner-like launch of the bundle. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const DAY = 86_400_000;

export class Repo {
  readonly dir = mkdtempSync(join(tmpdir(), 'guardrails-e2e-'));

  constructor() {
    this.git(new Date(), 'init', '-q', '-b', 'main');
    this.git(new Date(), 'config', 'user.name', 'Dev');
    this.git(new Date(), 'config', 'user.email', 'dev@example.com');
    this.git(new Date(), 'config', 'commit.gpgsign', 'false');
  }

  git(date: Date, ...args: string[]): string {
    const when = `@${Math.floor(date.getTime() / 1000)} +0000`;
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, LC_ALL: 'C' };
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env }).trim();
  }

  write(path: string, text: string): this {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), text);
    return this;
  }

  /** Commits everything, dated `daysAgo` days before now; returns the sha. */
  commit(message: string, daysAgo: number): string {
    const date = new Date(Date.now() - daysAgo * DAY);
    this.git(date, 'add', '-A');
    this.git(date, 'commit', '-q', '-m', message);
    return this.git(date, 'rev-parse', 'HEAD');
  }
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

/** Runs the bundle as the runner does: INPUT_* (hyphens kept), event file, output and summary files. */
export function runBundle(bundle: string, env: Record<string, string>, inputs: Record<string, string>, event: unknown, eventName: string): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'guardrails-runner-'));
  const files = { event: join(dir, 'event.json'), output: join(dir, 'output'), summary: join(dir, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(event));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const childEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    ...env,
    ...inputEnv,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle], { env: childEnv, encoding: 'utf8' }, (error, stdout) => {
      const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      resolve({ code, stdout, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') });
    });
  });
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '');
    out[m[1] as string] = value.join('\n');
  }
  return out;
}
