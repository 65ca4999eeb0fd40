/**
 * One scheduler replica for the multi-process claim test: `guardrails schedule` over a job table with a `tick` job
 * that records its run in `job_runs` and holds for TICK_MS, so consecutive slots would overlap without the advisory
 * lock. Like src/cli/process.ts, SIGTERM aborts the run's signal.
 */
import pg from 'pg';
import { runCommands } from '../../../src/cli/dispatch.js';
import { createScheduleCommand } from '../../../src/cli/commands/schedule.js';
import type { JobFn } from '../../../src/scheduler/index.js';

const [dir, replica] = process.argv.slice(2);
const holdMs = Number(process.env.TICK_MS ?? 1500);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
pool.on('error', (e) => process.stderr.write(`job_runs pool: ${e.message}\n`));

const tick: JobFn = async ({ slot }) => {
  const { rows } = await pool.query<{ id: number }>('INSERT INTO job_runs (slot, replica, started_at) VALUES ($1, $2, clock_timestamp()) RETURNING id', [slot, replica]);
  await new Promise((r) => setTimeout(r, holdMs));
  await pool.query('UPDATE job_runs SET finished_at = clock_timestamp() WHERE id = $1', [rows[0]!.id]);
};

const controller = new AbortController();
process.once('SIGTERM', () => controller.abort(new Error('stopped by SIGTERM')));
const code = await runCommands([createScheduleCommand({ names: ['tick'], table: () => ({ tick }) })], ['schedule', '--replica-id', replica!, '--port', '0'], {
  cwd: dir!, env: process.env, stdout: process.stdout, stderr: process.stderr, signal: controller.signal,
});
await pool.end();
process.exitCode = code;
