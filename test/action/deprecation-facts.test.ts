/**
 * Trap 15: deprecation dates come from the base branch's first-parent history, never from PR text,
 * author dates or a shallow clone; the action dates them by the server's clock (activity record).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGates } from '../../src/action/deprecation-facts.js';
import type { ActivitySource, RefActivity } from '../../src/github/api/activity.js';
import { gitLanding, provenLanding, type CommitRecords, type LandingRequest, type LandingSource } from '../../src/github/api/landing.js';
import { openRepository } from '../../src/github/git/repository.js';
import { parseConfigText } from '../../src/policy/config/load.js';
import { runCheck } from '../../src/policy/check/run-check.js';
import { gitIn, TempRepo } from '../github/support/temp-repo.js';
import { ordersJson } from '../policy/deprecation/schemas.js';

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

const CONFIG = 'version: 1\nsubjects:\n  - files: "schemas/*.avsc"\n    topic: orders\n';
const { settings } = parseConfigText(CONFIG, 'guardrails.yaml');

async function gates(repo: TempRepo, base: string, now: Date, landing: LandingSource = gitLanding) {
  const report = await runCheck({ cwd: repo.dir, against: base, openRepository });
  return loadGates({ repo: await openRepository(repo.dir), report, settings, landing, now });
}

const DAY = 86_400_000;
const ZERO = '0'.repeat(40);
/** No pull request merged these commits and GitHub created none of them. */
const noRecords: CommitRecords = { mergedPull: async () => undefined, gitHubCreatedAt: async () => undefined };

/** The action's trust order over a fixed activity record of `main`, newest first. */
function serverClock(activities: RefActivity[]): LandingSource {
  const activity: ActivitySource = {
    async *activities(branch) {
      if (branch !== 'main') throw new Error(`asked for the activity of ${branch}`);
      yield* activities;
    },
  };
  return provenLanding({ activity, commits: noRecords }, 'main');
}

