import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run as runCli } from '../../src/cli/main.js';
import { parseExposition, type Sample } from '../../src/scheduler/job-metrics-sinks.js';
import { NOW, run, tempDir } from '../backup/support.js';
import { buildFixture } from '../backup/fixtures.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { freePort, pushgatewayAvailable, startPushgateway, type Pushgateway, PUSHGATEWAY_BINARY } from './support.js';

const NOW_SECONDS = NOW.getTime() / 1000;

let registry: TestRegistry;
let dir: { path: string; remove: () => Promise<void> };

beforeEach(async () => {
  registry = await startTestRegistry();
  dir = await tempDir('job-metrics-');
  await buildFixture(registry.url);
});
afterEach(async () => {
  await Promise.all([registry.close(), dir.remove()]);
});

const backup = (name: string, ...more: string[]) => run('backup', ['--registry-url', registry.url, '--out', dir.path, '--name', name, '--progress', 'none', ...more]);
/** Makes the next backups fail as unavailable (exit 4), quickly. */
const breakRegistry = () => registry.faults.add({ method: 'GET', path: '/subjects', fault: { kind: 'hang' } });
const failingBackup = (name: string, ...more: string[]) => backup(name, '--registry-timeout-ms', '100', ...more);

function value(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('--metrics-file', () => {
  it('writes the job metrics in textfile format, and a failed run keeps the last success and counts on', async () => {
    const file = join(dir.path, 'guardrails_backup.prom');
    const ok = await backup('first', '--metrics-file', file);
    expect(ok.code).toBe(0);
    let samples = parseExposition(await readFile(file, 'utf8'));
    const job = { job: 'guardrails_backup' };
    expect(value(samples, 'guardrails_job_last_success_timestamp_seconds', job)).toBe(NOW_SECONDS);
    expect(value(samples, 'guardrails_job_last_run_timestamp_seconds', job)).toBe(NOW_SECONDS);
    expect(value(samples, 'guardrails_job_duration_seconds', job)).toBeGreaterThanOrEqual(0);
    expect(samples.filter((s) => s.name === 'guardrails_job_runs_total').map((s) => [s.labels['outcome'], s.value])).toEqual([
      ['success', 1],
      ['failure', 0],
      ['bad_input', 0],
      ['bug', 0],
      ['unavailable', 0],
    ]);
    expect(new Set(samples.map((s) => Object.keys(s.labels).sort().join(',')))).toEqual(new Set(['job', 'job,outcome']));

    breakRegistry();
    const failed = await failingBackup('second', '--metrics-file', file);
    expect(failed.code).toBe(4);
    samples = parseExposition(await readFile(file, 'utf8'));
    expect(value(samples, 'guardrails_job_last_success_timestamp_seconds', job)).toBe(NOW_SECONDS);
    expect(value(samples, 'guardrails_job_runs_total', { ...job, outcome: 'success' })).toBe(1);
    expect(value(samples, 'guardrails_job_runs_total', { ...job, outcome: 'unavailable' })).toBe(1);
    // Only the backups and the renamed file: no temporary file is left behind.
    expect((await readdir(dir.path)).sort()).toEqual(['first', 'guardrails_backup.prom']);
  });

  it('is HELP- and TYPE-annotated text that ends in a newline', async () => {
    const file = join(dir.path, 'm.prom');
    expect((await backup('b', '--metrics-file', file)).code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).toContain('# TYPE guardrails_job_runs_total counter');
    expect(text).toContain('# TYPE guardrails_job_last_success_timestamp_seconds gauge');
    expect(text).toMatch(/^# HELP guardrails_job_duration_seconds \S/m);
  });

  it.skipIf(!existsSync('/usr/bin/promtool'))('passes promtool check metrics, after a success and after a failure', async () => {
    const file = join(dir.path, 'm.prom');
    expect((await backup('b', '--metrics-file', file)).code).toBe(0);
    breakRegistry();
    expect((await failingBackup('c', '--metrics-file', file)).code).toBe(4);
    const lint = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: await readFile(file, 'utf8'), encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });

  it('writes nothing for a run refused as bad input before it started', async () => {
    const file = join(dir.path, 'm.prom');
    await writeFile(file, 'before\n');
    expect((await backup('first')).code).toBe(0);
    const refused = await backup('first', '--metrics-file', file);
    expect(refused.code).toBe(2);
    expect(await readFile(file, 'utf8')).toBe('before\n');
  });

  it('only warns when the file cannot be written after the run', async () => {
    const file = join(dir.path, 'gone', 'm.prom');
    const ran = await backup('b', '--metrics-file', file);
    // The directory is creatable when the option is read, but the sink does not create it.
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(/^warning: could not write the metrics file .*m\.prom: .*ENOENT.*; the job's own outcome stands$/m);
  });
});

describe('CliIo.onJobMetrics, the scheduler\'s hook', () => {
  it('gets every run\'s registry, sinks or not, and a hook that throws only warns', async () => {
    const file = join(dir.path, 'm.prom');
    const seen: string[] = [];
    let stderr = '';
    const io = (onJobMetrics: (job: string, registry: import('prom-client').Registry) => void) => ({
      cwd: process.cwd(),
      env: {},
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      now: () => NOW,
      onJobMetrics,
    });
    const args = (name: string, ...more: string[]) => ['backup', '--registry-url', registry.url, '--out', dir.path, '--name', name, '--progress', 'none', ...more];
    expect(await runCli(args('a'), io((job, r) => void seen.push(`${job}:${r.getSingleMetric('guardrails_backup_subjects_saved_total') ? 'own' : 'none'}`)))).toBe(0);
    expect(await runCli(args('b', '--metrics-file', file), io((job) => void seen.push(job)))).toBe(0);
    expect(seen).toEqual(['guardrails_backup:own', 'guardrails_backup']);
    expect(await runCli(args('c', '--metrics-file', file), io(() => { throw new Error('full'); }))).toBe(0);
    expect(stderr).toContain("warning: the scheduler could not take the run's metrics: full; the job's own outcome stands\n");
    expect(value(parseExposition(await readFile(file, 'utf8')), 'guardrails_job_runs_total', { job: 'guardrails_backup', outcome: 'success' })).toBe(2);
  });
});

describe('the metrics options', () => {
  it('are on the help of every job, and only of jobs', async () => {
    for (const job of ['backup', 'restore', 'expire-snapshots', 'followups', 'drift', 'register', 'check']) {
      const help = await cli([job, '--help']);
      expect(help.stdout, job).toContain('--pushgateway-url URL');
      expect(help.stdout, job).toContain('[env GUARDRAILS_PUSHGATEWAY_URL]');
      expect(help.stdout, job).toContain('--metrics-file PATH');
    }
    for (const other of ['compat', 'schedule']) expect((await cli([other, '--help'])).stdout, other).not.toContain('--pushgateway-url');
  });

  it('refuse credentials in the Pushgateway URL, from the flag or the variable, before any request', async () => {
    registry.resetCounts();
    const flag = await backup('b', '--pushgateway-url', 'http://user:secret@127.0.0.1:9091');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--pushgateway-url "http://127.0.0.1:9091" holds credentials');
    expect(flag.stderr).not.toContain('secret');
    const env = await run('backup', ['--registry-url', registry.url, '--out', dir.path, '--progress', 'none'], { GUARDRAILS_PUSHGATEWAY_URL: 'https://u:p@gw.example' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('$GUARDRAILS_PUSHGATEWAY_URL');
    expect(registry.requests).toEqual([]);
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('warn when the push fails and keep the job\'s exit code', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const ran = await backup('b', '--pushgateway-url', closed);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(new RegExp(`^warning: could not push metrics to the Pushgateway ${closed}: .*ECONNREFUSED.*; the job's own outcome stands$`, 'm'));
    breakRegistry();
    const failed = await failingBackup('c', '--pushgateway-url', closed);
    expect(failed.code).toBe(4);
    expect(failed.stderr).toContain('warning: could not push metrics');
  });
});

describe.skipIf(!pushgatewayAvailable())('--pushgateway-url against a real Pushgateway', () => {
  let gateway: Pushgateway;
  beforeAll(async () => {
    gateway = await startPushgateway();
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('pushes every run to the group job/instance; a failed run keeps the last success', async () => {
    const group = { job: 'guardrails_backup', instance: 'ci' };
    expect((await backup('first', '--pushgateway-url', gateway.url, '--metrics-instance', 'ci')).code).toBe(0);
    let samples = parseExposition(await gateway.metrics());
    expect(value(samples, 'guardrails_job_last_success_timestamp_seconds', group)).toBe(NOW_SECONDS);
    expect(value(samples, 'guardrails_job_last_run_timestamp_seconds', group)).toBe(NOW_SECONDS);
    expect(value(samples, 'guardrails_job_runs_total', { ...group, outcome: 'success' })).toBe(1);
    expect(value(samples, 'push_time_seconds', group)).toBeGreaterThan(0);

    breakRegistry();
    const failed = await failingBackup('second', '--pushgateway-url', gateway.url, '--metrics-instance', 'ci');
    expect(failed.code).toBe(4);
    expect(failed.stderr).not.toContain('warning: could not push');
    samples = parseExposition(await gateway.metrics());
    expect(value(samples, 'guardrails_job_last_success_timestamp_seconds', group)).toBe(NOW_SECONDS);
    expect(value(samples, 'guardrails_job_runs_total', { ...group, outcome: 'unavailable' })).toBe(1);
    expect(value(samples, 'push_failure_time_seconds', group)).toBe(0);
  });

  it('takes the URL from GUARDRAILS_PUSHGATEWAY_URL and groups under instance "default"', async () => {
    const ran = await run('backup', ['--registry-url', registry.url, '--out', dir.path, '--progress', 'none'], { GUARDRAILS_PUSHGATEWAY_URL: gateway.url });
    expect(ran.code).toBe(0);
    const samples = parseExposition(await gateway.metrics());
    expect(value(samples, 'guardrails_job_last_run_timestamp_seconds', { job: 'guardrails_backup', instance: 'default' })).toBe(NOW_SECONDS);
  });
});

if (!pushgatewayAvailable()) {
  describe('a real Pushgateway', () => {
    it.skip(`is absent (${PUSHGATEWAY_BINARY}); apt-get install -y prometheus-pushgateway to run the push tests`, () => {});
  });
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCli(argv, { cwd: process.cwd(), env: {}, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, now: () => NOW });
  return { code, stdout };
}
