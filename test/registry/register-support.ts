/** A git repository of schema files built in the test, and the CLI run in-process against it. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/main.js';
import type { TestRegistry } from '../support/test-registry/index.js';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_CONFIG_NOSYSTEM: '1' };

export interface Repo {
  readonly path: string;
  /** Writes the files and commits them; returns the commit. */
  commit(files: Record<string, string | object>, message?: string): Promise<string>;
  remove(): Promise<void>;
}

export async function gitRepo(): Promise<Repo> {
  const path = await mkdtemp(join(tmpdir(), 'guardrails-register-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: path, env: GIT_ENV }).toString('utf8').trim();
  git('init', '--quiet', '-b', 'main');
  return {
    path,
    async commit(files, message = 'schemas') {
      for (const [file, content] of Object.entries(files)) {
        await mkdir(dirname(join(path, file)), { recursive: true });
        await writeFile(join(path, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      }
      git('add', '-A');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run([...argv], { cwd, env, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** Requests that change the registry (a lookup is a POST but reads). */
export function writesOf(sr: TestRegistry): string[] {
  return sr.requests
    .filter((r) => r.method !== 'GET' && !(r.method === 'POST' && (r.route === 'POST /subjects/{subject}' || r.route.startsWith('POST /compatibility'))))
    .map((r) => `${r.method} ${r.path}`);
}

export const address = { type: 'record', name: 'Address', namespace: 'acme', fields: [{ name: 'city', type: 'string' }] };
export const user = (fields: object[] = [{ name: 'id', type: 'string' }]) => ({
  type: 'record',
  name: 'User',
  namespace: 'acme',
  fields: [...fields, { name: 'home', type: 'acme.Address' }],
});
