/**
 * One table's expiration: plan, prove the file plan readable, write the new metadata file, compare-and-swap
 * commit (re-planning on conflict), and only then delete. An unknown commit outcome or an unreadable kept
 * snapshot means nothing is deleted. A stop (the signal) before the commit writes nothing, or removes the
 * new metadata file it wrote; a stop after the commit starts no new delete and leaves the rest to the next
 * run's resume.
 */
import { type TableCatalog, type TableIdent, identText } from '../catalog/sql-catalog.js';
import { ManifestReader } from '../cleanup/manifest-reader.js';
import { collectFilePlan, transition } from '../cleanup/collect.js';
import { type CleanupResult, executeFilePlan } from '../cleanup/execute.js';
import { IcebergError, describeError, isStopped, stopped } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { type LoadedMetadata, loadMetadata, nextMetadataLocation, writeMetadata } from '../metadata/files.js';
import { commitRetryProperties } from '../metadata/properties.js';
import { readTableMetadata } from '../metadata/table-metadata.js';
import { applyRetention } from '../plan/apply.js';
import type { FilePlan } from '../plan/file-plan.js';
import { type RetentionOptions, type RetentionPlan, planRetention } from '../plan/retention.js';
import { backoffMs } from './backoff.js';
import { type ResumedCleanup, resumeCleanup } from './resume.js';
import type { TableSummary } from './summary.js';
import { buildSummary } from './summary-builder.js';

export interface TableJobDeps {
  readonly catalog: TableCatalog;
  readonly io: FileIO;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly log: (line: string) => void;
  /** Aborted by SIGINT/SIGTERM: start no new write; never aborted when absent. */
  readonly signal?: AbortSignal;
}

export interface TableJobOptions {
  readonly retention: RetentionOptions;
  readonly dryRun: boolean;
}

interface Attempt {
  readonly base: LoadedMetadata;
  readonly plan: RetentionPlan;
  readonly filePlan: FilePlan | undefined;
  readonly newLocation: string | undefined;
  readonly attempts: number;
}

async function loadCurrent(ident: TableIdent, deps: TableJobDeps): Promise<LoadedMetadata> {
  return loadMetadata(deps.io, await deps.catalog.loadPointer(ident));
}

/** Plans against `base` and, unless dry-run, writes and tries to commit once. */
async function planAndCommit(ident: TableIdent, base: LoadedMetadata, options: TableJobOptions, deps: TableJobDeps, reader: ManifestReader): Promise<{ plan: RetentionPlan; filePlan?: FilePlan; outcome: 'none' | 'committed' | 'conflict'; newLocation?: string }> {
  const now = deps.now();
  const plan = planRetention(base.view, options.retention, now);
  if (plan.expiredSnapshotIds.length === 0) return { plan, outcome: 'none' };
  const newLocation = nextMetadataLocation(base.view, base.location);
  const next = applyRetention(base.doc, base.view, plan, now, base.location);
  // Every fallible read happens before the first write: an unreadable kept snapshot aborts here, uncommitted.
  const filePlan = await collectFilePlan(transition(base.view, readTableMetadata(next, newLocation)), reader);
  if (options.dryRun) return { plan, filePlan, outcome: 'none' };
  if (deps.signal?.aborted) throw stopped('before writing new metadata');
  await writeMetadata(deps.io, newLocation, next);
  if (deps.signal?.aborted) {
    await deps.io.deleteFiles([newLocation]); // written, never referenced: undo it
    throw stopped('before the commit');
  }
  const outcome = await deps.catalog.commit(ident, base.location, newLocation);
  if (outcome === 'unknown') {
    throw new IcebergError('UNKNOWN_OUTCOME', `commit outcome of ${newLocation} is unknown, so no files were deleted`, { subject: identText(ident), hint: 're-run the job: it re-reads the catalog and finishes the cleanup if the commit landed' });
  }
  if (outcome === 'conflict') await deps.io.deleteFiles([newLocation]); // the UPDATE matched nothing: never referenced
  return { plan, filePlan, outcome: outcome === 'committed' ? 'committed' : 'conflict', newLocation };
}

