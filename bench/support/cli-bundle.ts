/**
 * The CLI bundled from the current source, as build.mjs bundles dist/cli.js (dependencies external),
 * into .tmp/bench/, so a benchmark runs the real executable without touching dist/.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export async function bundleCli(): Promise<string> {
  const outfile = resolve('.tmp/bench/guardrails-cli.mjs');
  mkdirSync(resolve('.tmp/bench'), { recursive: true });
  await build({
    entryPoints: ['src/cli/index.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', logLevel: 'warning',
  });
  return outfile;
}
