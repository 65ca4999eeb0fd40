export { expire, type ExpireDeps, type RestExpireOptions } from './expire.js';
export { expireTable, type TableJobDeps, type TableJobOptions } from './expire-table.js';
export { DEFAULT_MAX_SNAPSHOT_AGE_MS, type ExpireOptions, type OlderThan, type RunOptions } from './options.js';
export { runExpiration, type RunDeps } from './run.js';
export { selectTables } from './table-loop.js';
export type { ExpirationRun, TableSummary } from './summary.js';
