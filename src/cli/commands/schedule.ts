/** `guardrails schedule`: the jobs on their cron schedules, once per slot across replicas; or one job now; or the list. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import {
  jsonLogger, listSchedule, loadScheduleConfig, MemoryClaimStore, PgClaimStore, runJobNow, ScheduleError, serveSchedule, withDeadline,
  type ClaimStore, type LoadedSchedule, type Logger, type RunOutcome,
} from '../../scheduler/index.js';
import { UnavailableError, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { flag, option, type OptionSpec } from '../options/define.js';
import { intValue } from '../options/int.js';
import { pathValue } from '../options/path.js';
import { textValue } from '../options/text.js';
import { displayPostgresUri, postgresUriValue } from '../options/url.js';
import { defineCommand, type Command, type RunContext } from './command.js';
import { commandJobs, type ScheduleJobs } from './schedule-jobs.js';
import { jobFormatOption, withJsonFailure, writeJobJson } from './shared.js';

const flagUri = postgresUriValue({ allowPassword: false, passwordFrom: 'DATABASE_URL or PGPASSWORD' });
const envUri = postgresUriValue({ allowPassword: true, passwordFrom: 'DATABASE_URL' });

/** `--database-url`, or `$DATABASE_URL`: only the variable may hold a password, since any process listing shows flags. */
const databaseUrlOption: OptionSpec<{ readonly url: string; readonly fromFlag: boolean } | undefined> = {
  type: 'string',
  placeholder: 'URL',
  description: 'PostgreSQL for the claims (postgres://user@host:5432/db); a password only in $DATABASE_URL or PGPASSWORD',
  env: 'DATABASE_URL',
  display: displayPostgresUri,
  read: async (given, context) => {
    if (!given.present || !('texts' in given)) return undefined;
    const fromFlag = given.where === '--database-url';
    const text = given.texts[given.texts.length - 1] as string;
    return { url: await (fromFlag ? flagUri : envUri)(text, context), fromFlag };
  },
};

const options = {
  config: option({ placeholder: 'FILE', description: 'Config file with a schedule: section (default guardrails.yaml here, which may be absent)', parse: pathValue('file') }),
  'database-url': databaseUrlOption,
  'memory-claims': flag('No PostgreSQL: claims kept in memory; only safe with a single replica (wins over $DATABASE_URL)'),
  'replica-id': option({
    placeholder: 'ID',
    description: 'This replica in logs and claim rows (default $HOSTNAME-<random>)',
    parse: textValue(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'a name of up to 63 letters, digits, ".", "_" and "-"'),
  }),
  port: option({ placeholder: 'N', description: 'Port of /healthz and /metrics, 0-65535, 0 for any free one (default schedule.port, 9464)', parse: intValue(0, 65535) }),
  list: flag("Validate the schedule, print each job's next three runs, and exit"),
  run: option({ placeholder: 'JOB', description: 'Run JOB now with its configured args plus those after --, claimed for the current minute, and exit', parse: textValue() }),
  format: jobFormatOption,
};

type Prepared = { readonly loaded: LoadedSchedule };

