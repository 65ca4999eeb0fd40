/**
 * `guardrails drift` end to end: a git repository built in the test, the Confluent-compatible test
 * registry, each kind of drift set up through the registry's own REST API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TempRepo } from '../github/support/temp-repo.js';
import { runCli } from '../cli/support.js';
import { record, PRICE, SYMBOL } from '../cli/schemas.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CONFIG = [
  'version: 1',
  'subjects:',
  '  - files: schemas/ticks.avsc',
  '    topic: market.ticks',
  '  - files: schemas/trades.avsc',
  '    topic: market.trades',
  '    compatibility: FULL',
  '',
].join('\n');

const TICKS = 'market.ticks-value';
const TRADES = 'market.trades-value';
const TICK_V1 = record('Tick', [SYMBOL]);
const TICK_V2 = record('Tick', [SYMBOL, { ...PRICE, default: 0 }]);
const TRADE = record('Trade', [SYMBOL, PRICE]);

interface Fixture {
  readonly repo: TempRepo;
  readonly sr: TestRegistry;
}

/** main: ticks v1 then v2, trades; the registry holds exactly that, levels as configured. */
async function inLine(): Promise<Fixture> {
  const sr = await startTestRegistry();
  cleanups.push(() => sr.close());
  const repo = TempRepo.create();
  cleanups.push(() => repo.cleanup());
  repo.write('guardrails.yaml', CONFIG).write('schemas/ticks.avsc', TICK_V1).commit('ticks v1');
  repo.write('schemas/ticks.avsc', TICK_V2).write('schemas/trades.avsc', TRADE).commit('ticks v2, trades');
  sr.seed(TICKS, { schema: TICK_V1 });
  sr.seed(TICKS, { schema: TICK_V2 });
  sr.seed(TRADES, { schema: TRADE });
  await rest(sr, 'PUT', `/config/${TRADES}`, { compatibility: 'FULL' });
  return { repo, sr };
}

