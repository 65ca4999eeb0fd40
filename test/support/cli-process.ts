/**
 * The real `guardrails` executable as a child process, for tests of signals and of the process
 * around the CLI: src/cli/index.ts is bundled once per test file into .tmp/ (inside the project, so
 * that its external packages resolve from node_modules), then spawned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';

export interface CliBundle {
  readonly path: string;
  /** What the bundle imports, and how (test/cli/start-up.test.ts reads it). */
  readonly metafile: Metafile;
  remove(): Promise<void>;
}

export async function bundleCli(entry = 'src/cli/index.ts'): Promise<CliBundle> {
  await mkdir('.tmp', { recursive: true });
  const dir = await mkdtemp(join(process.cwd(), '.tmp', 'cli-'));
  const path = join(dir, 'cli.mjs');
  const { metafile } = await build({ entryPoints: [entry], outfile: path, bundle: true, platform: 'node', format: 'esm', packages: 'external', metafile: true, logLevel: 'silent' });
  return { path, metafile, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface RunningCli {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr (or stdout) has printed text matching `pattern`; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or the signal name) and the time from `since` (default: the spawn). */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

export function spawnCli(bundle: CliBundle, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunningCli {
  const child = spawn(process.execPath, [bundle.path, ...args], { env: options.env ?? process.env, cwd: options.cwd ?? process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.pattern.test(err) || w.pattern.test(out)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    check();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
    check();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms; stderr so far:\n${err}`)), timeoutMs);
        waiters.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
        check();
        void exit.then(() => setTimeout(() => reject(new Error(`exited before printing ${pattern}; stderr:\n${err}`)), 50));
      }),
    exited: () => exit,
  };
}
