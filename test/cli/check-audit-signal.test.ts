import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepo, type AuditRepo } from '../../bench/support/audit-repo.js';
import { bundleCli, spawnCli, type CliBundle } from '../support/cli-process.js';

let bundle: CliBundle;
let repo: AuditRepo;

beforeAll(async () => {
  bundle = await bundleCli();
  // 6,000 versions: an audit long enough to be stopped in the middle, on any machine.
  repo = await createAuditRepo(300, 20);
}, 120_000);

afterAll(async () => {
  await bundle?.remove();
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

/** Child processes of `pid` whose command line contains `needle` (Linux /proc). */
function childrenOf(pid: number, needle: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(needle)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(process.platform !== 'linux')('guardrails check (audit) on SIGINT, the real executable', () => {
  it('stops reading git, leaves no git cat-file behind, and exits 1 within 10 s', async () => {
    const cli = spawnCli(bundle, ['check'], { cwd: repo.dir });
    const pid = cli.child.pid as number;
    let readers: number[] = [];
    for (let tries = 0; readers.length === 0 && tries < 3000; tries++) {
      readers = childrenOf(pid, 'cat-file --batch');
      if (readers.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(readers).toHaveLength(1);

    const signalled = Date.now();
    cli.child.kill('SIGINT');
    const { code, at } = await cli.exited();

    expect(at - signalled).toBeLessThan(10_000);
    // The contract's stopped run: 1, never 2 (bad input) or 3 (bug).
    expect(code).toBe(1);
    expect(cli.stderr()).toContain('SIGINT received');
    expect(cli.stderr()).toMatch(/error: (reading the git history was stopped|the check was stopped)/);
    expect(cli.stdout()).toBe('');
    expect(exists(readers[0] as number)).toBe(false);
  }, 120_000);
});
