/**
 * A command as it runs: a job also takes the metrics options and --log-format. Dispatch and the
 * scheduler's argument check both go through here, so a scheduled job's args are checked against
 * the options it will really be run with.
 */
import type { Command } from './command.js';
import { withLogFormat } from './log-format.js';
import { withJobMetrics } from './metrics-job.js';

export function asRun(command: Command): Command {
  return withLogFormat(withJobMetrics(command));
}
