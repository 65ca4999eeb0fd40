/**
 * `guardrails check --registry-url`: verdicts from the registry, cross-checked by the local engine,
 * against the in-process test registry, or GUARDRAILS_TEST_REGISTRY_URL when set (see
 * test/policy/registry/target.ts). Fault tests live in check-registry-faults.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TempRepo } from '../github/support/temp-repo.js';
import { openTarget, type RegistryTarget } from '../policy/registry/target.js';
import { PRICE, SYMBOL, record } from './schemas.js';
import { hasStackTrace, runCli } from './support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Fixture {
  readonly repo: TempRepo;
  readonly sr: RegistryTarget;
  /** The ticks subject, `<prefix>.ticks-value`. */
  readonly ticks: string;
}

/** Config mapping ticks and trades to topic subjects and shared types (schemas/common/) to record subjects. */
function config(prefix: string, extra = ''): string {
  return [
    'version: 1',
    'subjects:',
    '  - files: "schemas/common/*.avsc"',
    '    strategy: RecordNameStrategy',
    '  - files: schemas/ticks.avsc',
    `    topic: ${prefix}.ticks`,
    '  - files: schemas/trades.avsc',
    `    topic: ${prefix}.trades`,
    extra,
  ].join('\n');
}

/** main has ticks v1 (symbol, price), registered as version 1; the checkout is on a feature branch. */
async function fixture(extraConfig = ''): Promise<Fixture> {
  const sr = await openTarget();
  cleanups.push(() => sr.close());
  const repo = TempRepo.create();
  cleanups.push(() => repo.cleanup());
  const ticks = `${sr.prefix}.ticks-value`;
  const v1 = record('Tick', [SYMBOL, PRICE]);
  repo.write('guardrails.yaml', config(sr.prefix, extraConfig)).write('schemas/ticks.avsc', v1).commit('ticks v1');
  repo.git('checkout', '-q', '-b', 'feature');
  await sr.register(ticks, v1);
  return { repo, sr, ticks };
}

function check(f: Fixture, ...args: string[]) {
  return runCli(['check', '--against', 'main', '--registry-url', f.sr.url, ...args], f.repo.dir, f.sr.env);
}

interface JsonReport {
  ok: boolean;
  source: string;
  registryUrl: string | null;
  degraded: { reason: string } | null;
  subjects: {
    subject: string;
    file: string;
    level: string;
    status: string;
    warnings: string[];
    history: { registryVersion: number | null }[];
    incompatibilities: { type: string; line: number; column: number; version: number; direction: string }[];
    registry: { verdict: string; local: string; messages: string[]; references: { name: string; subject: string; version: number }[] } | null;
  }[];
}

const json = (stdout: string) => JSON.parse(stdout) as JsonReport;

