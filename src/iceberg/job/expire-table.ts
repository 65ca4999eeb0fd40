/**
 * One table's expiration: finish what interrupted runs left in the journal, plan, prove the file plan readable,
 * journal the intent, write the new metadata file (unless the catalog writes its own, as REST does), compare-and-swap
 * commit (re-planning on conflict), and only
 * then delete, re-checking each file against the metadata current at that moment. An unknown commit outcome or
 * an unreadable kept snapshot means nothing is deleted. A stop before the commit writes nothing, or removes the
 * new metadata file it wrote; a stop after the commit starts no new delete and leaves the rest in the journal.
 */
import { randomUUID } from 'node:crypto';
import { type TableCatalog, type TableIdent, identText } from '../catalog/sql-catalog.js';
import { ManifestReader } from '../cleanup/manifest-reader.js';
import { collectFilePlan, transition } from '../cleanup/collect.js';
import { usedSpecIds } from '../cleanup/spec-usage.js';
import type { CleanupResult } from '../cleanup/execute.js';
import { IcebergError, describeError, isStopped, stopped } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { deleteUnreachable, unionOfCandidates } from '../journal/finish.js';
import type { CleanupJournal } from '../journal/journal.js';
import type { JsonObject } from '../metadata/json.js';
import { type LoadedMetadata, loadMetadata, nextMetadataLocation, writeMetadata } from '../metadata/files.js';
import { trimmedMetadataFiles } from '../metadata/metadata-log.js';
import { commitRetryProperties } from '../metadata/properties.js';
import { readTableMetadata } from '../metadata/table-metadata.js';
import { applyRetention } from '../plan/apply.js';
import { type MetadataCleanup, cleanExpiredMetadata } from '../plan/clean-metadata.js';
import type { FilePlan, PlannedDeletion } from '../plan/file-plan.js';
import { type RetentionOptions, type RetentionPlan, planRetention } from '../plan/retention.js';
import { backoffMs } from './backoff.js';
import { type ResumedCleanup, fateOf, resumeCleanups } from './resume.js';
import type { TableSummary } from './summary.js';
import { buildSummary } from './summary-builder.js';

export interface TableJobDeps {
  readonly catalog: TableCatalog;
  readonly io: FileIO;
  /** The instant ages are measured from; the run fixes it once (`--now`), so every cutoff uses the same one. */
  readonly now: () => number;
  /** Wall clock for durations, rates and retry timeouts (default: Date.now). */
  readonly clock?: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly log: (line: string) => void;
  /** Aborted by SIGINT/SIGTERM: start no new write; never aborted when absent. */
  readonly signal?: AbortSignal;
  /** Where cleanup intent is recorded before each commit; without one, a crash after the commit orphans files. */
  readonly journal?: CleanupJournal;
}

export interface TableJobOptions {
  readonly retention: RetentionOptions;
  readonly dryRun: boolean;
  /** Also remove partition specs and schemas no retained snapshot uses (Java 1.11 cleanExpiredMetadata). */
  readonly cleanExpiredMetadata?: boolean;
}

interface Attempt {
  readonly base: LoadedMetadata;
  readonly plan: RetentionPlan;
  readonly metadataCleanup: Pick<MetadataCleanup, 'removedSpecIds' | 'removedSchemaIds'> | undefined;
  readonly filePlan: FilePlan | undefined;
  readonly newLocation: string | undefined;
  readonly journalId: string | undefined;
  readonly attempts: number;
}

/** Commit attempts made so far: kept outside the attempt so a give-up or an unknown outcome still reports them. */
export interface CommitCounter {
  attempts: number;
}

async function loadCurrent(ident: TableIdent, deps: TableJobDeps): Promise<LoadedMetadata> {
  return loadMetadata(deps.io, await deps.catalog.loadPointer(ident));
}

async function metadataDeletions(paths: readonly string[], io: FileIO): Promise<PlannedDeletion[]> {
  const out: PlannedDeletion[] = [];
  for (const path of paths) {
    const size = await io.size(path);
    if (size !== undefined) out.push({ path, kind: 'metadata-files', sizeBytes: size });
  }
  return out;
}

