/**
 * Builds the action bundle exactly as build.mjs does (same esbuild options) into a temporary file, so
 * the end-to-end test runs what the runner runs without depending on a fresh committed dist/.
 */
import { build } from 'esbuild';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export async function buildActionBundle(root = resolve(import.meta.dirname, '../../..')): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'guardrails-bundle-'));
  const outfile = join(dir, 'index.js');
  await build({
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: requireShim },
    entryPoints: [join(root, 'src/action/index.ts')],
    outfile,
  });
  return outfile;
}
