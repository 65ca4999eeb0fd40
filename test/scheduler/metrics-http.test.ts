/**
 * The scheduler's /metrics over real HTTP while it runs the real backup command against the test registry: the
 * scheduler's own series and those the backup run published through the command layer (CliIo.onJobMetrics),
 * in one exposition that promtool's linter accepts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduleCommand } from '../../src/cli/commands/schedule.js';
import { runCommands } from '../../src/cli/dispatch.js';
import { parseExposition } from '../../src/scheduler/job-metrics-sinks.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';

const SCHEMA = JSON.stringify({ type: 'record', name: 'Tick', namespace: 'com.market', fields: [{ name: 'price', type: 'double' }] });
const PROMTOOL = '/usr/bin/promtool';
const hasPromtool = spawnSync(PROMTOOL, ['--version'], { stdio: 'ignore' }).status === 0;

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
  registry.seed('market.ticks-value', { schema: SCHEMA });
});
afterAll(async () => {
  await registry?.close();
});

interface Served {
  readonly port: number;
  metrics(): Promise<{ status: number; type: string | null; text: string }>;
  successes(): number;
  stop(): Promise<number>;
}

/** `guardrails schedule` in-process over the guardrails jobs, with a backup every second. */
async function serve(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'schedule-metrics-'));
  writeFileSync(join(dir, 'guardrails.yaml'), 'schedule:\n  jobs:\n    backup: { cron: "* * * * * *", timeout: 5m, args: ["--out", "backups"] }\n');
  const controller = new AbortController();
  let out = '';
  let portSeen: (port: number) => void;
  const started = new Promise<number>((resolve) => (portSeen = resolve));
  const done = runCommands([createScheduleCommand()], ['schedule', '--memory-claims', '--port', '0', '--replica-id', 'metrics'], {
    cwd: dir, env: { GUARDRAILS_REGISTRY_URL: registry.url }, signal: controller.signal,
    stdout: { write: (t: string) => {
      out += t;
      const port = /"port":(\d+).*"msg":"scheduler started"/.exec(t)?.[1];
      if (port) portSeen(Number(port));
    } },
    stderr: { write: (t: string) => void (out += t) },
  });
  const port = await Promise.race([started, done.then((code) => Promise.reject(new Error(`schedule exited ${code}: ${out}`)))]);
  return {
    port,
    async metrics() {
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    },
    successes: () => out.split('\n').filter((l) => l.includes('"msg":"job succeeded"')).length,
    stop: () => (controller.abort(new Error('stopped by SIGTERM')), done),
  };
}

describe('the scheduler /metrics', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve();
    for (let i = 0; i < 300 && served.successes() < 2; i++) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    expect(await served?.stop()).toBe(1);
  });

  it("serves the scheduler's series per the contract and the backup's own metrics, labelled guardrails_backup", async () => {
    expect(served.successes()).toBeGreaterThanOrEqual(2);
    const { status, type, text } = await served.metrics();
    expect(status).toBe(200);
    expect(type).toBe('text/plain; version=0.0.4; charset=utf-8');
    const samples = parseExposition(text);
    const value = (name: string, labels: Record<string, string>) =>
      samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).map((s) => s.value);
    const job = { job: 'guardrails_backup' };
    expect(value('guardrails_scheduler_slot_timeout_seconds', job)).toEqual([300]);
    expect(value('guardrails_job_running', job)).toHaveLength(1);
    // A run's start time while it runs, else 0: never a time in the future.
    expect(value('guardrails_scheduler_slot_start_timestamp_seconds', job)[0]).toBeLessThanOrEqual(Date.now() / 1000);
    const successes = value('guardrails_scheduler_runs_total', { ...job, result: 'success' })[0]!;
    expect(successes).toBeGreaterThanOrEqual(2);
    expect(value('guardrails_scheduler_lease_takeovers_total', job)).toEqual([0]);
    // The backup command's metrics of its runs: the counter sums them; the last success is a past time.
    expect(value('guardrails_job_runs_total', { ...job, outcome: 'success' })[0]).toBeGreaterThanOrEqual(2);
    expect(value('guardrails_job_last_success_timestamp_seconds', job)[0]).toBeLessThanOrEqual(Date.now() / 1000);
    expect(value('guardrails_job_last_success_timestamp_seconds', job)[0]).toBeGreaterThan(0);
    // One family per name, and no label `job` left unprefixed.
    const families = [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]);
    expect(new Set(families).size).toBe(families.length);
    expect(samples.filter((s) => s.labels['job'] !== undefined && !s.labels['job'].startsWith('guardrails_'))).toEqual([]);
  });

  it.skipIf(!hasPromtool)(`passes promtool check metrics${hasPromtool ? '' : ' (skipped: no /usr/bin/promtool; .ci/run installs Debian\'s prometheus package)'}`, async () => {
    const { text } = await served.metrics();
    const lint = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(`${lint.stdout}${lint.stderr}`).toBe('');
    expect(lint.status).toBe(0);
  });

  it('keeps /healthz and answers 404 elsewhere', async () => {
    const health = await fetch(`http://127.0.0.1:${served.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'running', jobs: { backup: { lastFailure: null } } });
    expect((await fetch(`http://127.0.0.1:${served.port}/nope`)).status).toBe(404);
  });
});