type Outcome = { plan: RetentionPlan; metadataCleanup?: MetadataCleanup; filePlan?: FilePlan; outcome: 'none' | 'committed' | 'conflict'; newLocation?: string; journalId?: string };

type Committed = Pick<Outcome, 'outcome' | 'newLocation' | 'journalId'>;

function unknownOutcome(ident: TableIdent, what: string): IcebergError {
  return new IcebergError('UNKNOWN_OUTCOME', `commit outcome of ${what} is unknown, so no files were deleted`, { subject: identText(ident), hint: 're-run the job: it re-reads the catalog and finishes the cleanup if the commit landed' });
}

/**
 * The commit for a catalog that writes the metadata file itself (REST): nothing of ours is written, so nothing is
 * undone; the journal records the expired snapshot ids instead, which tell a later run whether the commit landed.
 */
async function commitThroughCatalog(ident: TableIdent, base: LoadedMetadata, next: JsonObject, plan: RetentionPlan, filePlan: FilePlan, deps: TableJobDeps, counter: CommitCounter): Promise<Committed> {
  const commitChange = deps.catalog.commitChange?.bind(deps.catalog);
  if (commitChange === undefined) throw new IcebergError('INTERNAL', 'commitThroughCatalog needs a catalog with commitChange');
  const journalId = randomUUID();
  await deps.journal?.record({ id: journalId, table: ident, baseLocation: base.location, expiredSnapshotIds: plan.expiredSnapshotIds, state: 'committing', candidates: filePlan.deletions });
  counter.attempts += 1;
  const result = await commitChange(ident, { baseLocation: base.location, base: base.doc, next });
  if (result.outcome === 'unknown') throw unknownOutcome(ident, `the change over ${base.location}`);
  if (result.outcome === 'conflict') await deps.journal?.finish(journalId);
  // not-applied: the lost request could still land, so the entry stays for a later run to decide.
  if (result.outcome !== 'committed') return { outcome: 'conflict', journalId };
  // A commit verified by a reload names its file; otherwise the pointer now is ours or a later writer's on top.
  const location = result.location ?? (await deps.catalog.loadPointer(ident));
  if (result.location !== undefined) await deps.journal?.setCommittedLocation?.(journalId, result.location);
  return { outcome: 'committed', newLocation: location, journalId };
}

