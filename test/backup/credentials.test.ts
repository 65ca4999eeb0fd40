import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackupDir } from '../../src/backup/backup-dir.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { run, tempDir } from './support.js';

const KEY = 'APIKEY7QX2';
const SECRET = 'sEcReT+/with=chars-9f8e7d';
const TOKEN = 'eyJhbGciOi.bearer-token-value.zz9';

let sr: TestRegistry;
let dir: { path: string; remove: () => Promise<void> };

afterEach(async () => {
  await Promise.all([sr.close(), dir.remove()]);
});

/** Every text a run could leak a secret into: its output and every file it wrote. */
async function everything(ran: { stdout: string; stderr: string }, backupPath?: string): Promise<string> {
  const files = backupPath ? [...(await readBackupDir(backupPath)).values()].map((b) => b.toString('utf8')) : [];
  return [ran.stdout, ran.stderr, ...files].join('\n');
}

function expectNoSecret(text: string): void {
  for (const secret of [SECRET, encodeURIComponent(SECRET), TOKEN, Buffer.from(`${KEY}:${SECRET}`).toString('base64')]) expect(text).not.toContain(secret);
}

describe('with basic auth', () => {
  beforeEach(async () => {
    sr = await startTestRegistry({ auth: { type: 'basic', username: KEY, password: SECRET } });
    dir = await tempDir('creds-');
    const seedClient = (await import('../../src/registry/index.js')).createRegistryClient({ url: sr.url, auth: { type: 'basic', username: KEY, password: SECRET } });
    await seedClient.register('a-value', { schema: '"string"' });
  });

  const env = () => ({ GUARDRAILS_REGISTRY_URL: sr.url, GUARDRAILS_REGISTRY_API_KEY: KEY, GUARDRAILS_REGISTRY_API_SECRET: SECRET });

  it('keeps them out of the manifest, the backup files and the output, and they work', async () => {
    const ran = await run('backup', ['--out', dir.path, '--progress', 'lines'], env());
    expect(ran.code).toBe(0);
    const path = join(dir.path, 'backup-20261126T020000Z');
    expect(JSON.parse(await readFile(join(path, 'MANIFEST.json'), 'utf8')).source.url).toBe(sr.url);
    const text = await everything(ran, path);
    expectNoSecret(text);
    expect(text).not.toContain(KEY);
  });

  it('refuses credentials given in the URL, before any request, without echoing them', async () => {
    const withUserInfo = sr.url.replace('http://', `http://${KEY}:${encodeURIComponent(SECRET)}@`);
    sr.resetCounts();
    for (const ran of [
      await run('backup', ['--registry-url', withUserInfo, '--out', dir.path, '--progress', 'none']),
      await run('backup', ['--out', dir.path], { GUARDRAILS_REGISTRY_URL: withUserInfo }),
    ]) {
      expect(ran.code).toBe(2);
      expect(ran.stderr).toMatch(/holds credentials; put them in GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET/);
      expectNoSecret(await everything(ran));
      expect(ran.stderr).not.toContain(KEY);
    }
    expect(sr.requests).toEqual([]);
  });

  it('keeps them out of failure messages and restore output', async () => {
    const wrong = await run('backup', ['--out', dir.path], { ...env(), GUARDRAILS_REGISTRY_API_SECRET: `${SECRET}x` });
    // Rejected credentials are bad input, and nothing was written.
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/401|unauthori[sz]ed/i);
    expectNoSecret(await everything(wrong));
    await run('backup', ['--out', dir.path, '--progress', 'none'], env());
    const restore = await run('restore', ['--from', join(dir.path, 'backup-20261126T020000Z'), '--dry-run'], env());
    expect(restore.code).toBe(0);
    expectNoSecret(await everything(restore));
  });
});

describe('with a bearer token', () => {
  beforeEach(async () => {
    sr = await startTestRegistry({ auth: { type: 'bearer', token: TOKEN } });
    dir = await tempDir('creds-');
  });

  it('authenticates and never prints the token', async () => {
    sr.seed('a-value', { schema: '"string"' });
    const ran = await run('backup', ['--out', dir.path, '--progress', 'none'], { GUARDRAILS_REGISTRY_URL: sr.url, GUARDRAILS_REGISTRY_BEARER_TOKEN: TOKEN });
    expect(ran.code).toBe(0);
    expectNoSecret(await everything(ran, join(dir.path, 'backup-20261126T020000Z')));
    expect(sr.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('refuses half-given or conflicting credentials with exit 2', async () => {
    const half = await run('backup', ['--out', dir.path], { GUARDRAILS_REGISTRY_URL: sr.url, GUARDRAILS_REGISTRY_API_KEY: KEY });
    expect(half).toMatchObject({ code: 2, stderr: expect.stringContaining('set both GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET') });
    const both = await run('backup', ['--out', dir.path], { GUARDRAILS_REGISTRY_URL: sr.url, GUARDRAILS_REGISTRY_API_KEY: KEY, GUARDRAILS_REGISTRY_API_SECRET: SECRET, GUARDRAILS_REGISTRY_BEARER_TOKEN: TOKEN });
    expect(both.code).toBe(2);
    expectNoSecret(both.stderr);
  });
});
