/** The job scheduler as a domain: config, claims, the scheduler, and its three modes (list, serve, run one job). */
export { listSchedule, runJobNow, serveSchedule, type ListedJob, type RunNowOptions, type SchedulerDeps, type ServeOptions, type ServeResult } from './service.js';
export { Scheduler, type RunOutcome, type SchedulerOptions, type StoppedRun } from './scheduler.js';
export { MemoryClaimStore, PgClaimStore, type Claim, type ClaimResult, type ClaimStore } from './claims.js';
export { cronProblem, MAX_SHUTDOWN_SECONDS, parseScheduleConfig, type JobSchedule, type ScheduleConfig } from './config.js';
export { loadScheduleConfig, type ConfigSource, type LoadedSchedule } from './config-file.js';
export { withDeadline } from './deadline.js';
export { ScheduleError, type ScheduleErrorKind } from './errors.js';
export { commandJob, type CommandOutput, type CommandRunner, type JobContext, type JobFn, type JobTable } from './jobs.js';
export { jsonLogger, type Logger } from './logging.js';