/** Plans against `base` and, unless dry-run, journals, writes (unless the catalog does) and tries to commit once. */
async function planAndCommit(ident: TableIdent, base: LoadedMetadata, options: TableJobOptions, deps: TableJobDeps, reader: ManifestReader, counter: CommitCounter): Promise<Outcome> {
  const now = deps.now();
  const plan = planRetention(base.view, options.retention, now);
  if (plan.expiredSnapshotIds.length === 0 && options.cleanExpiredMetadata !== true) return { plan, outcome: 'none' };
  const newLocation = nextMetadataLocation(base.view, base.location);
  const expired = applyRetention(base.doc, base.view, plan, now, base.location);
  const nextView = readTableMetadata(expired, newLocation);
  // Every fallible read happens before the first write: an unreadable kept snapshot aborts here, uncommitted.
  const files = await collectFilePlan(transition(base.view, nextView), reader);
  // Java 1.10+ cleans specs and schemas even when no snapshot expires.
  const metadataCleanup = options.cleanExpiredMetadata === true ? cleanExpiredMetadata(expired, { specIds: await usedSpecIds(nextView, reader) }) : undefined;
  const next = metadataCleanup?.doc ?? expired;
  const changed = plan.expiredSnapshotIds.length > 0 || (metadataCleanup !== undefined && metadataCleanup.removedSpecIds.length + metadataCleanup.removedSchemaIds.length > 0);
  if (!changed) return { plan, outcome: 'none' };
  // A catalog that writes its own metadata files also applies write.metadata.delete-after-commit.enabled itself
  // (Java's REST client leaves it to the server), so the job trims nothing then.
  const trimmed = deps.catalog.commitChange === undefined ? trimmedMetadataFiles(base.doc, next, nextView) : [];
  const filePlan: FilePlan = { ...files, deletions: [...files.deletions, ...(await metadataDeletions(trimmed, deps.io))] };
  const planned = { plan, ...(metadataCleanup ? { metadataCleanup } : {}), filePlan };
  if (options.dryRun) return { ...planned, outcome: 'none' };
  if (deps.signal?.aborted) throw stopped('before writing new metadata');
  if (deps.catalog.commitChange !== undefined) return { ...planned, ...(await commitThroughCatalog(ident, base, next, plan, filePlan, deps, counter)) };
  const journalId = randomUUID();
  await deps.journal?.record({ id: journalId, table: ident, baseLocation: base.location, newLocation, state: 'writing', candidates: filePlan.deletions });
  await writeMetadata(deps.io, newLocation, next);
  if (deps.signal?.aborted) {
    await deps.io.deleteFiles([newLocation]); // written, never referenced: undo it
    await deps.journal?.finish(journalId);
    throw stopped('before the commit');
  }
  await deps.journal?.setState(journalId, 'committing');
  counter.attempts += 1;
  const outcome = await deps.catalog.commit(ident, base.location, newLocation);
  if (outcome === 'unknown') throw unknownOutcome(ident, newLocation);
  if (outcome === 'conflict') {
    await deps.io.deleteFiles([newLocation]); // the UPDATE matched nothing: never referenced
    await deps.journal?.finish(journalId);
  }
  // not-applied: the lost UPDATE could still land, so its file and journal entry stay for a later run to decide.
  return { ...planned, outcome: outcome === 'committed' ? 'committed' : 'conflict', newLocation, journalId };
}

async function commitWithRetries(ident: TableIdent, first: LoadedMetadata, options: TableJobOptions, deps: TableJobDeps, reader: ManifestReader, counter: CommitCounter): Promise<Attempt> {
  const retry = commitRetryProperties(first.view.properties);
  const clock = deps.clock ?? Date.now;
  const started = clock();
  let base = first;
  for (let attempt = 0; ; attempt++) {
    const result = await planAndCommit(ident, base, options, deps, reader, counter);
    if (result.outcome !== 'conflict') {
      const removed = result.metadataCleanup ? { removedSpecIds: result.metadataCleanup.removedSpecIds, removedSchemaIds: result.metadataCleanup.removedSchemaIds } : undefined;
      return { base, plan: result.plan, metadataCleanup: removed, filePlan: result.filePlan, newLocation: result.newLocation, journalId: result.journalId, attempts: counter.attempts };
    }
    if (attempt >= retry.numRetries || clock() - started > retry.totalTimeoutMs) {
      throw new IcebergError('CONFLICT', `gave up after ${counter.attempts} commit attempt(s): the table kept changing`, { subject: identText(ident), hint: 'raise commit.retry.num-retries or run when writers are quieter' });
    }
    deps.log(`${identText(ident)}: commit conflict, re-planning (attempt ${attempt + 2})`);
    await deps.sleep(backoffMs(attempt, retry, deps.random));
    if (deps.signal?.aborted) throw stopped('between commit attempts');
    base = await loadCurrent(ident, deps);
  }
}

const LEFT_FOR_NEXT_RUN = 'stopped by a signal after the commit: the next run deletes the expired files';

export interface AfterCommit {
  readonly result: CleanupResult;
  readonly warnings: string[];
  /** Wall time spent deleting, for the files-per-second figure. */
  readonly deleteMs: number;
}

/**
 * After the commit: re-read the pointer, add what the transition to the current metadata expired (a writer may have
 * committed, even another expiration), journal that, and delete what the current metadata cannot reach.
 */
