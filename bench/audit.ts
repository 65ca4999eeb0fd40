/**
 * bench/audit: `guardrails check` with nothing changed (`npm start`, a nightly `--all`) audits every
 * version of every schema file. A repository of FILES schema files × VERSIONS commits is generated with
 * `git fast-import`; the real CLI (bundled from the source) audits it in text and in JSON, and the
 * floor runs in the same way: `git cat-file --batch` of every blob plus `JSON.parse` of each. Prints
 * wall time, CPU time (Node's own; git runs beside it) and peak RSS of both, and the ratios. Goal:
 * 1,000 × 100 in ≤ 60 s and ≤ 400 MB. On a machine shared with other work the wall time swells;
 * the CPU time and the ratios to the floor, measured in the same run, say more then.
 *
 * BENCH_AUDIT_SIZES=100x100 (comma-separated FILESxVERSIONS) picks the sizes; the default runs the
 * quick 100 × 100 and then the goal's 1,000 × 100.
 */
import { rmSync } from 'node:fs';
import { createAuditRepo, git } from './support/audit-repo.js';
import { CAT_FILE_FLOOR } from './support/cat-file-floor.js';
import { runNode, type ChildRun } from './support/child-run.js';
import { bundleCli } from './support/cli-bundle.js';

const SIZES = (process.env.BENCH_AUDIT_SIZES ?? '100x100,1000x100').split(',').map((size) => size.split('x').map(Number) as [number, number]);
const GOAL = { seconds: 60, rssMiB: 400 * 1e6 / 2 ** 20 };

const cli = await bundleCli();
let failed = false;

function line(name: string, run: ChildRun, floor?: ChildRun): string {
  const ratio = floor
    ? `  ${(run.seconds / floor.seconds).toFixed(1)}x the floor's time, ${(run.cpuSeconds / floor.cpuSeconds).toFixed(1)}x its CPU, ${(run.peakRssMiB / floor.peakRssMiB).toFixed(1)}x its RSS`
    : '';
  return `${name.padEnd(36)} ${run.seconds.toFixed(2).padStart(7)} s  ${run.cpuSeconds.toFixed(2).padStart(7)} s CPU  ${run.peakRssMiB.toFixed(0).padStart(5)} MiB peak RSS${ratio}`;
}

for (const [files, versions] of SIZES) {
  const made = Date.now();
  const repo = await createAuditRepo(files, versions);
  console.log(`${files} files × ${versions} versions (${(files * versions).toLocaleString('en')} versions), generated in ${((Date.now() - made) / 1000).toFixed(1)} s`);
  try {
    const blobs = git(repo.dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype)')
      .split('\n')
      .filter((entry) => entry.endsWith(' blob'))
      .map((entry) => entry.split(' ')[0])
      .join('\n');
    const floor = await runNode(['--input-type=module', '-e', CAT_FILE_FLOOR], repo.dir, { input: `${blobs}\n`, keepStdout: true });
    const [count, bytes, parsed] = floor.stdout.trim().split(' ').map(Number);
    // guardrails.yaml is the one blob that is not JSON.
    if (floor.code !== 0 || parsed !== (count ?? 0) - 1) throw new Error(`the floor failed (${floor.code}): ${floor.stderr}`);
    console.log(line('floor: cat-file --batch + JSON.parse', floor), ` (${count?.toLocaleString('en')} blobs, ${((bytes ?? 0) / 2 ** 20).toFixed(0)} MiB)`);
    for (const format of ['text', 'json']) {
      const run = await runNode([cli, 'check', '--format', format], repo.dir, { keepStdout: format === 'json' || files <= 100 });
      if (run.code !== 0) throw new Error(`guardrails check --format ${format} exited ${run.code}: ${run.stderr.slice(-2000)}`);
      if (format === 'json') {
        const report = JSON.parse(run.stdout) as { mode: string; subjects: { history: unknown[] }[] };
        const audited = report.subjects.reduce((sum, subject) => sum + subject.history.length, 0);
        if (report.mode !== 'audit' || audited !== files * versions) throw new Error(`the JSON report audited ${audited} versions in mode ${report.mode}`);
      }
      console.log(line(`guardrails check --format ${format}`, run, floor), ` (${(run.stdoutBytes / 2 ** 20).toFixed(1)} MiB of report)`);
      if (files * versions >= 100_000) {
        const time = run.seconds <= GOAL.seconds ? 'met' : 'NOT met';
        const rss = run.peakRssMiB <= GOAL.rssMiB ? 'met' : 'NOT met';
        console.log(`  goal ≤ ${GOAL.seconds} s: ${time}; goal ≤ 400 MB (${GOAL.rssMiB.toFixed(0)} MiB) peak RSS: ${rss}`);
      }
    }
    // What the audit keeps alive, apart from the heap V8 lets grow before it collects: the same run
    // with the old generation capped at 256 MB still completes.
    const capped = await runNode([cli, 'check'], repo.dir, { nodeFlags: ['--max-old-space-size=256'] });
    if (capped.code !== 0) throw new Error(`guardrails check with a 256 MB heap exited ${capped.code}: ${capped.stderr.slice(-2000)}`);
    console.log(line('same, node --max-old-space-size=256', capped, floor));
  } catch (error) {
    failed = true;
    console.log(`failed: ${(error as Error).message}`);
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
