/** The job scheduler as a domain: config, claims, the scheduler, and its three modes (list, serve, run one job). */
export { listSchedule, runJobNow, serveSchedule, type ListedJob, type RunNowOptions, type SchedulerDeps, type ServeOptions, type ServeResult } from './service.js';
export { Scheduler, type RunOutcome, type SchedulerOptions, type StoppedRun } from './scheduler.js';
export { LeaseLost, MAX_ATTEMPTS, MemoryClaimStore, PgClaimStore, type Claim, type ClaimOptions, type ClaimResult, type ClaimStatus, type ClaimStore, type ExpiredSlot, type FinalStatus, type PgClaimStoreOptions } from './claims.js';
export { CATCH_UP_WINDOW_MS, MAX_CATCH_UP_SLOTS, missedSlots, type CatchUpPolicy, type MissedSlotsInput } from './catch-up.js';
export { keepLease, type LeaseKeeper, type LeaseKeeperOptions } from './lease.js';
export { SCHEDULER_METRIC, SchedulerMetrics, type RunResult, type ScheduledJob, type SkipReason } from './metrics.js';
export {
  cronProblem, DEFAULT_LEASE_SECONDS, DEFAULT_TIMEOUT_SECONDS, MAX_LEASE_SECONDS, MAX_SHUTDOWN_SECONDS, MAX_TIMEOUT_SECONDS, MIN_LEASE_SECONDS,
  parseScheduleConfig, type JobSchedule, type ScheduleConfig,
} from './config.js';
export { loadScheduleConfig, type ConfigSource, type LoadedSchedule } from './config-file.js';
export { withDeadline } from './deadline.js';
export { ScheduleError, type ScheduleErrorKind } from './errors.js';
export { commandJob, type CommandOutput, type CommandRunner, type JobContext, type JobFn, type JobTable } from './jobs.js';
export { jsonLogger, type Logger } from './logging.js';
