/** Post-mortem follow-ups: public entry points. The command is src/cli/commands/followups.ts. */
export { syncFollowups, type SyncOptions, type SyncDeps, type SyncResult } from './sync.js';
export { parseReport } from './parse/report.js';
export { parseDate } from './parse/dates.js';
export { loadReports, loadIncidentLog, listReportFiles } from './parse/load.js';
export { FollowupsConfigSchema, parseFollowupsConfig, loadFollowupsConfig, readSection, type FollowupsConfig } from './config.js';
export { planSync, type SyncFacts } from './sync/plan.js';
export type { SyncPlan, Operation } from './sync/plan-types.js';
export { itemKey, normaliseText } from './sync/key.js';
export { OctokitTracker, createOctokit, type OctokitTrackerOptions } from './github/octokit.js';
export { WriteNotStarted, type IssueTracker, type TrackedIssue } from './github/tracker.js';
export { computeMetrics, type FollowupMetrics } from './report/metrics.js';
export { renderSummary, type FollowupsReport } from './report/summary.js';
export { FollowupsError } from './errors.js';
export type { IncidentReport, ActionItem, ParseProblem } from './model.js';

