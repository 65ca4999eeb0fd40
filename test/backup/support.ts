/** Running the backup and restore commands in-process, with captured output. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBackupCommand, runRestoreCommand } from '../../src/backup/index.js';

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function run(command: 'backup' | 'restore', argv: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), env, cwd, version: 'test' };
  const code = command === 'backup' ? await runBackupCommand(argv, io, () => new Date('2026-11-26T02:00:00Z')) : await runRestoreCommand(argv, io);
  return { code, stdout, stderr };
}

export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