describe('guardrails check --registry-url', () => {
  it('passes a change the registry accepts; the local engine agrees on the registry versions', async () => {
    const f = await fixture();
    f.repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string', default: 'ASX' }]));

    const result = await check(f, '--format', 'json');

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = json(result.stdout);
    expect(report.source).toBe('registry');
    expect(report.degraded).toBeNull();
    expect(report.subjects.map((s) => [s.subject, s.status, s.level, s.registry?.verdict, s.registry?.local, s.history.map((v) => v.registryVersion)])).toEqual([
      [f.ticks, 'compatible', 'BACKWARD', 'compatible', 'compatible', [1]],
    ]);
    expect(report.subjects[0]?.warnings).toEqual([]);
  });

  it('fails a change the registry rejects, at the same file:line:column as the offline check, exit 1', async () => {
    const f = await fixture();
    f.repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string' }]));

    const online = await check(f);
    const offline = await runCli(['check', '--against', 'main', '--offline'], f.repo.dir);

    expect(online.code).toBe(1);
    expect(offline.code).toBe(1);
    const finding = '1) READER_FIELD_MISSING_DEFAULT_VALUE at schemas/ticks.avsc:8:5';
    expect(online.stdout).toContain(finding);
    expect(offline.stdout).toContain(finding);
    expect(online.stdout).toContain(`Verdicts from the Schema Registry at ${f.sr.url}.`);
    expect(online.stdout).toContain("registry: incompatible; local engine on the registry's versions: incompatible");
    expect(online.stdout).toContain('cannot read data of version 1 of 1 (registry version 1, id ');
    expect(online.stdout).toMatch(/errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'|type:READER_FIELD_MISSING_DEFAULT_VALUE/);
  });

  it("uses the registry's level, not the config's, and says so", async () => {
    const f = await fixture();
    await f.sr.setLevel(f.ticks, 'FORWARD');
    // Dropping a field without a default passes BACKWARD but not FORWARD (old readers need it).
    f.repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL]));

    const result = await check(f, '--format', 'json');

    expect(result.code).toBe(1);
    const entry = json(result.stdout).subjects[0];
    expect(entry?.level).toBe('FORWARD');
    expect(entry?.incompatibilities.map((i) => [i.type, i.direction])).toEqual([['READER_FIELD_MISSING_DEFAULT_VALUE', 'forward']]);
    expect(entry?.warnings).toEqual([
      "the config gives this subject BACKWARD but the registry applies FORWARD; the registry's level is used (align the config, or change the subject's level in the registry)",
    ]);
  });

  it('checks every registered version under a transitive level', async () => {
    const f = await fixture();
    await f.sr.setLevel(f.ticks, 'NONE');
    await f.sr.register(f.ticks, record('Tick', [SYMBOL]));
    await f.sr.register(f.ticks, record('Tick', [SYMBOL, { name: 'price', type: 'string', default: '' }]));
    await f.sr.setLevel(f.ticks, 'BACKWARD_TRANSITIVE');
    // Compatible with version 3 (reads its string price) but not with version 1 (double price).
    f.repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, { name: 'price', type: 'string', default: '' }, { name: 'seq', type: 'long', default: 0 }]));

    const result = await check(f, '--format', 'json');

    expect(result.code).toBe(1);
    const entry = json(result.stdout).subjects[0];
    expect(entry?.history.map((v) => v.registryVersion)).toEqual([1, 2, 3]);
    expect(entry?.incompatibilities.map((i) => [i.type, i.version, i.line])).toEqual([['TYPE_MISMATCH', 0, 7]]);
  });

  it('reports a subject the registry does not know as new', async () => {
    const f = await fixture();
    f.repo.write('schemas/trades.avsc', record('Trade', [SYMBOL, PRICE]));

    const result = await check(f, '--format', 'json');

    expect(result.code).toBe(0);
    expect(json(result.stdout).subjects.map((s) => [s.subject, s.status, s.registry?.verdict])).toEqual([[`${f.sr.prefix}.trades-value`, 'new', 'new']]);
  });

  it('reports a deleted schema file as the retirement of its registered versions', async () => {
    const f = await fixture();
    f.repo.remove('schemas/ticks.avsc');

    const result = await check(f, '--format', 'json');

    expect(result.code).toBe(0);
    expect(json(result.stdout).subjects.map((s) => [s.subject, s.status, s.history.map((v) => v.registryVersion)])).toEqual([[f.ticks, 'deleted', [1]]]);
    expect((await check(f)).stdout).toContain('deleted (the subject is retired after 1 version)');
  });

  it('sends schema references with the registered version of the referenced file', async () => {
    const f = await fixture();
    // Named under the test's prefix, so runs on a shared registry never meet.
    const P = `${f.sr.prefix}.Price`;
    const price = JSON.stringify({ type: 'record', name: 'Price', namespace: f.sr.prefix, fields: [{ name: 'value', type: 'double' }] });
    f.repo.write('schemas/common/price.avsc', price).commit('price type');
    const priceVersion = await f.sr.register(P, price);
    const withPrice = record('Trade', [SYMBOL, { name: 'price', type: P }]);
    await f.sr.register(`${f.sr.prefix}.trades-value`, withPrice, [{ name: P, subject: P, version: priceVersion }]);
    f.repo.write('schemas/trades.avsc', record('Trade', [SYMBOL, { name: 'price', type: P }, { name: 'venue', type: 'string' }]));

    const result = await check(f, '--format', 'json');

    expect(result.code).toBe(1);
    const trades = json(result.stdout).subjects.find((s) => s.file === 'schemas/trades.avsc');
    expect(trades?.registry?.references).toEqual([{ name: P, subject: P, version: priceVersion }]);
    expect([trades?.status, trades?.registry?.verdict, trades?.registry?.local]).toEqual(['incompatible', 'incompatible', 'incompatible']);
    expect(trades?.incompatibilities.map((i) => [i.type, i.line, i.column])).toEqual([['READER_FIELD_MISSING_DEFAULT_VALUE', 8, 5]]);
  });

  it('falls back to the local engine on the registry versions when a referenced type is not registered yet', async () => {
    const f = await fixture();
    const P = `${f.sr.prefix}.Price`;
    const price = (fields: object[]) => JSON.stringify({ type: 'record', name: 'Price', namespace: f.sr.prefix, fields });
    f.repo.write('schemas/common/price.avsc', price([{ name: 'value', type: 'double' }])).commit('price type');
    const priceVersion = await f.sr.register(P, price([{ name: 'value', type: 'double' }]));
    const trade = record('Trade', [SYMBOL, { name: 'price', type: P }]);
    await f.sr.register(`${f.sr.prefix}.trades-value`, trade, [{ name: P, subject: P, version: priceVersion }]);
    // The shared type changes in the same pull request, so its new content has no version to reference.
    f.repo.write('schemas/common/price.avsc', price([{ name: 'value', type: 'double' }, { name: 'ccy', type: 'string', default: 'AUD' }]));
    f.repo.write('schemas/trades.avsc', record('Trade', [SYMBOL, { name: 'price', type: P }, { name: 'seq', type: 'long', default: 0 }]));

    const result = await check(f, '--format', 'json');

    expect(result.code).toBe(0);
    const trades = json(result.stdout).subjects.find((s) => s.file === 'schemas/trades.avsc');
    expect([trades?.status, trades?.registry?.verdict, trades?.registry?.local]).toEqual(['compatible', 'unchecked', 'compatible']);
    expect(trades?.warnings).toEqual([
      `the registry was not asked because the content of schemas/common/price.avsc (type ${P}) is not registered under subject '${P}'; register it first, or merge its change on its own; the verdict is the local engine's on the registry's 1 version(s)`,
    ]);
  });

  it('reads credentials from the environment and never prints them', async () => {
    const f = await fixture();
    f.repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string' }]));
    const env = { ...f.sr.env, GUARDRAILS_REGISTRY_URL: f.sr.url };

    const result = await runCli(['check', '--against', 'main', '--format', 'github'], f.repo.dir, env);

    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('guardrails: 1 schema file(s) checked against the registry, 1 failed: FAILED');
    for (const secret of Object.values(f.sr.env)) expect(result.stdout + result.stderr).not.toContain(secret);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