async function cleanupAfterCommit(ident: TableIdent, attempt: Attempt, deps: TableJobDeps, reader: ManifestReader): Promise<AfterCommit> {
  const none: CleanupResult = { deleted: [], failures: [], pending: [] };
  const left = { result: { ...none, pending: attempt.filePlan?.deletions ?? [] }, warnings: [LEFT_FOR_NEXT_RUN], deleteMs: 0 };
  const { base, journalId } = attempt;
  if (deps.signal?.aborted) return left;
  const clock = deps.clock ?? Date.now;
  try {
    const current = await loadCurrent(ident, deps);
    const since = await collectFilePlan(transition(base.view, current.view), reader);
    const candidates = unionOfCandidates(attempt.filePlan?.deletions ?? [], since.deletions);
    if (journalId !== undefined && candidates.length > (attempt.filePlan?.deletions.length ?? 0)) await deps.journal?.setCandidates(journalId, candidates);
    const started = clock();
    const done = await deleteUnreachable(candidates, current, reader, deps.io, {
      dryRun: false, onlyExisting: false, signal: deps.signal,
      onPhase: (kinds, n) => deps.log(`${identText(ident)}: deleting ${n} ${kinds.join('/')} file(s)`),
    });
    const deleteMs = clock() - started;
    if (journalId !== undefined) await deps.journal?.setCandidates(journalId, done.remaining);
    const warnings = [...since.warnings, ...(attempt.filePlan?.warnings ?? []).filter((w) => !since.warnings.includes(w))];
    const result = done.result ?? none;
    if (result.pending.length > 0) warnings.push(`stopped by a signal: ${result.pending.length} expired file(s) left for the next run to delete`);
    return { result, warnings, deleteMs };
  } catch (error) {
    if (isStopped(error)) return left;
    return { result: none, warnings: [`committed, but cleanup was skipped (the journal keeps it for the next run): ${describeError(error)}`], deleteMs: 0 };
  }
}

/**
 * Entries our own commit just decided: an earlier run's file whose base is no longer current can never land. Its
 * candidates are still reachable (it never committed), so only the file goes; the row goes with it.
 */
async function settleUndecided(ident: TableIdent, deps: TableJobDeps, ownEntry: string | undefined): Promise<void> {
  if (deps.journal === undefined) return;
  const current = await loadCurrent(ident, deps);
  for (const entry of await deps.journal.pending(ident)) {
    if (entry.id === ownEntry || fateOf(entry, current) !== 'never-committed') continue;
    if (entry.newLocation !== undefined) await deps.io.deleteFiles([entry.newLocation]);
    await deps.journal.finish(entry.id);
  }
}

export async function expireTable(ident: TableIdent, options: TableJobOptions, deps: TableJobDeps): Promise<TableSummary> {
  const clock = deps.clock ?? Date.now;
  const startedMs = clock();
  const name = identText(ident);
  const counter: CommitCounter = { attempts: 0 };
  let resumed: ResumedCleanup | undefined;
  try {
    const first = await loadCurrent(ident, deps);
    const reader = new ManifestReader(deps.io, deps.signal);
    if (deps.journal !== undefined) {
      resumed = await resumeCleanups(first, { ident, journal: deps.journal, io: deps.io, reader, dryRun: options.dryRun, signal: deps.signal, log: deps.log });
    }
    const attempt = await commitWithRetries(ident, first, options, deps, reader, counter);
    if (options.dryRun || attempt.newLocation === undefined) {
      return buildSummary({ name, options, attempt, counter, resumed, cleanup: undefined, startedMs, now: clock() });
    }
    const cleanup = await cleanupAfterCommit(ident, attempt, deps, reader);
    if (!deps.signal?.aborted) await settleUndecided(ident, deps, attempt.journalId).catch(() => undefined); // best effort: the next run decides too
    return buildSummary({ name, options, attempt, counter, resumed, cleanup, startedMs, now: clock() });
  } catch (error) {
    return buildSummary({ name, options, attempt: undefined, counter, resumed, cleanup: undefined, startedMs, now: clock(), error });
  }
}

export type { Attempt };
