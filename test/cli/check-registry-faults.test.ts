/**
 * `guardrails check --registry-url` when the registry misbehaves: outage, 5xx, 429 storms, bad
 * credentials, malformed answers, a verdict the local engine disagrees with, and the request budget.
 * These need fault injection, so they run against the in-process test registry only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestRegistryOptions } from '../support/test-registry/index.js';
import { avroEngine } from '../support/test-registry/index.js';
import { TempRepo } from '../github/support/temp-repo.js';
import { EXTERNAL_URL, openTarget, type RegistryTarget } from '../policy/registry/target.js';
import { PRICE, SYMBOL, record } from './schemas.js';
import { hasStackTrace, runCli } from './support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Fixture {
  readonly repo: TempRepo;
  readonly sr: RegistryTarget;
  readonly ticks: string;
}

/** main has ticks v1 registered; the working tree adds a field without a default (incompatible). */
async function fixture(extraConfig: string[] = [], options: TestRegistryOptions = {}, env: Record<string, string> = {}): Promise<Fixture> {
  const sr = await openTarget(options);
  cleanups.push(() => sr.close());
  const repo = TempRepo.create();
  cleanups.push(() => repo.cleanup());
  const ticks = `${sr.prefix}.ticks-value`;
  const v1 = record('Tick', [SYMBOL, PRICE]);
  const config = ['version: 1', 'subjects:', '  - files: schemas/ticks.avsc', `    topic: ${sr.prefix}.ticks`, ...extraConfig, ''].join('\n');
  repo.write('guardrails.yaml', config).write('schemas/ticks.avsc', v1).commit('ticks v1');
  repo.git('checkout', '-q', '-b', 'feature');
  if (Object.keys(env).length === 0) await sr.register(ticks, v1);
  else sr.local?.seed(ticks, { schema: v1 });
  repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string' }]));
  return { repo, sr, ticks };
}

function check(f: Fixture, args: string[] = [], env: Record<string, string> = {}) {
  return runCli(['check', '--against', 'main', '--registry-url', f.sr.url, '--registry-timeout-ms', '2000', ...args], f.repo.dir, { ...f.sr.env, ...env });
}

const FALLBACK = 'Retry later, or set `on-registry-unavailable: offline` in guardrails.yaml to fall back to the git-history check (marked degraded).';

