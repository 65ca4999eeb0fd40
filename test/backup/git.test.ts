import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitBefore, gitIn } from '../../src/backup/git.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { buildFixture, stateOf } from './fixtures.js';
import { run, tempDir } from './support.js';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_CONFIG_NOSYSTEM: '1' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV }).toString('utf8').trim();

let source: TestRegistry;
let target: TestRegistry;
let repo: { path: string; remove: () => Promise<void> };
let out: { path: string; remove: () => Promise<void> };

beforeEach(async () => {
  source = await startTestRegistry();
  target = await startTestRegistry();
  repo = await tempDir('backup-repo-');
  out = await tempDir('backup-out-');
  git(repo.path, 'init', '--quiet', '--initial-branch=main');
  await writeFile(join(repo.path, 'README.md'), 'hello\n');
  git(repo.path, 'add', 'README.md');
  git(repo.path, 'commit', '--quiet', '-m', 'init');
});
afterEach(async () => {
  await Promise.all([source.close(), target.close(), repo.remove(), out.remove()]);
});

describe('the git branch destination', () => {
  it('commits each backup as the whole tree of the branch without touching the checkout, and restores from it', async () => {
    await buildFixture(source.url);
    const env = { GUARDRAILS_REGISTRY_URL: source.url };
    const first = await run('backup', ['--out', out.path, '--name', 'n1', '--git-branch', 'schema-backups', '--git-repo', repo.path, '--progress', 'none'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/git: committed [0-9a-f]{12} to schema-backups/);
    source.seed('added-later', { schema: '"string"' });
    const second = await run('backup', ['--out', out.path, '--name', 'n2', '--git-branch', 'schema-backups', '--git-repo', repo.path, '--progress', 'none'], env);
    expect(second.code).toBe(0);

    expect(git(repo.path, 'status', '--porcelain')).toBe('');
    expect(git(repo.path, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(repo.path, 'rev-list', '--count', 'schema-backups')).toBe('2');
    expect(git(repo.path, 'diff', '--name-only', 'schema-backups~1', 'schema-backups')).toBe(['MANIFEST.json', 'SHA256SUMS', 'subjects/added-later/subject.json', 'subjects/added-later/v000001.json'].join('\n'));

    const restored = await run('restore', ['--from-git', 'schema-backups~1', '--git-repo', repo.path, '--registry-url', target.url, '--progress', 'none']);
    expect(restored.code).toBe(0);
    expect(target.state.versions.has('added-later')).toBe(false);
    source.state.versions.delete('added-later');
    expect(stateOf(target.state)).toEqual(stateOf(source.state));
  });

  it('picks the last backup before a date', async () => {
    source.seed('a', { schema: '"string"' });
    await run('backup', ['--registry-url', source.url, '--out', out.path, '--name', 'n1', '--git-branch', 'schema-backups', '--git-repo', repo.path, '--progress', 'none']);
    const dry = await run('restore', ['--from-git', 'schema-backups', '--before', '2001-01-01', '--git-repo', repo.path, '--registry-url', target.url, '--dry-run']);
    expect(dry).toMatchObject({ code: 2, stderr: expect.stringContaining("no commit on 'schema-backups' before 2001-01-01T00:00:00.000Z") });
    const now = await run('restore', ['--from-git', 'schema-backups', '--before', '2099-12-31', '--git-repo', repo.path, '--registry-url', target.url, '--dry-run']);
    expect(now.stderr).toMatch(/backup git schema-backups before 2099-12-31T00:00:00.000Z \([0-9a-f]{12}\): verified/);
    expect(now.code).toBe(0);
    expect(now.stdout).toContain('+ a v1 (id 1)');
  });
});

describe('commitBefore', () => {
  const commitAt = (date: string) =>
    execFileSync('git', ['commit', '--quiet', '--allow-empty', '-m', date], { cwd: repo.path, env: { ...GIT_ENV, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } });

  it('gives git the exact UTC instant, so that midnight UTC does not pick that day\'s backup', async () => {
    commitAt('2026-11-19T02:17:00Z');
    const dayBefore = git(repo.path, 'rev-parse', 'HEAD');
    commitAt('2026-11-20T02:17:00Z');
    const sameDay = git(repo.path, 'rev-parse', 'HEAD');
    const g = gitIn(repo.path, GIT_ENV);
    expect(await commitBefore(g, 'main', new Date('2026-11-20T00:00:00Z'))).toBe(dayBefore);
    expect(await commitBefore(g, 'main', new Date('2026-11-21T00:00:00Z'))).toBe(sameDay);
    expect(await commitBefore(g, 'main', new Date('2026-11-20T03:00:00Z'))).toBe(sameDay);
  });
});

describe('restore from git history (schema files as of a ref)', () => {
  it('re-registers deleted schema files with their references, and is idempotent', async () => {
    await mkdir(join(repo.path, 'schemas', 'common'), { recursive: true });
    for (const f of ['schemas/common/price_level.avsc', 'schemas/market_orderbook_asx.avsc', 'schemas/market_ticks_asx.avsc', 'guardrails.yaml']) {
      await copyFile(join(process.cwd(), f), join(repo.path, f));
    }
    git(repo.path, 'add', '.');
    git(repo.path, 'commit', '--quiet', '-m', 'schemas');
    await rm(join(repo.path, 'schemas'), { recursive: true });
    git(repo.path, 'commit', '--quiet', '-am', 'oops, deleted');

    const args = ['--schemas-at', 'HEAD~1', '--git-repo', repo.path, '--registry-url', target.url, '--glob', 'market.orderbook.*'];
    const dry = await run('restore', [...args, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+ com.market.common.PriceLevel (schemas/common/price_level.avsc): would be registered');
    expect(dry.stdout).not.toContain('market.ticks.asx-value');
    expect(target.state.versions.size).toBe(0);

    const real = await run('restore', args);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('+ market.orderbook.asx-value (schemas/market_orderbook_asx.avsc): registered as v1, id 2');
    expect(target.state.find('market.orderbook.asx-value', 1)?.references).toEqual([
      { name: 'com.market.common.PriceLevel', subject: 'com.market.common.PriceLevel', version: 1 },
    ]);
    const again = await run('restore', args);
    expect(again.stdout).toContain('= market.orderbook.asx-value (schemas/market_orderbook_asx.avsc): already registered as v1, id 2');
    expect(target.state.versions.size).toBe(2);
  });
});
