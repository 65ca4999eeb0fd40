/** `guardrails schedule`. */
import { runScheduleCommand } from '../../../jobs/scheduler/index.js';
import { legacy } from './legacy.js';

export const scheduleCommand = legacy('schedule', 'Run the jobs on cron schedules, once per slot across replicas', runScheduleCommand);
