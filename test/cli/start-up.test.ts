/**
 * What the executable loads before it runs a command: the packages only some commands need are
 * loaded when first used, so `guardrails --help` (and every command's start-up) does not pay for
 * them. bench/cli prints the time this saves.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, type CliBundle } from '../support/cli-process.js';

/** Imported with import(), when a registry, S3 or a run's metrics are first used. */
const IMPORTED_LATER = ['axios', '@aws-sdk/client-s3'];
/** Required when first used (CommonJS packages, through createRequire). */
const REQUIRED_LATER = ['pg', 'prom-client', 'pino', 'avsc', 'fzstd', 'snappyjs'];

describe('the CLI at start-up', () => {
  let bundle: CliBundle;
  beforeAll(async () => {
    bundle = await bundleCli();
  });
  afterAll(async () => {
    await bundle?.remove();
  });

  it('imports none of the packages only some commands need', () => {
    const imports = Object.values(bundle.metafile.outputs).flatMap((output) => output.imports);
    const eager = new Set(imports.filter((i) => i.external && i.kind === 'import-statement').map((i) => i.path));
    const lazy = new Set(imports.filter((i) => i.external && i.kind === 'dynamic-import').map((i) => i.path));
    // The check is only worth something if the bundle still imports its usual packages eagerly.
    expect(eager).toContain('zod');
    for (const name of [...IMPORTED_LATER, ...REQUIRED_LATER]) expect(eager, name).not.toContain(name);
    for (const name of IMPORTED_LATER) expect(lazy, name).toContain(name);
  });

  it('requires none of them to print its help', () => {
    const preload = join(bundle.path, '..', 'loaded.cjs');
    // Every CommonJS module loaded, whether by require or by an import, is in require.cache at exit.
    writeFileSync(preload, "process.on('exit', () => { process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(require.cache))); });\n");
    const run = spawnSync(process.execPath, ['--require', preload, bundle.path, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: guardrails <command>/);
    const loaded = JSON.parse(/LOADED (.*)$/.exec(run.stderr)?.[1] ?? '[]') as string[];
    const packages = new Set(loaded.map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]).filter((name) => name !== undefined));
    // Loaded before the command runs: the check would pass vacuously if nothing were recorded.
    expect(packages.size).toBeGreaterThan(0);
    for (const name of REQUIRED_LATER) expect(packages, name).not.toContain(name);
  });
});
