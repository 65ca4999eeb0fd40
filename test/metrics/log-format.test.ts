/**
 * `--log-format json`: a job's stderr lines become pino JSON records, secrets scrubbed before a
 * line becomes a record; stdout keeps the --format the report asked for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixture } from '../backup/fixtures.js';
import { tempDir } from '../backup/support.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { freePort } from './support.js';
import { NOW, runJob } from './job-runs.js';

interface LogRecord {
  readonly level: string;
  readonly time: string;
  readonly job: string;
  readonly msg: string;
}

function records(stderr: string): LogRecord[] {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines.length).toBeGreaterThan(0);
  return lines.map((line) => {
    const parsed = JSON.parse(line) as LogRecord;
    expect(Object.keys(parsed).sort()).toEqual(['job', 'level', 'msg', 'time']);
    return parsed;
  });
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ sr: TestRegistry; out: string }> {
  const sr = await startTestRegistry();
  cleanups.push(() => sr.close());
  const dir = await tempDir('log-format-');
  cleanups.push(() => dir.remove());
  return { sr, out: dir.path };
}

describe('--log-format json', () => {
  it('writes every stderr line of a job as one record with level, ISO time, job and msg; the report on stdout keeps --format', async () => {
    const { sr, out } = await setUp();
    await buildFixture(sr.url);
    const closed = `http://127.0.0.1:${await freePort()}`;
    const ran = await runJob(['backup', '--registry-url', sr.url, '--out', out, '--name', 'b', '--progress', 'none', '--log-format', 'json', '--format', 'json', '--pushgateway-url', closed], out);
    expect(ran.code).toBe(0);
    const logged = records(ran.stderr);
    expect(logged[0]).toEqual({ level: 'info', time: NOW.toISOString(), job: 'guardrails_backup', msg: `backing up ${sr.url} …` });
    // The push to a closed port is a warning, its `warning: ` prefix turned into the level.
    const warning = logged.find((r) => r.level === 'warn');
    expect(warning?.msg).toMatch(new RegExp(`^could not push metrics to the Pushgateway ${closed}: .*; the job's own outcome stands$`));
    expect(JSON.parse(ran.stdout)).toMatchObject({ command: 'backup', exitCode: 0 });
  });

  it('takes GUARDRAILS_LOG_FORMAT, and logs the failure line of a failed job as an error record', async () => {
    const { sr, out } = await setUp();
    sr.faults.add({ method: 'GET', path: '/subjects', fault: { kind: 'hang' } });
    const ran = await runJob(['backup', '--registry-url', sr.url, '--out', out, '--progress', 'none', '--registry-timeout-ms', '100'], out, { GUARDRAILS_LOG_FORMAT: 'json' });
    expect(ran.code).toBe(4);
    const errors = records(ran.stderr).filter((r) => r.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.job).toBe('guardrails_backup');
    expect(errors[0]?.msg).not.toMatch(/^error:/);
  });

  it('never lets a secret variable or a DSN password through', async () => {
    const { sr, out } = await setUp();
    await buildFixture(sr.url);
    const token = 'tok-en-7f3a-91be';
    const password = 'dsn-pass-8831';
    // The registry URL carries the token in its path, so the job's first line would print it.
    const env = { GUARDRAILS_REGISTRY_BEARER_TOKEN: token, DATABASE_URL: `postgres://ops:${password}@127.0.0.1:1/catalog` };
    const backup = await runJob(['backup', '--registry-url', `${sr.url}/${token}`, '--out', out, '--progress', 'none', '--log-format', 'json', '--registry-timeout-ms', '2000'], out, env);
    const port = await freePort();
    const expire = await runJob(['expire-snapshots', '--catalog-name', 'c', '--catalog-uri', `postgres://ops@127.0.0.1:${port}/catalog`, '--log-format', 'json'], out, { ...env, PGPASSWORD: password });
    expect(expire.code).toBe(4);
    expect(records(backup.stderr)[0]?.msg).toBe(`backing up ${sr.url}/*** …`);
    for (const ran of [backup, expire]) {
      records(ran.stderr);
      for (const secret of [token, password]) {
        expect(ran.stderr).not.toContain(secret);
        expect(ran.stdout).not.toContain(secret);
      }
    }
  });

  it('leaves text as it was, and is refused with one line when neither text nor json', async () => {
    const { sr, out } = await setUp();
    await buildFixture(sr.url);
    const text = await runJob(['backup', '--registry-url', sr.url, '--out', out, '--name', 't', '--progress', 'none'], out);
    expect(text.stderr.split('\n')[0]).toBe(`backing up ${sr.url} …`);
    const bad = await runJob(['backup', '--registry-url', sr.url, '--out', out, '--log-format', 'yaml'], out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --log-format "yaml" is not one of text, json (see guardrails backup --help)\n');
  });
});
