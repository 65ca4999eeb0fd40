/**
 * bench/cli: how long the `guardrails` executable takes to answer, bundled from the source with its
 * packages external, as in dist/cli.js, beside `node -e 0` measured in the same run (wall time, the
 * median of 7 runs each):
 * - `--help` and `--version`: start-up alone, which every command pays;
 * - `check` in a repository of 5 schema files with nothing changed: `npm start`'s audit.
 * Dependencies a command may not need (axios, the AWS SDK, pg, prom-client, pino, avsc) are loaded
 * when first used, so start-up is mostly Node's own, zod's and yaml's.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { Repo } from '../test/action/e2e-support.js';
import { bundleCli } from './support/cli-bundle.js';

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Median wall time of `node args`, in ms; every run must exit with `expected`. */
function timed(args: string[], expected: number, cwd?: string): number {
  return median(Array.from({ length: RUNS }, () => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== expected) throw new Error(`node ${args.join(' ')} exited ${result.status}, not ${expected}:\n${result.stderr}`);
    return ms;
  }));
}

function schema(i: number): string {
  return `${JSON.stringify({ type: 'record', name: `Event${i}`, namespace: 'com.acme.bench', fields: [{ name: 'id', type: 'long' }] }, null, 2)}\n`;
}

const cli = await bundleCli();
const repo = new Repo();
try {
  repo.write('guardrails.yaml', 'version: 1\ndefaults:\n  strategy: RecordNameStrategy\n');
  for (let i = 0; i < 5; i++) repo.write(`schemas/event${i}.avsc`, schema(i));
  repo.commit('schemas', 1);
  const noop = timed(['-e', '0'], 0);
  const rows: Array<[string, number]> = [
    ['guardrails --help', timed([cli, '--help'], 0)],
    ['guardrails --version', timed([cli, '--version'], 0)],
    ['guardrails check (5 schemas, audit)', timed([cli, 'check', '--cwd', repo.dir], 0)],
  ];
  console.log(`${'node -e 0'.padEnd(38)}${noop.toFixed(0).padStart(6)} ms`);
  for (const [name, ms] of rows) console.log(`${name.padEnd(38)}${ms.toFixed(0).padStart(6)} ms  (${(ms / noop).toFixed(1)}x node -e 0)`);
} finally {
  rmSync(repo.dir, { recursive: true, force: true });
}
