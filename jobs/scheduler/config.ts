/**
 * The `schedule:` section of guardrails.yaml: which jobs run when, in which time zone. Other sections are ignored.
 * Cron expressions use node-cron semantics, which differ from GitHub Actions' POSIX cron: see docs/scheduler.md.
 */
import cron from 'node-cron';
import { z } from 'zod';
import { readSection } from '../../src/postmortem/config.js';

export class ScheduleConfigError extends Error {
  override readonly name = 'ScheduleConfigError';
}

const JobSchema = z
  .object({
    /** 5 fields (minute..day-of-week) or 6 (with seconds first). */
    cron: z.string().min(1),
    enabled: z.boolean().default(true),
    /** Arguments passed to the job's command, e.g. ["--dry-run"]. */
    args: z.array(z.string()).default([]),
    /** Overrides the schedule-wide time zone. */
    timezone: z.string().optional(),
    /**
     * node-cron fires only when day-of-month AND day-of-week both match; POSIX cron (and GitHub Actions) fires when
     * either does. An expression restricting both is refused unless this says the AND reading is intended.
     */
    domAndDow: z.boolean().default(false),
  })
  .strict();

export const ScheduleConfigSchema = z
  .object({
    timezone: z.string().default('UTC'),
    /** How long SIGTERM waits for running jobs before abandoning them. */
    shutdownTimeoutSeconds: z.number().positive().default(300),
    /** Port of /healthz and /metrics; 0 picks a free one. */
    port: z.number().int().min(0).max(65535).default(9464),
    /** Claim rows older than this are deleted at start-up. */
    claimRetentionDays: z.number().int().positive().default(90),
    jobs: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a job name like "expire-snapshots"'), JobSchema).default({}),
  })
  .strict();

export type ScheduleConfig = z.infer<typeof ScheduleConfigSchema>;
export type JobSchedule = z.infer<typeof JobSchema>;

export function parseScheduleConfig(raw: unknown, file = 'guardrails.yaml'): ScheduleConfig {
  const result = ScheduleConfigSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const message = issue.code === 'invalid_key' ? 'is not a job name; use lower-case letters, digits and dashes, like "expire-snapshots"' : issue.message;
    throw new ScheduleConfigError(`${file}: ${['schedule', ...issue.path.map(String)].join('.')}: ${message}`);
  }
  checkTimeZone(result.data.timezone, `${file}: schedule.timezone`);
  for (const [name, job] of Object.entries(result.data.jobs)) {
    const where = `${file}: schedule.jobs.${name}`;
    if (job.timezone) checkTimeZone(job.timezone, `${where}.timezone`);
    const problem = cronProblem(job.cron, job.domAndDow);
    if (problem) throw new ScheduleConfigError(`${where}.cron: ${problem}`);
  }
  return result.data;
}

export async function loadScheduleConfig(cwd: string, file = 'guardrails.yaml'): Promise<ScheduleConfig> {
  try {
    return parseScheduleConfig(await readSection(cwd, file, 'schedule'), file);
  } catch (e) {
    if (e instanceof ScheduleConfigError) throw e;
    throw new ScheduleConfigError((e as Error).message);
  }
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

function checkTimeZone(tz: string, where: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new ScheduleConfigError(`${where}: "${tz}" is not an IANA time zone like "Australia/Sydney" or "UTC"`);
  }
}
