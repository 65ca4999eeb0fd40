/**
 * Runs a Node child process and reports its wall time and peak RSS. The RSS comes from the child
 * itself (`process.resourceUsage().maxRSS` on exit, through a preloaded module), so it is the Node
 * process's own high-water mark, measured the same way for ours and for the floor.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildRun {
  readonly code: number | null;
  readonly seconds: number;
  readonly peakRssMiB: number;
  /** CPU seconds (user + system) of the Node process itself: what the run costs on a loaded machine. */
  readonly cpuSeconds: number;
  readonly stdoutBytes: number;
  readonly stdout: string;
  readonly stderr: string;
}

const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`); });",
)}`;

/**
 * Runs `node <args>` in `cwd`. Standard output is counted, and kept only when `keepStdout` is set
 * (a 1,000-subject report is large).
 */
export function runNode(args: readonly string[], cwd: string, options: { keepStdout?: boolean; input?: string; nodeFlags?: readonly string[] } = {}): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const rssFile = join(dir, 'rss');
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', RSS_HOOK, ...args], {
      cwd,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdoutBytes = 0;
    const kept: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (options.keepStdout) kept.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let peakRssMiB = NaN;
      let cpuSeconds = NaN;
      try {
        const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
        peakRssMiB = (rss ?? NaN) / 1024;
        cpuSeconds = (cpu ?? NaN) / 1e6;
      } catch {
        // The child died before its exit hook ran; the caller sees the code.
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, seconds, peakRssMiB, cpuSeconds, stdoutBytes, stdout: Buffer.concat(kept).toString('utf8'), stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
