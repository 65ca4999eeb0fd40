/** Running `guardrails backup` and `guardrails restore` in-process through the CLI, with captured output. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as runCli } from '../../src/cli/main.js';

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The clock of every run: backups are named `backup-20261126T020000Z`. */
export const NOW = new Date('2026-11-26T02:00:00Z');

export async function run(command: 'backup' | 'restore', argv: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd(), signal?: AbortSignal): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([command, ...argv], {
    cwd,
    env,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    now: () => NOW,
    ...(signal ? { signal } : {}),
  });
  return { code, stdout, stderr };
}

export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
