/** `guardrails schedule`: run the configured jobs on their cron schedules until SIGTERM. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import cron from 'node-cron';
import { MemoryClaimStore, PgClaimStore, type ClaimStore } from './claims.js';
import { loadScheduleConfig, ScheduleConfigError, type ScheduleConfig } from './config.js';
import { startStatusServer } from './http.js';
import { defaultJobs, type CommandIo, type JobTable } from './jobs.js';
import { jsonLogger } from './logging.js';
import { Scheduler } from './scheduler.js';

export interface SignalSource {
  once(signal: 'SIGTERM' | 'SIGINT', handler: () => void): unknown;
}

export interface ScheduleDeps {
  /** Replaces the default job table (backup, expire-snapshots, followups). */
  readonly jobs?: JobTable;
  /** Default: the process. */
  readonly signals?: SignalSource;
  /** Called once the status server listens (tests read the port). */
  readonly onReady?: (info: { port: number; replica: string }) => void;
}

const USAGE = `Usage: guardrails schedule [options]

Runs the jobs of the schedule: section of the config on their cron expressions, exactly once per slot across
replicas (PostgreSQL claims), until SIGTERM or SIGINT.

Options:
  --config <file>       config file (default guardrails.yaml)
  --database-url <url>  PostgreSQL for claims (default $DATABASE_URL)
  --memory-claims       no PostgreSQL: claims kept in memory; only safe with a single replica
  --replica-id <id>     name of this replica in logs and claim rows (default $HOSTNAME-<random>)
  --port <n>            port of /healthz and /metrics (default schedule.port, 9464)
  --list                validate the schedule, print each job's next three runs, and exit
  --run <job> [-- args] run one job now (claimed for the current minute, so parallel CronJob pods run it once)
                        with the job's configured args plus any after --, and exit with its outcome
  -h, --help            show this help

Exit codes: 0 stopped cleanly (or --run succeeded); 1 jobs abandoned at shutdown, a start-up failure, or --run
failed or was claimed elsewhere; 2 bad usage or config.
`;

export async function runScheduleCommand(argv: string[], io: CommandIo, deps: ScheduleDeps = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, strict: true, allowPositionals: true,
      options: {
        run: { type: 'string' }, config: { type: 'string' }, 'database-url': { type: 'string' }, 'memory-claims': { type: 'boolean' },
        'replica-id': { type: 'string' }, port: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`guardrails schedule: ${(e as Error).message}. Run guardrails schedule --help\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0 && !values.run) {
    io.stderr(`guardrails schedule: unexpected argument "${positionals[0]}"; job arguments go after --run <job> --\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  let config: ScheduleConfig;
  try {
    config = await loadScheduleConfig(io.cwd, values.config ?? 'guardrails.yaml');
    if (values.port !== undefined) config = { ...config, port: parsePort(values.port) };
  } catch (e) {
    io.stderr(`guardrails schedule: ${(e as Error).message}\n`);
    return e instanceof ScheduleConfigError ? 2 : 1;
  }
  if (values.list) return listSchedule(config, io);
  const databaseUrl = values['database-url'] ?? io.env.DATABASE_URL;
  if (!databaseUrl && !values['memory-claims']) {
    io.stderr('guardrails schedule: no PostgreSQL for claims: set DATABASE_URL or --database-url (or --memory-claims for a single replica)\n');
    return 2;
  }
  const replica = values['replica-id'] ?? `${io.env.HOSTNAME ?? hostname()}-${randomBytes(3).toString('hex')}`;
  const claims = databaseUrl ? new PgClaimStore(databaseUrl, replica) : new MemoryClaimStore();
  if (values.run) return runOnce(values.run, positionals, config, claims, replica, io, deps);
  return serve(config, claims, replica, io, deps);
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ScheduleConfigError(`--port "${v}" is not a port number (0-65535)`);
  return n;
}

function listSchedule(config: ScheduleConfig, io: CommandIo): number {
  for (const [name, job] of Object.entries(config.jobs)) {
    const timezone = job.timezone ?? config.timezone;
    const task = cron.createTask(job.cron, () => {}, { timezone, name: `list-${name}` });
    const next = task.getNextRuns(3).map((d) => d.toISOString()).join(', ');
    void task.destroy();
    io.stdout(`${name}${job.enabled ? '' : ' (disabled)'}: "${job.cron}" ${timezone} → ${next}\n`);
  }
  return 0;
}

async function serve(config: ScheduleConfig, claims: ClaimStore, replica: string, io: CommandIo, deps: ScheduleDeps): Promise<number> {
  const logger = jsonLogger(io.stdout, { replica });
  let scheduler: Scheduler;
  try {
    scheduler = new Scheduler({ config, jobs: deps.jobs ?? defaultJobs(io.env, io.cwd), claims, logger });
    await claims.migrate(config.claimRetentionDays);
  } catch (e) {
    logger.log('error', 'scheduler cannot start', { error: e });
    await claims.close().catch(() => {});
    return e instanceof Error && e.message.startsWith('schedule.jobs.') ? 2 : 1;
  }
  const status = await startStatusServer(config.port, scheduler.metrics, () => scheduler.state);
  const stopped = new Promise<string>((resolve) => {
    const signals = deps.signals ?? process;
    signals.once('SIGTERM', () => resolve('SIGTERM'));
    signals.once('SIGINT', () => resolve('SIGINT'));
  });
  scheduler.start();
  logger.log('info', 'scheduler started', { port: status.port, jobs: Object.keys(config.jobs) });
  deps.onReady?.({ port: status.port, replica });
  const signal = await stopped;
  logger.log('info', 'shutting down', { signal });
  const abandoned = await scheduler.stop(config.shutdownTimeoutSeconds * 1000);
  await status.close();
  await claims.close().catch((e: unknown) => logger.log('warn', 'closing the claim store failed', { error: e }));
  logger.log('info', 'scheduler stopped', { abandoned });
  return abandoned.length > 0 ? 1 : 0;
}

async function runOnce(
  job: string, extraArgs: string[], config: ScheduleConfig, claims: ClaimStore, replica: string, io: CommandIo, deps: ScheduleDeps,
): Promise<number> {
  const logger = jsonLogger(io.stdout, { replica });
  const entry = config.jobs[job] ?? { cron: '* * * * *', enabled: true, args: [], domAndDow: false };
  const once: ScheduleConfig = { ...config, jobs: { [job]: { ...entry, enabled: true, args: [...entry.args, ...extraArgs] } } };
  try {
    const scheduler = new Scheduler({ config: once, jobs: deps.jobs ?? defaultJobs(io.env, io.cwd), claims, logger });
    await claims.migrate(config.claimRetentionDays);
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await scheduler.runSlot(job, minute);
    const runs = scheduler.metrics.jobs.get(job)!.runs;
    return runs.succeeded === 1 ? 0 : 1;
  } catch (e) {
    logger.log('error', 'cannot run the job', { job, error: e });
    return e instanceof Error && e.message.startsWith('schedule.jobs.') ? 2 : 1;
  } finally {
    await claims.close().catch(() => {});
  }
}
