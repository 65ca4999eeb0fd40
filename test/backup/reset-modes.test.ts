/** `restore --reset-modes` and the JSON documents of both commands. */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { buildFixture } from './fixtures.js';
import { run, tempDir } from './support.js';

let source: TestRegistry;
let target: TestRegistry;
let dir: { path: string; remove: () => Promise<void> };
let path: string;

beforeEach(async () => {
  source = await startTestRegistry();
  target = await startTestRegistry();
  dir = await tempDir('reset-modes-');
  await buildFixture(source.url);
  const made = await run('backup', ['--registry-url', source.url, '--out', dir.path, '--name', 'b', '--progress', 'none']);
  expect(made.code).toBe(0);
  path = join(dir.path, 'b');
});
afterEach(async () => {
  await Promise.all([source.close(), target.close(), dir.remove()]);
});

const importModes = (sr: TestRegistry) => [...sr.state.modes].filter(([, m]) => m === 'IMPORT').map(([s]) => s);

/** What a restore killed after putting subjects into IMPORT leaves: one with a version, one with none. */
function killedRestore(): void {
  target.seed('market.ticks-value', { schema: '"string"' });
  target.state.modes.set('market.ticks-value', 'IMPORT');
  // No versions yet: GET /subjects does not list it, only GET /mode/{subject} shows it.
  target.state.modes.set('market.book-value', 'IMPORT');
  target.state.modes.set('unrelated-value', 'IMPORT');
}

describe('guardrails restore --reset-modes', () => {
  it('lists with --dry-run, then puts back only the backup subjects left in IMPORT, versionless ones too', async () => {
    killedRestore();
    const dry = await run('restore', ['--from', path, '--reset-modes', '--dry-run', '--registry-url', target.url]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Checked the mode of 8 subject(s) of the backup (dry run: nothing will be written): 2 in IMPORT would be put back.');
    expect(dry.stdout).toContain('  ~ market.book-value → READONLY\n  ~ market.ticks-value → inherited');
    expect(target.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const ran = await run('restore', ['--from', path, '--reset-modes', '--registry-url', target.url, '--format', 'json']);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({
      reportVersion: 1,
      command: 'restore',
      exitCode: 0,
      status: 'reset',
      mode: 'reset-modes',
      dryRun: false,
      source: { label: path, takenAt: '2026-11-26T02:00:00.000Z', counts: expect.objectContaining({ subjects: 8, versions: 12 }) },
      checked: 8,
      reset: [
        { subject: 'market.book-value', to: 'READONLY' },
        { subject: 'market.ticks-value', to: 'inherited' },
      ],
      failed: [],
      notDone: [],
      stopped: false,
    });
    // A subject the backup does not have is not this restore's business.
    expect(importModes(target)).toEqual(['unrelated-value']);
    expect(target.state.modes.get('market.book-value')).toBe('READONLY');
  });

  it('refuses --plan-out and --schemas-at with it', async () => {
    expect(await run('restore', ['--from', path, '--reset-modes', '--plan-out', join(dir.path, 'p.json'), '--registry-url', target.url])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--plan-out does not go with --reset-modes'),
    });
    expect(await run('restore', ['--schemas-at', 'HEAD', '--reset-modes', '--registry-url', target.url])).toMatchObject({ code: 2 });
    expect(target.requests).toEqual([]);
  });
});

describe('--format json', () => {
  it('prints one versioned document for a backup', async () => {
    const ran = await run('backup', ['--registry-url', source.url, '--out', dir.path, '--name', 'json', '--format', 'json', '--progress', 'none']);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      reportVersion: 1,
      command: 'backup',
      exitCode: 0,
      status: 'complete',
      path: join(dir.path, 'json'),
      name: 'json',
      source: source.url,
      listing: 'bulk',
      counts: { subjects: 8, deletedSubjects: 1, versions: 12, deletedVersions: 2, contexts: 1, files: 24 },
      git: null,
      s3: null,
      retention: { removed: [] },
      notDone: [],
    });
  });

  it('prints the plan summary and the outcome of a restore', async () => {
    const ran = await run('restore', ['--from', path, '--registry-url', target.url, '--format', 'json', '--progress', 'none']);
    expect(ran.code).toBe(0);
    const report = JSON.parse(ran.stdout);
    expect(report).toMatchObject({
      reportVersion: 1,
      command: 'restore',
      exitCode: 0,
      status: 'restored',
      plan: { preserveIds: true, create: 12, createSubjects: 8, identical: 0, conflicts: [], softDeletes: 2, imports: 8, leftInImport: [] },
      outcome: { stopped: false, verified: true, registered: 12, notRegistered: [], softDeleted: 2, modesReset: 8, leftInImport: [], differences: [] },
    });
  });

  it('prints a document with the error when the run fails', async () => {
    const gone = await startTestRegistry();
    await gone.close();
    const ran = await run('restore', ['--from', path, '--registry-url', gone.url, '--format', 'json', '--registry-timeout-ms', '2000']);
    expect(ran.code).toBe(4);
    expect(JSON.parse(ran.stdout)).toMatchObject({ reportVersion: 1, command: 'restore', exitCode: 4, status: 'error', error: { message: expect.stringMatching(/connection failed/) } });
    expect(ran.stderr.trim().split('\n').at(-1)).toMatch(/^error: Schema Registry: connection failed \(ECONNREFUSED\)/);
  });
});