async function commitWithRetries(ident: TableIdent, first: LoadedMetadata, options: TableJobOptions, deps: TableJobDeps, reader: ManifestReader): Promise<Attempt> {
  const retry = commitRetryProperties(first.view.properties);
  const started = deps.now();
  let base = first;
  for (let attempt = 0; ; attempt++) {
    const result = await planAndCommit(ident, base, options, deps, reader);
    if (result.outcome !== 'conflict') {
      return { base, plan: result.plan, filePlan: result.filePlan, newLocation: result.newLocation, attempts: attempt + 1 };
    }
    if (attempt >= retry.numRetries || deps.now() - started > retry.totalTimeoutMs) {
      throw new IcebergError('CONFLICT', `gave up after ${attempt + 1} commit attempts: the table kept changing`, { subject: identText(ident), hint: 'raise commit.retry.num-retries or run when writers are quieter' });
    }
    deps.log(`${identText(ident)}: commit conflict, re-planning (attempt ${attempt + 2})`);
    await deps.sleep(backoffMs(attempt, retry, deps.random));
    if (deps.signal?.aborted) throw stopped('between commit attempts');
    base = await loadCurrent(ident, deps);
  }
}

/** After the commit: re-read the pointer and clean against whatever is current now (a writer may have committed). */
const LEFT_FOR_NEXT_RUN = 'stopped by a signal after the commit: the next run deletes the expired files';

async function cleanupAfterCommit(ident: TableIdent, attempt: Attempt, deps: TableJobDeps, reader: ManifestReader): Promise<{ result: CleanupResult; warnings: string[] }> {
  const none: CleanupResult = { deleted: [], failures: [], pending: [] };
  // Stopped before any delete: what is left is the plan made before the commit.
  const left = { result: { ...none, pending: attempt.filePlan?.deletions ?? [] }, warnings: [LEFT_FOR_NEXT_RUN] };
  const { base } = attempt;
  if (deps.signal?.aborted) return left;
  try {
    const current = await loadCurrent(ident, deps);
    const filePlan = await collectFilePlan(transition(base.view, current.view), reader);
    const result = await executeFilePlan(filePlan, deps.io, { signal: deps.signal, onPhase: (kinds, n) => deps.log(`${identText(ident)}: deleting ${n} ${kinds.join('/')} file(s)`) });
    const warnings = [...filePlan.warnings];
    if (result.pending.length > 0) warnings.push(`stopped by a signal: ${result.pending.length} expired file(s) left for the next run to delete`);
    return { result, warnings };
  } catch (error) {
    if (isStopped(error)) return left;
    return { result: none, warnings: [`committed, but cleanup was skipped: ${describeError(error)}`] };
  }
}

export async function expireTable(ident: TableIdent, options: TableJobOptions, deps: TableJobDeps): Promise<TableSummary> {
  const startedMs = deps.now();
  const name = identText(ident);
  let resumed: ResumedCleanup | undefined;
  try {
    const first = await loadCurrent(ident, deps);
    const reader = new ManifestReader(deps.io, deps.signal);
    resumed = await resumeCleanup(first, deps.io, reader, options.dryRun, deps.signal);
    const attempt = await commitWithRetries(ident, first, options, deps, reader);
    if (options.dryRun || attempt.newLocation === undefined) {
      return buildSummary({ name, options, attempt, resumed, cleanup: undefined, startedMs, now: deps.now() });
    }
    const cleanup = await cleanupAfterCommit(ident, attempt, deps, reader);
    return buildSummary({ name, options, attempt, resumed, cleanup, startedMs, now: deps.now() });
  } catch (error) {
    return buildSummary({ name, options, attempt: undefined, resumed, cleanup: undefined, startedMs, now: deps.now(), error });
  }
}

export type { Attempt };
