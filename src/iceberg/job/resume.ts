/**
 * Finishing what interrupted runs left in the cleanup journal, before this run plans anything. An entry's commit
 * landed iff its new metadata file is current or in the current metadata-log (another writer may have committed
 * on top); then its candidates the current metadata cannot reach are deleted. A file not in the chain whose base
 * is no longer current can never land (its compare-and-swap needs that base): it goes, and its candidates are
 * re-checked the same way (the log may have been trimmed past a commit that did land). An entry whose catalog wrote
 * the metadata file itself (REST) has no file of ours: it landed iff the catalog's recorded file is current or in the
 * log, or the table moved past the base and none of the snapshots it expired is current. While the base is still
 * current the entry is undecided, whatever its state says: its run may still be alive, about to commit (or die),
 * so nothing is deleted; once any commit moves the pointer on, it is decided.
 */
import { type TableIdent, identText } from '../catalog/sql-catalog.js';
import type { ManifestReader } from '../cleanup/manifest-reader.js';
import type { CleanupResult } from '../cleanup/execute.js';
import { describeError, isStopped } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { deleteUnreachable } from '../journal/finish.js';
import type { CleanupJournal, JournalEntry } from '../journal/journal.js';
import type { LoadedMetadata } from '../metadata/files.js';
import { metadataLogFiles } from '../metadata/metadata-log.js';
import { expirationProperties } from '../metadata/properties.js';
import type { PlannedDeletion } from '../plan/file-plan.js';

export interface ResumedCleanup {
  /** Deleted (or, in a dry run, to be deleted) files of interrupted cleanups. */
  readonly planned: readonly PlannedDeletion[];
  /** undefined in a dry run: the plan is reported, not executed. */
  readonly result: CleanupResult | undefined;
  readonly warnings: readonly string[];
}

export interface ResumeContext {
  readonly ident: TableIdent;
  readonly journal: CleanupJournal;
  readonly io: FileIO;
  readonly reader: ManifestReader;
  readonly dryRun: boolean;
  readonly signal?: AbortSignal | undefined;
  readonly log: (line: string) => void;
}

export type EntryFate = 'committed' | 'never-committed' | 'undecided';

function inChain(location: string | undefined, current: LoadedMetadata): boolean {
  return location !== undefined && (current.location === location || metadataLogFiles(current.doc).includes(location));
}

export function fateOf(entry: JournalEntry, current: LoadedMetadata): EntryFate {
  if (inChain(entry.newLocation, current) || inChain(entry.committedLocation, current)) return 'committed';
  if (current.location === entry.baseLocation) return 'undecided';
  if (entry.newLocation === undefined && entry.expiredSnapshotIds !== undefined) {
    const live = new Set(current.view.snapshots.map((s) => s.id));
    if (!entry.expiredSnapshotIds.some((id) => live.has(id))) return 'committed';
  }
  return 'never-committed';
}

/** What the run knew of the entry's commit, for its warnings. */
function commitOf(entry: JournalEntry): string {
  return entry.newLocation ?? `over ${entry.baseLocation}`;
}

async function resumeEntry(entry: JournalEntry, current: LoadedMetadata, ctx: ResumeContext): Promise<{ planned: readonly PlannedDeletion[]; result?: CleanupResult; warnings: string[] }> {
  const fate = fateOf(entry, current);
  if (fate === 'undecided') {
    return { planned: [], warnings: [`the commit ${entry.newLocation === undefined ? '' : 'of '}${commitOf(entry)} by an interrupted run is still undecided (the catalog still points at its base), so its cleanup waits for a later run`] };
  }
  const warnings: string[] = [];
  if (fate === 'never-committed' && entry.newLocation !== undefined) {
    if (!ctx.dryRun) await ctx.io.deleteFiles([entry.newLocation]);
    warnings.push(`${ctx.dryRun ? 'would remove' : 'removed'} ${entry.newLocation}, written by an interrupted run that never committed it`);
  } else if (fate === 'never-committed') {
    warnings.push(`the commit ${commitOf(entry)} by an interrupted run never landed (the catalog wrote no file of ours), so only files the current metadata no longer reaches are deleted`);
  }
  if (!expirationProperties(current.view.properties).gcEnabled) {
    return { planned: [], warnings: [...warnings, 'gc.enabled is now false, so the cleanup of an interrupted run waits (nothing deleted)'] };
  }
  const done = await deleteUnreachable(entry.candidates, current, ctx.reader, ctx.io, { dryRun: ctx.dryRun, onlyExisting: true, signal: ctx.signal });
  if (!ctx.dryRun) await ctx.journal.setCandidates(entry.id, done.remaining);
  return { planned: done.planned, ...(done.result ? { result: done.result } : {}), warnings };
}

/** Resumes every journalled cleanup of the table; undefined when there was none. */
export async function resumeCleanups(current: LoadedMetadata, ctx: ResumeContext): Promise<ResumedCleanup | undefined> {
  const entries = await ctx.journal.pending(ctx.ident);
  if (entries.length === 0) return undefined;
  const planned: PlannedDeletion[] = [];
  const result = { deleted: [] as PlannedDeletion[], failures: [] as CleanupResult['failures'][number][], pending: [] as PlannedDeletion[] };
  const warnings: string[] = [];
  for (const entry of entries) {
    try {
      const one = await resumeEntry(entry, current, ctx);
      planned.push(...one.planned);
      warnings.push(...one.warnings);
      if (one.result) {
        result.deleted.push(...one.result.deleted);
        result.failures.push(...one.result.failures);
        result.pending.push(...one.result.pending);
      }
    } catch (error) {
      if (isStopped(error)) throw error;
      warnings.push(`an interrupted cleanup was not finished (kept in the journal for the next run): ${describeError(error)}`);
    }
  }
  if (planned.length > 0) ctx.log(`${identText(ctx.ident)}: ${ctx.dryRun ? 'would finish' : 'finished'} ${planned.length} deletion(s) of interrupted runs`);
  return { planned, result: ctx.dryRun ? undefined : result, warnings };
}
