/**
 * The `schedule:` section of guardrails.yaml: which jobs run when, in which time zone. Other sections are ignored.
 * Cron expressions use node-cron semantics, which differ from GitHub Actions' POSIX cron: see docs/scheduler.md.
 * Every problem is a ConfigError issue naming file:line:column, the key and the fix.
 */
import cron from 'node-cron';
import { z } from 'zod';
import { ConfigError, showValue, type ConfigIssue } from '../policy/config/errors.js';
import { durationSeconds, showDuration } from './duration.js';

/**
 * The longest `shutdownTimeoutSeconds`: a stop must end within 10 s (the CLI exits at 9.5 s whatever happens),
 * and after the wait the claims are recorded and the pool closed, each under its own 1 s deadline.
 */
export const MAX_SHUTDOWN_SECONDS = 7;

/** Bounds of the claim lease: renewed every third of it, so below 2 s renewals would crowd the database. */
export const MIN_LEASE_SECONDS = 2;
export const MAX_LEASE_SECONDS = 3600;
export const DEFAULT_LEASE_SECONDS = 60;
/** A slot's run is aborted after its timeout: an hour unless the job says otherwise, a week at most. */
export const DEFAULT_TIMEOUT_SECONDS = 3600;
export const MAX_TIMEOUT_SECONDS = 7 * 86400;

/** A duration key: seconds, or `90s`, `5m`, `2h`; parsed to seconds within [min, max]. */
function duration(min: number, max: number, example: string) {
  const expected = `a duration from ${showDuration(min)} to ${showDuration(max)}: seconds, or a number with s, m or h, like ${example}`;
  return z.union([z.number(), z.string()], { error: expected }).transform((value, ctx) => {
    const seconds = durationSeconds(value);
    if (seconds === undefined || seconds < min || seconds > max) {
      ctx.issues.push({ code: 'custom', message: expected, input: value });
      return z.NEVER;
    }
    return seconds;
  });
}

const JobSchema = z.strictObject({
  /** 5 fields (minute..day-of-week) or 6 (with seconds first). */
  cron: z.string({ error: 'a cron expression like "0 2 * * *"' }).min(1, { error: 'a cron expression like "0 2 * * *"' }),
  enabled: z.boolean({ error: 'true or false' }).default(true),
  /** Arguments passed to the job's command, e.g. ["--dry-run"]. */
  args: z.array(z.string({ error: 'a string' }), { error: 'a list of strings, like ["--dry-run"]' }).default([]),
  /** Overrides the schedule-wide time zone. */
  timezone: z.string({ error: 'an IANA time zone like "Australia/Sydney"' }).optional(),
  /**
   * node-cron fires only when day-of-month AND day-of-week both match; POSIX cron (and GitHub Actions) fires when
   * either does. An expression restricting both is refused unless this says the AND reading is intended.
   */
  domAndDow: z.boolean({ error: 'true or false' }).default(false),
  /** Seconds a slot's run may take before the scheduler aborts it (recorded `timed-out`). */
  timeout: duration(1, MAX_TIMEOUT_SECONDS, '"2h"').default(DEFAULT_TIMEOUT_SECONDS),
  /**
   * Slots missed while no replica ran (after the job's last claimed slot): `skip` them, run the `latest`, or run
   * `all` of them (the most recent 10, within 7 days; 1 hour for 6-field expressions), oldest first.
   */
  catchUp: z.enum(['skip', 'latest', 'all'], { error: 'one of skip, latest, all' }).default('skip'),
  /**
   * A slot that fires while a run of the job is still going (on any replica): `skip` it, or `queue-one`: run it
   * once that run ends. At most one slot waits; later ones are skipped while it does.
   */
  overlap: z.enum(['skip', 'queue-one'], { error: 'one of skip, queue-one' }).default('skip'),
}, { error: 'a mapping with `cron` and optionally `enabled`, `args`, `timezone`, `domAndDow`, `timeout`, `catchUp`, `overlap`' });

const SECTION_SHAPE = {
  timezone: z.string({ error: 'an IANA time zone like "Australia/Sydney"' }).default('UTC'),
  /** How long a stop waits for aborted jobs to settle before recording them as interrupted. */
  shutdownTimeoutSeconds: z
    .number({ error: `a number of seconds from 0 to ${MAX_SHUTDOWN_SECONDS}` })
    .min(0, { error: `a number of seconds from 0 to ${MAX_SHUTDOWN_SECONDS}` })
    .max(MAX_SHUTDOWN_SECONDS, { error: `at most ${MAX_SHUTDOWN_SECONDS} seconds, so that a stop ends within 10 s (docs/scheduler.md#shutdown)` })
    .default(5),
  /** Port of /healthz and /metrics; 0 picks a free one. */
  port: z.number({ error: 'a port number from 0 to 65535' }).int({ error: 'a port number from 0 to 65535' }).min(0).max(65535).default(9464),
  /**
   * Seconds a claim stays valid without renewal (renewed every third of it). A replica that dies leaves its slot
   * `running`; once the lease has expired another replica takes the slot over and runs it.
   */
  lease: duration(MIN_LEASE_SECONDS, MAX_LEASE_SECONDS, '"90s"').default(DEFAULT_LEASE_SECONDS),
  /** Claim rows older than this are deleted at start-up. */
  claimRetentionDays: z.number({ error: 'a whole number of days, at least 1' }).int().positive({ error: 'a whole number of days, at least 1' }).default(90),
  jobs: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), JobSchema, { error: 'a mapping of job names to schedules' }).default({}),
};