describe.skipIf(EXTERNAL_URL !== undefined)('guardrails check --registry-url, registry failures (in-process registry only: faults are injected)', () => {
  it('fails closed with exit 4 when the registry is down', async () => {
    const f = await fixture();
    await f.sr.local?.close();

    const result = await check(f);

    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: the Schema Registry is unavailable, so the check fails closed: Schema Registry: .*connection/);
    expect(result.stderr.trimEnd().endsWith(FALLBACK)).toBe(true);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('fails closed when the registry answers 5xx after the retries', async () => {
    const f = await fixture();
    f.sr.local?.faults.add({ fault: { kind: 'status', status: 503 } });

    const result = await check(f);

    expect(result.code).toBe(4);
    expect(result.stderr).toContain('server error; gave up after 4 attempts (503)');
  });

  it('rides out a short 429 storm, honouring Retry-After', async () => {
    const f = await fixture();
    f.sr.local?.faults.next(3, { kind: 'rate-limit', retryAfter: '0' });

    const result = await check(f);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('READER_FIELD_MISSING_DEFAULT_VALUE at schemas/ticks.avsc:8:5');
  });

  it('fails closed on a 429 storm that does not end, without sending the rest of its queue', async () => {
    const f = await fixture();
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) f.repo.write(`schemas/${name}.avsc`, record(`R${name}`, [SYMBOL]));
    f.repo.write('guardrails.yaml', ['version: 1', 'defaults:', '  strategy: RecordNameStrategy', ''].join('\n'));
    f.sr.local?.faults.add({ fault: { kind: 'rate-limit', retryAfter: '0' } });

    const result = await check(f, ['--registry-concurrency', '1']);

    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: the Schema Registry is unavailable, so the check fails closed: Schema Registry: rate limit exceeded; gave up after 4 attempts \(429\)/);
    // 7 subjects × 3 requests × 4 attempts without stopping; the 2 subjects in flight (2 per request slot) at most.
    expect(f.sr.local?.requests.length).toBeLessThanOrEqual(2 * 3 * 4);
  });

  it('says the credentials were rejected (401), exit 2, never printing them, and never falls back', async () => {
    const secret = 's3cr3t-never-printed';
    const f = await fixture(['on-registry-unavailable: offline'], { auth: { type: 'basic', username: 'ci', password: 'right' } }, { seeded: 'yes' });
    const env = { GUARDRAILS_REGISTRY_API_KEY: 'ci', GUARDRAILS_REGISTRY_API_SECRET: secret };

    const result = await check(f, [], env);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: the registry check cannot run: Schema Registry: credentials rejected \(401\)/);
    expect(result.stderr).toContain('Check the API key/secret (basic auth) or the bearer token');
    expect(result.stderr).not.toContain(secret);
    expect((await check(f, [], { GUARDRAILS_REGISTRY_API_KEY: 'ci', GUARDRAILS_REGISTRY_API_SECRET: 'right' })).code).toBe(1);
  });

  it('fails closed on an answer that is not JSON, or JSON of the wrong shape', async () => {
    const f = await fixture();
    f.sr.local?.faults.add({ path: /\/versions\/latest$/, fault: { kind: 'raw', status: 200, body: '<html>proxy login</html>' } });
    const html = await check(f);
    expect(html.code).toBe(4);
    expect(html.stderr).toContain('body is not JSON: <html>proxy login</html>');

    f.sr.local?.faults.clear();
    f.sr.local?.faults.add({ path: /^\/compatibility\//, fault: { kind: 'raw', status: 200, body: '{"is_compatible":"yes"}', contentType: 'application/json' } });
    const shape = await check(f);
    expect(shape.code).toBe(4);
    expect(shape.stderr).toContain('wrong shape');
  });

  it('falls back to the git-history check, marked degraded in every format, with on-registry-unavailable: offline', async () => {
    const f = await fixture(['on-registry-unavailable: offline']);
    f.sr.local?.faults.add({ fault: { kind: 'status', status: 500 } });

    const text = await check(f);
    const json = await check(f, ['--format', 'json']);
    const github = await check(f, ['--format', 'github']);

    expect([text.code, json.code, github.code]).toEqual([1, 1, 1]);
    expect(text.stdout).toContain(`DEGRADED: the Schema Registry at ${f.sr.url} was unavailable, so this is the offline git-history check (on-registry-unavailable: offline), not the registry's verdict: Schema Registry: registry store error; gave up after 4 attempts (50001)`);
    expect(text.stdout).toContain('READER_FIELD_MISSING_DEFAULT_VALUE at schemas/ticks.avsc:8:5');
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('1 incompatible (DEGRADED: git history, not the registry): FAILED');
    const report = JSON.parse(json.stdout) as { source: string; registryUrl: string; degraded: { reason: string } | null };
    expect([report.source, report.registryUrl]).toEqual(['git', f.sr.url]);
    expect(report.degraded?.reason).toMatch(/^Schema Registry: registry store error; gave up after 4 attempts \(50001\)/);
    expect(github.stdout.split('\n')[0]).toMatch(/^::warning title=guardrails%3A DEGRADED \(offline fallback\)::the Schema Registry at /);
    expect(github.stdout.trimEnd().split('\n').at(-1)).toBe('guardrails: 1 schema file(s) checked (DEGRADED: git history, not the registry), 1 failed: FAILED');
  });

  it('lets --on-registry-unavailable override the config either way', async () => {
    const f = await fixture(['on-registry-unavailable: offline']);
    f.sr.local?.faults.add({ fault: { kind: 'status', status: 502 } });
    expect((await check(f, ['--on-registry-unavailable', 'fail'])).code).toBe(4);
    const bad = await check(f, ['--on-registry-unavailable', 'maybe']);
    expect([bad.code, bad.stderr]).toEqual([2, 'error: --on-registry-unavailable "maybe" is not one of fail, offline (see guardrails check --help)\n']);
  });

  it('warns, naming both verdicts, when the local engine disagrees with the registry', async () => {
    const saysIncompatible = {
      ...avroEngine,
      // Incompatible with anything once there is a version (the first registration must pass).
      check: (_candidate: unknown, history: readonly unknown[]) => (history.length === 0 ? [] : [
        "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the new schema does not match with the old schema', additionalInfo:'reader type: STRING not compatible with writer type: STRING'}",
        '{oldSchemaVersion: 1}',
      ]),
    };
    const f = await fixture([], { engine: saysIncompatible });
    f.repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string', default: 'ASX' }]));

    const result = await check(f, ['--format', 'json']);

    expect(result.code).toBe(1);
    const entry = (JSON.parse(result.stdout) as { subjects: { warnings: string[]; incompatibilities: { type: string; line: number; column: number; version: number }[] }[] }).subjects[0];
    expect(entry?.warnings).toEqual([
      "cross-check disagreement: the registry says incompatible but the local engine says compatible on the same 1 registered version(s) at BACKWARD; the registry's verdict stands. Please report this with both schemas.",
    ]);
    expect(entry?.incompatibilities.map((i) => [i.type, i.line, i.column, i.version])).toEqual([['TYPE_MISMATCH', 6, 22, 0]]);
  });

  it('warns when the registry accepts what the local engine rejects; the registry wins', async () => {
    const f = await fixture([], { engine: { ...avroEngine, check: () => [] } });

    const result = await check(f, ['--format', 'json']);

    expect(result.code).toBe(0);
    const entry = (JSON.parse(result.stdout) as { subjects: { status: string; warnings: string[] }[] }).subjects[0];
    expect(entry?.status).toBe('compatible');
    expect(entry?.warnings).toEqual([
      "cross-check disagreement: the registry says compatible but the local engine says incompatible (READER_FIELD_MISSING_DEFAULT_VALUE) on the same 1 registered version(s) at BACKWARD; the registry's verdict stands. Please report this with both schemas.",
    ]);
  });

  it('spends at most 2 requests per changed subject plus its config look-up', async () => {
    const f = await fixture();
    for (const name of ['a', 'b', 'c', 'd']) {
      f.repo.write(`schemas/${name}.avsc`, record(`R${name}`, [SYMBOL]));
      f.sr.local?.seed(`com.acme.R${name}`, { schema: record(`R${name}`, [SYMBOL]) });
    }
    f.repo.write('guardrails.yaml', ['version: 1', 'defaults:', '  strategy: RecordNameStrategy', 'subjects:', '  - files: schemas/ticks.avsc', `    topic: ${f.sr.prefix}.ticks`, ''].join('\n'));
    f.sr.local?.resetCounts();

    const result = await check(f, ['--format', 'json', '--registry-concurrency', '2']);

    expect(result.code).toBe(1);
    expect(f.sr.local?.peakInFlight()).toBeLessThanOrEqual(2);
    // BACKWARD compares with the latest version only, so that is all the cross-check fetches.
    expect(f.sr.local?.countByRoute()).toEqual({
      'GET /config/{subject}': 5,
      'GET /subjects/{subject}/versions/{version}': 5,
      'POST /compatibility/subjects/{subject}/versions': 5,
    });
  });

  it('stays within 2 requests per subject at a transitive level: one listing of its versions', async () => {
    const f = await fixture();
    for (const name of ['a', 'b']) {
      f.repo.write(`schemas/${name}.avsc`, record(`R${name}`, [SYMBOL]));
      f.sr.local?.seed(`com.acme.R${name}`, { schema: record(`R${name}`, [SYMBOL]) });
      await f.sr.setLevel(`com.acme.R${name}`, 'BACKWARD_TRANSITIVE');
    }
    f.repo.write('guardrails.yaml', ['version: 1', 'defaults:', '  strategy: RecordNameStrategy', 'subjects:', '  - files: schemas/ticks.avsc', `    topic: ${f.sr.prefix}.ticks`, ''].join('\n'));
    f.sr.local?.resetCounts();

    await check(f, ['--format', 'json']);

    const counts = f.sr.local?.countByRoute() ?? {};
    expect(counts['GET /schemas']).toBe(2);
    expect(counts['POST /compatibility/subjects/{subject}/versions']).toBe(3);
  });
});