async function rest(sr: TestRegistry, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sr.url}${path}`, {
    method,
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

interface Finding {
  kind: string;
  subject: string;
  version: number | null;
  id: number | null;
  file: string | null;
  action: string;
  key: string;
}

async function drift(f: Fixture, ...args: string[]) {
  const result = await runCli(['drift', '--registry-url', f.sr.url, '--format', 'json', ...args], f.repo.dir, {});
  const report = result.stdout === '' ? undefined : (JSON.parse(result.stdout) as { exitCode: number; findings: Finding[]; subjects: number; ref: string });
  return { ...result, report, kinds: (report?.findings ?? []).map((x) => `${x.kind} ${x.subject}${x.version === null ? '' : ` v${x.version}`}`) };
}

describe('guardrails drift', () => {
  it('exits 0 when the registry matches the default branch, with key order and {"type":"string"} not counting', async () => {
    const f = await inLine();
    // The same schema as the registry holds it: reordered keys and an expanded primitive.
    f.repo.write('schemas/trades.avsc', JSON.stringify({ fields: [{ type: { type: 'string' }, name: 'symbol' }, { name: 'price', type: 'double' }], name: 'com.acme.Trade', type: 'record' })).commit('reformat trades');
    const before = f.sr.requests.length;
    const result = await drift(f);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.report).toMatchObject({ exitCode: 0, findings: [], subjects: 2, ref: 'main' });
    expect(f.sr.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
  });

  it('names a schema registered by hand: exit 1, foreign-version and latest-mismatch with its version and id', async () => {
    const f = await inLine();
    const before = f.sr.requests.length;
    const hand = f.sr.seed(TICKS, { schema: record('Tick', [SYMBOL, { ...PRICE, default: 0 }, { name: 'venue', type: ['null', 'string'], default: null }]) });
    const result = await drift(f);
    expect(result.code).toBe(1);
    expect(result.kinds).toEqual([`foreign-version ${TICKS} v${hand.version}`, `latest-mismatch ${TICKS} v${hand.version}`]);
    expect(result.report!.findings[0]).toMatchObject({ id: hand.id, file: 'schemas/ticks.avsc', action: expect.stringMatching(/auto\.register\.schemas=true/) });
    const text = await runCli(['drift', '--registry-url', f.sr.url], f.repo.dir, {});
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`foreign-version: ${TICKS} version ${hand.version} (id ${hand.id}): matches no revision of the file`);
    expect(f.sr.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('reports a registry that is behind the branch as latest-mismatch to fix with register, not as foreign', async () => {
    const f = await inLine();
    f.repo.write('schemas/trades.avsc', record('Trade', [SYMBOL, PRICE, { name: 'qty', type: 'long', default: 0 }])).commit('trades v2');
    const result = await drift(f);
    expect(result.kinds).toEqual([`latest-mismatch ${TRADES} v1`]);
    expect(result.report!.findings[0]!.action).toMatch(/run guardrails register/);
  });

  it('reports an unmanaged subject and a missing one, telling a soft-deleted subject from one never registered', async () => {
    const f = await inLine();
    f.sr.seed('orphan-value', { schema: '"string"' });
    await rest(f.sr, 'DELETE', `/subjects/${TRADES}`);
    f.repo.write('schemas/quotes.avsc', record('Quote', [SYMBOL])).write('guardrails.yaml', `${CONFIG}  - files: schemas/quotes.avsc\n    topic: market.quotes\n`).commit('quotes');
    const result = await drift(f);
    expect(result.code).toBe(1);
    expect(result.kinds).toEqual(['missing-subject market.quotes-value', `missing-subject ${TRADES}`, 'unmanaged-subject orphan-value v1']);
    const [quotes, trades] = result.report!.findings;
    expect(quotes!.action).toMatch(/run guardrails register/);
    expect(trades!.action).toMatch(/soft-deleted/);
    const owned = await drift(f, '--subject-prefix', 'market.');
    expect(owned.kinds).toEqual(['missing-subject market.quotes-value', `missing-subject ${TRADES}`]);
  });

  it('reports a level other than guardrails.yaml and a mode other than READWRITE', async () => {
    const f = await inLine();
    await rest(f.sr, 'PUT', `/config/${TRADES}`, { compatibility: 'NONE' });
    await rest(f.sr, 'PUT', `/mode/${TICKS}`, { mode: 'READONLY' });
    const result = await drift(f);
    expect(result.kinds).toEqual([`level-mismatch ${TRADES}`, `mode-not-readwrite ${TICKS}`]);
    expect(result.report!.findings[0]).toMatchObject({ expected: 'FULL', actual: 'NONE' });
  });

  it('reports a soft-deleted version that a live schema still references', async () => {
    const f = await inLine();
    const money = f.sr.seed('com.acme.Money', { schema: JSON.stringify({ type: 'fixed', name: 'Money', namespace: 'com.acme', size: 8 }) });
    f.sr.seed('wallet-value', { schema: JSON.stringify({ type: 'record', name: 'Wallet', namespace: 'com.acme', fields: [{ name: 'm', type: 'com.acme.Money' }] }), references: [{ name: 'com.acme.Money', subject: 'com.acme.Money', version: money.version }] });
    // The API refuses this delete (42206) as Confluent does; a restore or an import can still leave it so.
    f.sr.state.versions.get('com.acme.Money')!.forEach((v) => Object.assign(v, { deleted: true }));
    const result = await drift(f);
    expect(result.kinds).toContain('deleted-but-referenced com.acme.Money v1');
    expect(result.report!.findings.find((x) => x.kind === 'deleted-but-referenced')!.action).toMatch(/register the version again/);
  });

  it('runs as the scheduler job drift, with the same exit contract', async () => {
    const f = await inLine();
    const clean = await runCli(['schedule', '--memory-claims', '--run', 'drift', '--', '--registry-url', f.sr.url], f.repo.dir, {});
    expect(clean.code).toBe(0);
    f.sr.seed('orphan-value', { schema: '"string"' });
    const drifted = await runCli(['schedule', '--memory-claims', '--run', 'drift', '--', '--registry-url', f.sr.url], f.repo.dir, {});
    expect(drifted.code).toBe(1);
    expect(drifted.stdout + drifted.stderr).toContain('unmanaged-subject: orphan-value version 1 (id 4): 1 live version(s)');
  });

  it('refuses a bad --ref or config with exit 2 before any registry request', async () => {
    const f = await inLine();
    const before = f.sr.requests.length;
    const ref = await runCli(['drift', '--registry-url', f.sr.url, '--ref', 'no-such-branch'], f.repo.dir, {});
    expect(ref.code).toBe(2);
    expect(ref.stderr).toMatch(/^error: .*no-such-branch/);
    f.repo.write('guardrails.yaml', 'version: 2\n');
    const config = await runCli(['drift', '--registry-url', f.sr.url], f.repo.dir, {});
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^error: guardrails\.yaml/);
    expect(f.sr.requests.length).toBe(before);
  });

  it('fails closed with exit 4 when the registry cannot answer', async () => {
    const f = await inLine();
    f.sr.faults.add({ fault: { kind: 'status', status: 503 } });
    const result = await runCli(['drift', '--registry-url', f.sr.url], f.repo.dir, {});
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
  });

  it('follows contexts: a file mapped into a context is compared with the subject there', async () => {
    const f = await inLine();
    const quote = record('Quote', [SYMBOL]);
    f.repo.write('schemas/quotes.avsc', quote).write('guardrails.yaml', `${CONFIG}  - files: schemas/quotes.avsc\n    topic: market.quotes\n    context: .staging\n`).commit('quotes in staging');
    f.sr.seed(':.staging:market.quotes-value', { schema: quote });
    expect((await drift(f)).kinds).toEqual([]);
    f.sr.seed(':.staging:market.quotes-value', { schema: record('Quote', [SYMBOL, { ...PRICE, default: 0 }]) });
    expect((await drift(f)).kinds).toEqual([':.staging:market.quotes-value v2', ':.staging:market.quotes-value v2'].map((s, i) => `${i === 0 ? 'foreign-version' : 'latest-mismatch'} ${s}`));
  });

  it('compares a subject that two files map to once, against both files\' revisions, with a warning naming both', async () => {
    const f = await inLine();
    f.repo.write('schemas/ticks-copy.avsc', TICK_V2.replace('"symbol"', '"symbol", "doc": "copied"')).write('guardrails.yaml', `${CONFIG}  - files: schemas/ticks-copy.avsc\n    topic: market.ticks\n`).commit('a copy');
    const result = await drift(f);
    expect(result.stderr).toBe(`warning: schemas/ticks.avsc: maps to ${TICKS} like schemas/ticks-copy.avsc; its latest is compared with schemas/ticks-copy.avsc only (guardrails check refuses the pair)\n`);
    // The registry's versions are revisions of ticks.avsc, so none is foreign; latest differs from the copy.
    expect(result.kinds).toEqual([`latest-mismatch ${TICKS} v2`]);
  });
});