const ScheduleConfigSchema = z.strictObject(SECTION_SHAPE, { error: 'a mapping with `jobs` and optionally `timezone`, `shutdownTimeoutSeconds`, `port`, `lease`, `claimRetentionDays`' });

export type ScheduleConfig = z.infer<typeof ScheduleConfigSchema>;
export type JobSchedule = z.infer<typeof JobSchema>;

/** Where a key path of the section is in the file; undefined when unknown (no file, or the key is absent). */
export type Locate = (path: readonly (string | number)[], target?: 'key' | 'value') => { line: number; column: number } | undefined;

export interface ParseOptions {
  /** Labels the messages. */
  readonly file?: string;
  readonly locate?: Locate;
  /** The job table's names: a configured job outside it is refused. Absent: any name is accepted. */
  readonly knownJobs?: readonly string[];
}

/** Validates the raw `schedule:` value; throws ConfigError listing every problem. */
export function parseScheduleConfig(raw: unknown, options: ParseOptions = {}): ScheduleConfig {
  const file = options.file ?? 'guardrails.yaml';
  const issue = (path: readonly (string | number)[], problem: string, target: 'key' | 'value' = 'value'): ConfigIssue => ({
    file,
    ...options.locate?.(path, target),
    path: ['schedule', ...path].join('.'),
    problem,
  });
  const result = ScheduleConfigSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(result.error.issues.flatMap((i) => zodIssue(i, raw, issue)));
  const config = result.data;
  const issues: ConfigIssue[] = [];
  const zone = timeZoneProblem(config.timezone);
  if (zone) issues.push(issue(['timezone'], zone));
  for (const [name, job] of Object.entries(config.jobs)) {
    if (options.knownJobs && !options.knownJobs.includes(name)) {
      issues.push(issue(['jobs', name], `no such job; known jobs: ${[...options.knownJobs].sort().join(', ')}`, 'key'));
    }
    const jobZone = job.timezone === undefined ? undefined : timeZoneProblem(job.timezone);
    if (jobZone) issues.push(issue(['jobs', name, 'timezone'], jobZone));
    const problem = cronProblem(job.cron, job.domAndDow);
    if (problem) issues.push(issue(['jobs', name, 'cron'], problem));
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return config;
}

type IssueAt = (path: readonly (string | number)[], problem: string, target?: 'key' | 'value') => ConfigIssue;

function zodIssue(i: z.core.$ZodIssue, raw: unknown, issue: IssueAt): ConfigIssue[] {
  const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
  if (i.code === 'unrecognized_keys') {
    const allowed = Object.keys(path.length === 0 ? SECTION_SHAPE : JobSchema.shape).join(', ');
    return i.keys.map((key) => issue([...path, key], `unknown key ${JSON.stringify(key)}; expected one of: ${allowed}`, 'key'));
  }
  if (i.code === 'invalid_key') {
    return [issue(path, 'is not a job name; use lower-case letters, digits and dashes, like "expire-snapshots"', 'key')];
  }
  const value = valueAt(raw, path);
  return [issue(path, value === undefined ? `is missing; expected ${i.message}` : `got ${showValue(value)}; expected ${i.message}`)];
}

function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let value = raw;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Why an expression is refused, or undefined when it is fine for node-cron. */
export function cronProblem(expression: string, domAndDow = false): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    return `"${expression}" has ${fields.length} fields; write 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)`;
  }
  const detail = cron.validateDetailed(expression);
  if (!detail.valid) {
    const e = detail.errors[0];
    return `"${expression}" is not a valid cron expression${e ? `: ${e.field} ${e.value ?? ''} ${e.message}`.trimEnd() : ''}`;
  }
  const [dom, , dow] = fields.slice(-3);
  if (!domAndDow && dom !== '*' && dom !== '?' && dow !== '*' && dow !== '?') {
    return `"${expression}" restricts both day-of-month and day-of-week; node-cron requires BOTH to match (POSIX and GitHub Actions need either). Split it into two jobs, or set domAndDow: true if AND is what you mean`;
  }
  return undefined;
}

function timeZoneProblem(tz: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return undefined;
  } catch {
    return `"${tz}" is not an IANA time zone; use a name like "Australia/Sydney" or "UTC"`;
  }
}
