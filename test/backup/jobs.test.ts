/** The job entry points, bundled as the workflows bundle them and run as a process. */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';

let dir: { path: string; remove: () => Promise<void> };
let sr: TestRegistry;

beforeAll(async () => {
  // Inside the project, so that the bundles' external packages resolve from its node_modules.
  await mkdir('.tmp', { recursive: true });
  const path = await mkdtemp(join(process.cwd(), '.tmp', 'jobs-'));
  dir = { path, remove: () => rm(path, { recursive: true, force: true }) };
  sr = await startTestRegistry();
  sr.seed('a-value', { schema: '"string"' });
  for (const job of ['backup-schemas', 'restore-schemas']) {
    await build({ entryPoints: [`jobs/${job}.ts`], outfile: join(dir.path, `${job}.mjs`), bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
  }
});
afterAll(async () => {
  await sr.close();
  await dir.remove();
});

describe('the job bundles', () => {
  it('back up and dry-run a restore, with exit codes', async () => {
    const backup = await runJob('backup-schemas', ['--out', join(dir.path, 'out'), '--name', 'b']);
    expect(backup.stderr).toContain('backing up');
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining('backup complete') });
    const restore = await runJob('restore-schemas', ['--from', join(dir.path, 'out', 'b'), '--dry-run']);
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringContaining('identical  1 version(s), skipped') });
    expect(await runJob('restore-schemas', ['--nope'])).toMatchObject({ code: 2 });
  });
});

/** Runs a bundled job as a child process (asynchronously: the registry answers from this process). */
function runJob(job: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir.path, `${job}.mjs`), ...args], { env: { ...process.env, GUARDRAILS_REGISTRY_URL: sr.url, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