/** The command over a job table; `scheduleCommand` is the one over the guardrails jobs. */
export function createScheduleCommand(jobs: ScheduleJobs = commandJobs): Command {
  const prepared = new WeakMap<RunContext, Prepared>();
  return defineCommand({
    name: 'schedule',
    summary: 'Run the jobs on cron schedules, once per slot across replicas',
    usage: [
      'schedule [--config FILE] [--database-url URL | --memory-claims] [--replica-id ID] [--port N]',
      'schedule --run JOB [--format text|json] [--config FILE] [--database-url URL | --memory-claims] [-- JOB-ARGS]',
      'schedule --list [--format text|json] [--config FILE]',
    ],
    description: `Runs the jobs of the schedule: section of the config (${jobs.names.join(', ')}) on their cron
expressions, until SIGTERM or SIGINT. Across replicas each slot completes at least once and never runs
twice at a time: a claim in PostgreSQL is a lease (schedule.lease, default 60 s) that the running replica
renews, and the slot of a replica that died is taken over once its lease expires. A run longer than its
job's timeout (default 1 h) is aborted. Each job runs its guardrails command, with that command's options
and exit codes. Logs are JSON lines on
stdout (on stderr with --format json). On a signal it stops firing, aborts the running jobs at once,
waits up to schedule.shutdownTimeoutSeconds (at most 7) for them to settle, records their claims as
interrupted and exits 1, within 10 s. Reference: docs/scheduler.md.`,
    options,
    passThrough: true,
    exits: {
      ok: '--list printed the schedule, or --run JOB succeeded',
      failed: 'stopped by a signal (the scheduler always is), or --run JOB failed, was interrupted or its slot was claimed elsewhere (its own exit code when it returned one)',
      unavailable: 'the claims database cannot be reached or used',
    },
    notes: `Environment: DATABASE_URL (the claims database; may hold a password), PGPASSWORD, HOSTNAME (replica id).
The jobs read their own variables (see guardrails <job> --help).`,
    refine(values, { passThrough }) {
      if (values.list && values.run !== undefined) throw new UsageError('--list and --run exclude each other; give one', 'schedule');
      if (passThrough.length > 0 && values.run === undefined) throw new UsageError('arguments after -- are for a job: give --run JOB before them', 'schedule');
      if (values.format === 'json' && !values.list && values.run === undefined) {
        throw new UsageError('--format json applies to --list and --run; the scheduler itself always logs JSON lines', 'schedule');
      }
      if (values['memory-claims'] && values['database-url']?.fromFlag) throw new UsageError('give --database-url or --memory-claims, not both', 'schedule');
      if (!values.list && !values['memory-claims'] && values['database-url'] === undefined) {
        throw new UsageError('no PostgreSQL for the claims: give --database-url or set DATABASE_URL (or --memory-claims for a single replica)', 'schedule');
      }
    },
    async preflight(values, context) {
      const { io, passThrough } = context;
      const path = values.config ?? join(io.cwd, 'guardrails.yaml');
      const label = values.config === undefined ? 'guardrails.yaml' : labelOf(io.cwd, path);
      const loaded = await loadScheduleConfig({ path, label, explicit: values.config !== undefined }, jobs.names);
      if (values.run !== undefined && !jobs.names.includes(values.run)) {
        throw new UsageError(`--run ${JSON.stringify(values.run)} is not a job; known jobs: ${[...jobs.names].sort().join(', ')}`, 'schedule');
      }
      // The jobs' arguments are checked where they will run (their required options may come from this
      // environment); --list previews the schedule anywhere. --run runs the job at once: its preflight too.
      if (values.run !== undefined) {
        const configured = loaded.config.jobs[values.run]?.args ?? [];
        const given = passThrough.length > 0 ? `--run ${values.run} --` : configured.length === 0 ? `--run ${values.run}` : undefined;
        await checkArgs(jobs, { name: values.run, args: [...configured, ...passThrough], preflight: true }, loaded, label, io, given);
      } else if (!values.list) {
        for (const [name, job] of Object.entries(loaded.config.jobs)) if (job.enabled) await checkArgs(jobs, { name, args: job.args, preflight: false }, loaded, label, io);
      }
      prepared.set(context, { loaded });
    },
    async run(values, context) {
      const { io } = context;
      const { config } = (prepared.get(context) as Prepared).loaded;
      if (values.list) return printList(listSchedule(config), values.format, io);
      const replica = values['replica-id'] ?? `${io.env['HOSTNAME'] ?? hostname()}-${randomBytes(3).toString('hex')}`;
      const json = values.format === 'json';
      const logger = jsonLogger((line) => (json ? io.stderr : io.stdout).write(line), { replica }, context.now);
      const database = values['memory-claims'] ? undefined : values['database-url'];
      const claims: ClaimStore = database
        ? new PgClaimStore(database.url, replica, {
          leaseSeconds: config.lease,
          onError: (error) => logger.log('warn', 'a claims database connection was lost; the next query reconnects', { error }),
          onRenewFailed: (slot, error) => logger.log('warn', 'could not renew the lease; trying again in a third of the lease', { ...slot, error }),
        })
        : new MemoryClaimStore();
      const where = database ? ` (${displayPostgresUri(database.url)})` : '';
      const deps = { jobs: jobs.table(io), claims, logger, signal: context.signal, now: context.now };
      const body = async (): Promise<number> => {
        try {
          if (values.run === undefined) {
            await serveSchedule({ config, port: values.port ?? config.port, portSource: values.port === undefined ? 'schedule.port' : '--port' }, deps);
            // Only a signal ends the scheduler: that is a stop, not a success.
            return 1;
          }
          const outcome = await runJobNow({ config, job: values.run, extraArgs: context.passThrough }, deps);
          const code = exitCodeOf(outcome);
          return json ? writeJobJson(io, 'schedule', code, { mode: 'run', replica, run: outcome }) : code;
        } catch (error) {
          throw translated(error, where);
        }
      };
      try {
        // Only --run prints a JSON document; the scheduler itself logs JSON lines.
        return await withJsonFailure(io, values.run !== undefined ? values.format : 'text', 'schedule', body, { mode: 'run', replica });
      } finally {
        await closeClaims(claims, logger);
      }
    },
  });
}

export const scheduleCommand = createScheduleCommand();

interface JobCheck {
  readonly name: string;
  readonly args: readonly string[];
  readonly preflight: boolean;
}

async function checkArgs(jobs: ScheduleJobs, { name, args, preflight }: JobCheck, loaded: LoadedSchedule, file: string, io: CliIo, given?: string): Promise<void> {
  try {
    await jobs.checkArgs?.(name, args, io, { preflight });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const at = loaded.locate(['jobs', name, 'args']);
    const where = given ?? `${file}${at ? `:${at.line}:${at.column}` : ''}: schedule.jobs.${name}.args`;
    throw new UsageError(`${where}: ${error.message}`, error.command);
  }
}

function labelOf(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function printList(jobs: ReturnType<typeof listSchedule>, format: 'text' | 'json', io: CliIo): number {
  if (format === 'json') return writeJobJson(io, 'schedule', 0, { mode: 'list', jobs });
  if (jobs.length === 0) io.stdout.write('no jobs: the config has no schedule.jobs entries\n');
  for (const job of jobs) io.stdout.write(`${job.name}${job.enabled ? '' : ' (disabled)'}: "${job.cron}" ${job.timezone} → ${job.next.join(', ')}\n`);
  return 0;
}

/** 0 for success; the job's own code when it failed with one of the contract's codes; 1 otherwise. */
function exitCodeOf(outcome: RunOutcome): number {
  if (outcome.result === 'succeeded') return 0;
  if (outcome.result === 'failed' && outcome.exitCode !== undefined && outcome.exitCode >= 1 && outcome.exitCode <= 4) return outcome.exitCode;
  return 1;
}

/** The scheduler's typed errors as the command layer's (src/cli/errors.ts has no ScheduleError yet). */
function translated(error: unknown, where: string): unknown {
  if (!(error instanceof ScheduleError)) return error;
  return error.kind === 'unavailable' ? new UnavailableError(`${error.message}${where}`) : new UsageError(error.message, 'schedule');
}

async function closeClaims(claims: ClaimStore, logger: Logger): Promise<void> {
  await withDeadline(claims.close(), 1000, 'closing the claims database pool').catch((error: unknown) => logger.log('warn', 'closing the claims database pool failed', { error }));
}
