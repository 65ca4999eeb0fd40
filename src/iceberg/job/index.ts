export { runExpireSnapshotsCommand, type CommandIO } from './command.js';
export { expireTable, type TableJobDeps, type TableJobOptions } from './expire-table.js';
export { runExpiration, selectTables, type RunDeps, type RunOutput } from './run.js';
export { parseExpireArgs, type ExpireSettings } from './settings.js';
export type { TableSummary } from './summary.js';
