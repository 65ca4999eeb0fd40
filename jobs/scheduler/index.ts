/** The job scheduler: public entry points for the CLI (`guardrails schedule`) and embedding. */
export { runScheduleCommand, type ScheduleDeps, type SignalSource } from './command.js';
export { Scheduler, type SchedulerOptions } from './scheduler.js';
export { PgClaimStore, MemoryClaimStore, type ClaimStore, type Claim, type ClaimResult } from './claims.js';
export { parseScheduleConfig, loadScheduleConfig, cronProblem, ScheduleConfigSchema, ScheduleConfigError, type ScheduleConfig } from './config.js';
export { defaultJobs, registerJob, commandJob, type JobFn, type JobTable, type JobContext, type CommandFn } from './jobs.js';
export { jsonLogger, type Logger } from './logging.js';
