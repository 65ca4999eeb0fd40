/**
 * The slots a job missed while no replica was running: the cron matches after the job's last claimed slot and
 * before now, newest first, bounded in number and in how far back they are looked for. Pure: node-cron's matcher
 * over a walk of minutes (or seconds, for 6-field expressions), so it agrees with what node-cron would have fired.
 */
import cron from 'node-cron';

export type CatchUpPolicy = 'skip' | 'latest' | 'all';

/** `all` runs at most this many missed slots, the most recent ones. */
export const MAX_CATCH_UP_SLOTS = 10;
/** How far back a 5-field expression is walked (minute by minute), and a 6-field one (second by second). */
export const CATCH_UP_WINDOW_MS = { minutes: 7 * 86_400_000, seconds: 3_600_000 } as const;

export interface MissedSlotsInput {
  readonly cron: string;
  readonly timezone: string;
  /** The job's last claimed slot: only later slots were missed. */
  readonly after: Date;
  /** When this replica started: later slots are node-cron's to fire. */
  readonly before: Date;
  readonly policy: CatchUpPolicy;
}

/** The missed slots to run, oldest first. */
export function missedSlots(input: MissedSlotsInput): Date[] {
  if (input.policy === 'skip') return [];
  const limit = input.policy === 'latest' ? 1 : MAX_CATCH_UP_SLOTS;
  const seconds = input.cron.trim().split(/\s+/).length === 6;
  const step = seconds ? 1000 : 60_000;
  const window = seconds ? CATCH_UP_WINDOW_MS.seconds : CATCH_UP_WINDOW_MS.minutes;
  const floor = Math.max(input.after.getTime(), input.before.getTime() - window);
  const task = cron.createTask(input.cron, () => {}, { timezone: input.timezone, name: 'catch-up' });
  const found: Date[] = [];
  try {
    // The last whole step strictly before `before`, walking back to (not including) `floor`.
    for (let t = Math.ceil(input.before.getTime() / step) * step - step; t > floor && found.length < limit; t -= step) {
      const at = new Date(t);
      if (task.match(at)) found.push(at);
    }
  } finally {
    void task.destroy();
  }
  return found.reverse();
}