function at(ms: number): string {
  return new Date(ms).toISOString();
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

  it('restarts the clock when the file was deleted and re-added byte for byte', async () => {
    const repo = newRepo();
    const marked = ordersJson({ note: { default: '', deprecated: true } });
    repo.write('schemas/orders.avsc', marked).commit('deprecate note');
    for (let i = 0; i < 35; i++) repo.write('other.txt', String(i)).commit(`unrelated ${i}`);
    repo.remove('schemas/orders.avsc').commit('delete');
    const readded = repo.write('schemas/orders.avsc', marked).commit('re-add the same bytes');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/orders.avsc', ordersJson()).commit('remove note');

    const gate = (await gates(repo, readded, new Date(Date.parse(repo.dateOf(readded)) + 86_400_000))).get('schemas/orders.avsc');
    expect(gate?.elements[0]).toEqual(expect.objectContaining({ status: 'pending', commit: readded }));
    expect(gate?.allowed).toBe(false);
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

describe('landing dates by the server\'s clock', () => {
  /** v1, then the marker in a commit whose committer date is set (forged) long before it was pushed. */
  function deprecatedRepo() {
    const repo = newRepo();
    const v1 = repo.git('rev-parse', 'HEAD');
    const marker = repo.write('schemas/orders.avsc', ordersJson({ note: { default: '', deprecated: true } })).commit('deprecate note');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/orders.avsc', ordersJson({})).commit('remove note');
    return { repo, v1, marker, committed: Date.parse(repo.dateOf(marker)) };
  }

  it('a push recorded 2 days ago beats a committer date 60 days old', async () => {
    const { repo, v1, marker, committed } = deprecatedRepo();
    const now = new Date(committed + 60 * DAY);
    const pushed = at(now.getTime() - 2 * DAY);
    const landing = serverClock([{ type: 'push', before: v1, after: marker, at: pushed, actor: 'alice' }, { type: 'branch_creation', before: ZERO, after: v1, at: at(committed - 90 * DAY), actor: 'alice' }]);

    const trusted = (await gates(repo, marker, now, landing)).get('schemas/orders.avsc');
    const offline = (await gates(repo, marker, now)).get('schemas/orders.avsc');

    expect(offline?.elements[0]).toEqual(expect.objectContaining({ status: 'mature', landing: expect.objectContaining({ source: 'committer-date' }) }));
    expect(trusted?.elements[0]).toEqual(expect.objectContaining({ status: 'pending', since: pushed, daysLeft: 28, commit: marker }));
    expect(trusted?.elements[0]?.landing).toEqual({ commit: marker, source: 'activity', at: pushed, detail: `brought onto main by the push by @alice at ${pushed}` });
    expect(trusted?.allowed).toBe(false);
  });

  it('blocks a removal whose marker landing nothing proves', async () => {
    const { repo, marker, committed } = deprecatedRepo();
    const gate = (await gates(repo, marker, new Date(committed + 400 * DAY), serverClock([]))).get('schemas/orders.avsc');
    expect(gate).toEqual(expect.objectContaining({ breaking: true, allowed: false }));
    expect(gate?.elements[0]).toEqual(expect.objectContaining({ label: 'Order.note', status: 'unproven', commit: marker }));
    expect(gate?.elements[0]?.problem).toContain(`no record proves when commit ${marker.slice(0, 12)} reached main`);
  });

  it('restarts the window at a force push of main after the marker landed', async () => {
    const { repo, v1, marker, committed } = deprecatedRepo();
    const landing = serverClock([
      { type: 'force_push', before: 'f'.repeat(40), after: marker, at: at(committed + 50 * DAY), actor: 'mallory' },
      { type: 'push', before: v1, after: marker, at: at(committed), actor: 'alice' },
    ]);
    // 60 days after the marker's push but only 10 after the force push: not matured.
    const soon = (await gates(repo, marker, new Date(committed + 60 * DAY), landing)).get('schemas/orders.avsc');
    expect(soon?.allowed).toBe(false);
    expect(soon?.elements[0]).toEqual(expect.objectContaining({ status: 'pending', since: at(committed + 50 * DAY), daysLeft: 20 }));
    expect(soon?.elements[0]?.landing?.detail).toContain(`main was force-pushed by @mallory at ${at(committed + 50 * DAY)}`);
    const later = (await gates(repo, marker, new Date(committed + 81 * DAY), landing)).get('schemas/orders.avsc');
    expect(later?.allowed).toBe(true);
  });

  it('dates the marker from its return when main was force-pushed to a history without it', async () => {
    const { repo, v1, marker, committed } = deprecatedRepo();
    const landing = serverClock([
      { type: 'push', before: 'e'.repeat(40), after: marker, at: at(committed + 51 * DAY), actor: 'alice' },
      { type: 'force_push', before: marker, after: 'e'.repeat(40), at: at(committed + 50 * DAY), actor: 'mallory' },
      { type: 'push', before: v1, after: marker, at: at(committed), actor: 'alice' },
    ]);
    const gate = (await gates(repo, marker, new Date(committed + 70 * DAY), landing)).get('schemas/orders.avsc');
    expect(gate?.allowed).toBe(false);
    expect(gate?.elements[0]).toEqual(expect.objectContaining({ status: 'pending', since: at(committed + 51 * DAY), daysLeft: 11 }));
  });

  it('allows the removal once the recorded push is older than the window', async () => {
    const { repo, v1, marker, committed } = deprecatedRepo();
    const landing = serverClock([{ type: 'push', before: v1, after: marker, at: at(committed), actor: 'alice' }]);
    const gate = (await gates(repo, marker, new Date(committed + 31 * DAY), landing)).get('schemas/orders.avsc');
    expect(gate).toEqual(expect.objectContaining({ breaking: true, allowed: true }));
  });

  it('asks for the landing of marker-run starts only, with the base branch\'s first-parent chain', async () => {
    const { repo, v1, marker } = deprecatedRepo();
    const requests: LandingRequest[] = [];
    const recording: LandingSource = { prove: async (request) => (requests.push(request), gitLanding.prove(request)) };
    await gates(repo, marker, new Date(), recording);
    expect(requests.map((r) => [r.chain, [...r.commits.keys()]])).toEqual([[[marker, v1], [marker]]]);
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

/**
 * Issue 18: a subject's history includes every file its schema references, so a marker that landed in
 * the file defining a shared type dates a removal seen from any subject using it.
 */
describe('markers on referenced types', () => {
  const SHARED_CONFIG = `version: 1
subjects:
  - files: "schemas/orders.avsc"
    topic: orders
  - files: "schemas/payments.avsc"
    topic: payments
  - files: "schemas/*/money.avsc"
    subject: money
`;
  const shared = parseConfigText(SHARED_CONFIG, 'guardrails.yaml').settings;

  interface MoneyOptions {
    readonly legacy?: boolean;
    readonly typeMarker?: boolean;
    readonly currencies?: readonly string[];
    readonly deprecatedSymbols?: readonly string[];
  }

  function money(options: MoneyOptions = {}): string {
    const { legacy = true, currencies = ['USD', 'EUR', 'XAU'] } = options;
    const currency = { type: 'enum', name: 'Currency', symbols: currencies, ...(options.deprecatedSymbols && { deprecatedSymbols: options.deprecatedSymbols }) };
    const fields: unknown[] = [{ name: 'amount', type: 'long' }, { name: 'currency', type: currency }];
    if (legacy) fields.push({ name: 'legacy', type: 'string', default: '' });
    return `${JSON.stringify({ type: 'record', name: 'Money', namespace: 'com.acme', fields, ...(options.typeMarker && { deprecated: 'use amount' }) }, null, 2)}\n`;
  }

  function user(name: string, memo = false): string {
    const fields: unknown[] = [{ name: 'id', type: 'long' }, { name: 'total', type: 'com.acme.Money' }];
    if (memo) fields.push({ name: 'memo', type: 'string', default: '' });
    return `${JSON.stringify({ type: 'record', name, namespace: 'com.acme', fields }, null, 2)}\n`;
  }

  function sharedRepo(moneyPath = 'schemas/common/money.avsc'): TempRepo {
    const repo = TempRepo.create();
    repos.push(repo);
    repo.write('guardrails.yaml', SHARED_CONFIG).write(moneyPath, money()).write('schemas/orders.avsc', user('Order')).write('schemas/payments.avsc', user('Payment')).commit('v1');
    return repo;
  }

  function idle(repo: TempRepo, days: number): string {
    let last = '';
    for (let i = 0; i < days; i++) last = repo.write('other.txt', String(i)).commit(`unrelated ${i}`);
    return last;
  }

  /** `registryRelative`: every subject as a registry-relative check reports it (compatible, no git history read). */
  async function sharedGates(repo: TempRepo, base: string, now: Date, registryRelative = false) {
    const checked = await runCheck({ cwd: repo.dir, against: base, openRepository });
    const report = registryRelative ? { ...checked, subjects: checked.subjects.map((s) => ({ ...s, status: 'compatible' as const, changes: [], error: undefined })) } : checked;
    return loadGates({ repo: await openRepository(repo.dir), report, settings: shared, landing: gitLanding, now });
  }

  const afterDays = (repo: TempRepo, commit: string, days: number) => new Date(Date.parse(repo.dateOf(commit)) + days * DAY);

  it('a matured marker on the shared type Money allows removing Money.legacy from orders, dated where it landed', async () => {
    const repo = sharedRepo();
    const marked = repo.write('schemas/common/money.avsc', money({ typeMarker: true })).commit('deprecate Money');
    const base = idle(repo, 3);
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/common/money.avsc', money({ typeMarker: true, legacy: false })).write('schemas/orders.avsc', user('Order', true)).commit('remove Money.legacy, add memo');

    const gates = await sharedGates(repo, base, afterDays(repo, marked, 31));
    const legacy = { label: 'Money.legacy', status: 'mature', commit: marked, definedIn: 'schemas/common/money.avsc' };
    expect(gates.get('schemas/orders.avsc')).toEqual(expect.objectContaining({ breaking: true, allowed: true }));
    expect(gates.get('schemas/orders.avsc')?.elements).toEqual([expect.objectContaining(legacy)]);
    expect(gates.get('schemas/common/money.avsc')?.elements).toEqual([expect.objectContaining(legacy)]);

    // The same marker, not yet a window old, blocks from both subjects.
    const early = await sharedGates(repo, base, afterDays(repo, marked, 5));
    expect(early.get('schemas/orders.avsc')?.elements[0]).toEqual(expect.objectContaining({ status: 'pending', commit: marked, daysLeft: 25 }));
    expect(early.get('schemas/orders.avsc')?.allowed).toBe(false);
  });

  it('a shared type referenced by two subjects, one of them changed in the PR (and on main since the marker), is dated from the marker', async () => {
    const repo = sharedRepo();
    const marked = repo.write('schemas/common/money.avsc', money({ typeMarker: true })).commit('deprecate Money');
    idle(repo, 2);
    // orders changed on main after the marker: its newest state is this commit, the run still starts at the marker.
    const ordersChanged = repo.write('schemas/orders.avsc', user('Order', true)).commit('orders: memo');
    const base = idle(repo, 2);
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/common/money.avsc', money({ typeMarker: true, legacy: false })).write('schemas/orders.avsc', user('Order')).commit('remove Money.legacy and memo');

    const gates = await sharedGates(repo, base, afterDays(repo, marked, 31));
    const orders = gates.get('schemas/orders.avsc');
    expect(orders?.elements.find((v) => v.label === 'Money.legacy')).toEqual(expect.objectContaining({ status: 'mature', commit: marked, definedIn: 'schemas/common/money.avsc' }));
    // orders also removes its own `memo`, never deprecated: that alone blocks orders.
    expect(orders?.elements.find((v) => v.label === 'Order.memo')).toEqual(expect.objectContaining({ status: 'unmarked', definedIn: 'schemas/orders.avsc' }));
    expect(orders?.allowed).toBe(false);
    expect(ordersChanged).not.toBe(marked);
    // payments references Money too but did not change: its registered version stays, nothing gates it.
    expect([...gates.keys()].sort()).toEqual(['schemas/common/money.avsc', 'schemas/orders.avsc']);
    expect(gates.get('schemas/common/money.avsc')).toEqual(expect.objectContaining({ breaking: true, allowed: true }));
  });

  it('a shared enum symbol marked through deprecatedSymbols is dated from the defining file', async () => {
    const repo = sharedRepo();
    const marked = repo.write('schemas/common/money.avsc', money({ deprecatedSymbols: ['XAU'] })).commit('deprecate XAU');
    const base = idle(repo, 3);
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/common/money.avsc', money({ currencies: ['USD', 'EUR'] })).write('schemas/orders.avsc', user('Order', true)).commit('remove XAU, add memo');

    const gates = await sharedGates(repo, base, afterDays(repo, marked, 31));
    const xau = { label: 'Currency.XAU', status: 'mature', commit: marked, definedIn: 'schemas/common/money.avsc' };
    expect(gates.get('schemas/orders.avsc')?.elements).toEqual([expect.objectContaining(xau)]);
    expect(gates.get('schemas/orders.avsc')?.allowed).toBe(true);
    expect(gates.get('schemas/common/money.avsc')?.elements).toEqual([expect.objectContaining(xau)]);
  });

  it('a referenced file renamed between the marker and the removal keeps the marker\'s date', async () => {
    const repo = sharedRepo();
    const marked = repo.write('schemas/common/money.avsc', money({ typeMarker: true })).commit('deprecate Money');
    idle(repo, 2);
    repo.remove('schemas/common/money.avsc').write('schemas/shared/money.avsc', money({ typeMarker: true })).commit('move money to shared');
    // A later change of orders alone: its state must read money by content, not by the old path.
    repo.write('schemas/orders.avsc', user('Order', true)).commit('orders: memo');
    const base = idle(repo, 2);
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/shared/money.avsc', money({ typeMarker: true, legacy: false })).write('schemas/orders.avsc', user('Order', true).replace('"id"', '"ident"')).commit('remove Money.legacy, touch orders');

    // The ordinary git-relative check reads orders' older versions with money.avsc at its old path.
    const gates = await sharedGates(repo, base, afterDays(repo, marked, 31));
    const legacy = { label: 'Money.legacy', status: 'mature', commit: marked, definedIn: 'schemas/shared/money.avsc', markedIn: 'schemas/common/money.avsc' };
    expect(gates.get('schemas/orders.avsc')?.elements).toContainEqual(expect.objectContaining(legacy));
    expect(gates.get('schemas/shared/money.avsc')?.elements).toEqual([expect.objectContaining(legacy)]);
    expect(gates.get('schemas/shared/money.avsc')?.allowed).toBe(true);
  });

  it('blocks when no base version can be read with the types it uses, instead of taking the subject as new', async () => {
    const repo = sharedRepo();
    repo.write('schemas/common/money.avsc', money({ typeMarker: true })).commit('deprecate Money');
    idle(repo, 35);
    const base = repo.remove('schemas/common/money.avsc').commit('delete money (orders still uses it)');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/common/money.avsc', money({ typeMarker: true, legacy: false })).write('schemas/orders.avsc', user('Order', true)).commit('money back without legacy');

    const gate = (await sharedGates(repo, base, afterDays(repo, base, 1), true)).get('schemas/orders.avsc');
    expect(gate).toEqual(expect.objectContaining({ breaking: true, allowed: false }));
    expect(gate?.unattributed[0]).toMatch(/^the base branch's versions of schemas\/orders\.avsc could not be read for the deprecation gate, because a type they use is defined in no schema file on the base commit \(commit [0-9a-f]{12}: .*com\.acme\.Money/);
  });

  it('a shared file deleted and re-added restarts the window of the subjects using it', async () => {
    const repo = sharedRepo();
    repo.write('schemas/common/money.avsc', money({ typeMarker: true })).commit('deprecate Money');
    idle(repo, 35);
    repo.remove('schemas/common/money.avsc').commit('delete money');
    const readded = repo.write('schemas/common/money.avsc', money({ typeMarker: true })).commit('re-add money');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('schemas/common/money.avsc', money({ typeMarker: true, legacy: false })).write('schemas/orders.avsc', user('Order', true)).commit('remove Money.legacy, add memo');

    const gates = await sharedGates(repo, readded, afterDays(repo, readded, 1));
    expect(gates.get('schemas/orders.avsc')?.elements[0]).toEqual(expect.objectContaining({ status: 'pending', commit: readded }));
    expect(gates.get('schemas/orders.avsc')?.allowed).toBe(false);
  });
});
