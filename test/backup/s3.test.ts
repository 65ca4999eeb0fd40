import { readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { buildFixture, stateOf } from './fixtures.js';
import { run, tempDir } from './support.js';

interface S3Server {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}

let source: TestRegistry;
let target: TestRegistry;
let s3: S3Server;
let endpoint: string;
const dirs: { path: string; remove: () => Promise<void> }[] = [];
const saved = { ...process.env };

beforeEach(async () => {
  source = await startTestRegistry();
  target = await startTestRegistry();
  const store = await tempDir('s3rver-');
  const out = await tempDir('s3-out-');
  dirs.push(store, out);
  s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: store.path, configureBuckets: [{ name: 'backups' }] }) as S3Server;
  const address = await s3.run();
  endpoint = `http://127.0.0.1:${address.port}`;
  // The AWS SDK reads credentials from the process environment (its default chain); s3rver's fixed pair.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
});
afterEach(async () => {
  process.env = { ...saved };
  await Promise.all([source.close(), target.close(), s3.close()]);
  await Promise.all(dirs.splice(0).map((d) => d.remove()));
});

describe('the S3 destination', () => {
  it('uploads a backup that restores identically from S3', async () => {
    await buildFixture(source.url);
    const out = dirs[1]!.path;
    const ran = await run('backup', ['--registry-url', source.url, '--out', out, '--s3-bucket', 'backups', '--s3-endpoint', endpoint, '--progress', 'none']);
    expect(ran.stderr).toContain('s3: uploaded to s3://backups/registry-backups/backup-20261126T020000Z/');
    expect(ran.code).toBe(0);
    expect(await readdir(out)).toEqual(['backup-20261126T020000Z']);
    const restored = await run('restore', ['--from', 's3://backups/registry-backups/backup-20261126T020000Z/', '--s3-endpoint', endpoint, '--registry-url', target.url, '--progress', 'none']);
    expect(restored.code).toBe(0);
    expect(stateOf(target.state)).toEqual(stateOf(source.state));
  });

  it('reports an unreachable bucket as a failed backup and leaves the local copy', async () => {
    source.seed('a', { schema: '"string"' });
    const out = dirs[1]!.path;
    const ran = await run('backup', ['--registry-url', source.url, '--out', out, '--s3-bucket', 'no-such-bucket', '--s3-endpoint', endpoint, '--progress', 'none']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('upload to s3://no-such-bucket/registry-backups/backup-20261126T020000Z/ failed');
    expect(ran.stderr).not.toContain('S3RVER');
    expect(await readdir(out)).toEqual(['backup-20261126T020000Z']);
  });
});
