/**
 * Trap 15: deprecation dates come from the base branch's first-parent history, never from PR text,
 * author dates or a shallow clone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGates } from '../../src/action/deprecation-facts.js';
import { gitLanding } from '../../src/github/api/landing.js';
import { openRepository } from '../../src/github/git/repository.js';
import { parseConfigText } from '../../src/policy/config/load.js';
import { runCheck } from '../../src/policy/check/run-check.js';
import { gitIn, TempRepo } from '../github/support/temp-repo.js';
import { ordersJson } from '../policy/deprecation/schemas.js';

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

const CONFIG = 'version: 1\nsubjects:\n  - files: "schemas/*.avsc"\n    topic: orders\n';
const { settings } = parseConfigText(CONFIG, 'guardrails.yaml');

async function gates(repo: TempRepo, base: string, now: Date) {
  const report = await runCheck({ cwd: repo.dir, against: base, openRepository });
  return loadGates({ repo: await openRepository(repo.dir), report, settings, landing: gitLanding, now });
}

function newRepo(): TempRepo {
  const repo = TempRepo.create();
  repos.push(repo);
  repo.write('guardrails.yaml', CONFIG).write('schemas/orders.avsc', ordersJson({ note: { default: '' } })).commit('v1');
  return repo;
}

describe('landing dates of deprecation markers', () => {
  it('dates a marker merged --no-ff by the merge commit, not by the side commit\'s author date', async () => {
    const repo = newRepo();
    repo.git('checkout', '-q', '-b', 'deprecate');
    const side = repo.write('schemas/orders.avsc', ordersJson({ note: { default: '', deprecated: true } })).commit('deprecate note');
    repo.git('checkout', '-q', 'main');
    for (let i = 0; i < 40; i++) repo.write('other.txt', String(i)).commit(`unrelated ${i}`);
    const merge = repo.merge('deprecate');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/orders.avsc', ordersJson()).commit('remove note');

    // 35 days after the side commit, but only one day after the merge.
    const now = new Date(Date.parse(repo.dateOf(merge)) + 86_400_000);
    const gate = (await gates(repo, merge, now)).get('schemas/orders.avsc');

    expect(Date.parse(repo.dateOf(merge)) - Date.parse(repo.dateOf(side))).toBeGreaterThan(30 * 86_400_000);
    expect(gate?.elements[0]).toEqual(expect.objectContaining({ label: 'Order.note', status: 'pending', commit: merge, since: new Date(repo.dateOf(merge)).toISOString() }));
    expect(gate?.allowed).toBe(false);
  });

  it('ignores a marker the PR itself adds', async () => {
    const repo = newRepo();
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/orders.avsc', ordersJson({ note: { default: '', deprecated: true, doc: '@deprecated since 2020-01-01' } })).commit('claim an old deprecation');
    repo.write('schemas/orders.avsc', ordersJson()).commit('remove note');

    const gate = (await gates(repo, base, new Date('2030-01-01T00:00:00Z'))).get('schemas/orders.avsc');
    expect(gate?.elements[0]?.status).toBe('unmarked');
    expect(gate?.allowed).toBe(false);
  });

  it('restarts the clock when the file was deleted and re-added', async () => {
    const repo = newRepo();
    repo.write('schemas/orders.avsc', ordersJson({ note: { default: '', deprecated: true } })).commit('deprecate note');
    for (let i = 0; i < 35; i++) repo.write('other.txt', String(i)).commit(`unrelated ${i}`);
    repo.remove('schemas/orders.avsc').commit('delete');
    const readded = repo.write('schemas/orders.avsc', ordersJson({ note: { default: '', deprecated: 'still' } })).commit('re-add');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/orders.avsc', ordersJson()).commit('remove note');

    const gate = (await gates(repo, readded, new Date(Date.parse(repo.dateOf(readded)) + 86_400_000))).get('schemas/orders.avsc');
    expect(gate?.elements[0]).toEqual(expect.objectContaining({ status: 'pending', commit: readded }));
  });

  it('restarts the clock after a base version that does not parse', async () => {
    const repo = newRepo();
    repo.write('schemas/orders.avsc', ordersJson({ note: { default: '', deprecated: true } })).commit('deprecate note');
    for (let i = 0; i < 35; i++) repo.write('other.txt', String(i)).commit(`unrelated ${i}`);
    repo.write('schemas/orders.avsc', '{ not json').commit('broken');
    const fixed = repo.write('schemas/orders.avsc', ordersJson({ note: { default: '', deprecated: 'still' } })).commit('fixed');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/orders.avsc', ordersJson()).commit('remove note');

    const gate = (await gates(repo, fixed, new Date(Date.parse(repo.dateOf(fixed)) + 86_400_000))).get('schemas/orders.avsc');
    expect(gate?.elements[0]).toEqual(expect.objectContaining({ status: 'pending', commit: fixed }));
  });

  it('refuses a shallow clone with the fix', async () => {
    const repo = newRepo();
    repo.write('schemas/orders.avsc', ordersJson({ note: { default: '', deprecated: true } })).commit('deprecate');
    const shallow = mkdtempSync(join(tmpdir(), 'guardrails-shallow-'));
    gitIn(tmpdir(), 'clone', '-q', '--depth=1', `file://${repo.dir}`, shallow);
    const clone = TempRepo.at(shallow);
    repos.push(clone);
    const error = await runCheck({ cwd: shallow, against: 'HEAD', openRepository }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('fetch-depth: 0');
  });
});

describe('which subjects the deprecation gate covers', () => {
  it('gates a removal even when the report (e.g. registry-relative) calls the subject compatible', async () => {
    const repo = newRepo();
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/orders.avsc', ordersJson()).commit('remove note');
    const report = await runCheck({ cwd: repo.dir, against: base, openRepository });
    // The registry already has the removal, so relative to it nothing changed.
    const registryRelative = { ...report, subjects: report.subjects.map((s) => ({ ...s, status: 'compatible' as const, changes: [] })) };
    const gate = (await loadGates({ repo: await openRepository(repo.dir), report: registryRelative, settings, landing: gitLanding, now: new Date() })).get('schemas/orders.avsc');
    expect(gate).toEqual(expect.objectContaining({ breaking: true, allowed: false }));
    expect(gate?.elements[0]).toEqual(expect.objectContaining({ label: 'Order.note', status: 'unmarked' }));
  });

  it('blocks a subject whose PR schema cannot be loaded instead of skipping it', async () => {
    const repo = newRepo();
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/orders.avsc', ordersJson({ note: { default: '', doc: 'kept' } }));
    // The check read a loadable file; the gate's own read of it fails.
    const report = await runCheck({ cwd: repo.dir, against: base, openRepository });
    repo.write('schemas/orders.avsc', '{"type": "record", "name": "Order", "fields": [');
    const gate = (await loadGates({ repo: await openRepository(repo.dir), report, settings, landing: gitLanding, now: new Date() })).get('schemas/orders.avsc');
    expect(gate).toEqual(expect.objectContaining({ breaking: true, allowed: false }));
    expect(gate?.unattributed[0]).toContain("the PR's schema could not be loaded");
  });
});
