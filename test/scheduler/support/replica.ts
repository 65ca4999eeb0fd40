/**
 * One scheduler replica for the multi-process claim test: a `tick` job that records its run in `job_runs` and
 * holds for TICK_MS, so consecutive slots would overlap without the advisory lock.
 */
import pg from 'pg';
import { runScheduleCommand } from '../../../jobs/scheduler/index.js';

const [dir, replica] = process.argv.slice(2);
const url = process.env.DATABASE_URL!;
const holdMs = Number(process.env.TICK_MS ?? 1500);
const pool = new pg.Pool({ connectionString: url, max: 2 });

const code = await runScheduleCommand(['--replica-id', replica!, '--port', '0'], {
  stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), env: process.env, cwd: dir!,
}, {
  jobs: {
    tick: async ({ slot }) => {
      const { rows } = await pool.query<{ id: number }>(
        'INSERT INTO job_runs (slot, replica, started_at) VALUES ($1, $2, clock_timestamp()) RETURNING id', [slot, replica]);
      await new Promise((r) => setTimeout(r, holdMs));
      await pool.query('UPDATE job_runs SET finished_at = clock_timestamp() WHERE id = $1', [rows[0]!.id]);
    },
  },
});
await pool.end();
process.exit(code);
