/** Shared by the orphan tests: fixture copies with controlled mtimes, planted files, and the real CLI in-process. */
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run } from '../../../src/cli/main.js';
import { listFiles } from '../../support/iceberg/fixtures.js';

export const DAY = 86_400_000;
export const NOW = Date.parse('2026-11-26T00:00:00Z');
/** Older than every cutoff the tests use. */
export const OLD = NOW - 30 * DAY;
/** Younger than the 3-day default. */
export const NEW = NOW - 3_600_000;

function setTime(path: string, ms: number): void {
  utimesSync(path, ms / 1000, ms / 1000);
}

/** Gives every file under `dir` the modification time `ms` (a fresh copy is as young as the copy). */
export function ageAll(dir: string, ms: number): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) ageAll(path, ms);
    else setTime(path, ms);
  }
}

/** Writes `rel` under `dir` with modification time `ms`. */
export function plant(dir: string, rel: string, ms: number, content = 'orphan'): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  setTime(path, ms);
  return rel;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(argv: readonly string[], env: Record<string, string>, cwd = process.cwd(), signal?: AbortSignal): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(['remove-orphans', ...argv], {
    cwd, env, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, ...(signal ? { signal } : {}),
  });
  return { code, stdout, stderr };
}

/** The files of `before` that are gone from `dir` now. */
export function deletedSince(before: readonly string[], dir: string): string[] {
  const after = new Set(listFiles(dir));
  return before.filter((f) => !after.has(f)).sort();
}

/** The URI without its password (it goes in PGPASSWORD), as an operator would pass it. */
export function catalogArgs(url: string, catalog: string): { argv: string[]; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { argv: ['--catalog-uri', parsed.toString(), '--catalog-name', catalog], env: { PGPASSWORD: password } };
}
