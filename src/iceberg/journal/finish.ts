/**
 * Finishing journalled deletions against whatever metadata is current now: a candidate goes only when the current
 * metadata cannot reach it (a writer may have committed since, even re-adding a file). Files already gone are
 * dropped first when asked, so a resumed cleanup reports only what it really deleted.
 */
import { reachableFiles } from '../cleanup/reachable.js';
import { type CleanupResult, type ExecuteOptions, executeFilePlan } from '../cleanup/execute.js';
import type { ManifestReader } from '../cleanup/manifest-reader.js';
import { type FileIO, mapWithConcurrency } from '../io/file-io.js';
import type { LoadedMetadata } from '../metadata/files.js';
import { type PlannedDeletion, sameObjectKey } from '../plan/file-plan.js';

const STAT_CONCURRENCY = 16;

export interface FinishOptions extends ExecuteOptions {
  /** Plan only: report what would go. */
  readonly dryRun: boolean;
  /** Drop candidates that no longer exist (a resumed cleanup, whose earlier run deleted some). */
  readonly onlyExisting: boolean;
}

export interface FinishedDeletions {
  /** The candidates that were (or, in a dry run, would be) deleted. */
  readonly planned: readonly PlannedDeletion[];
  readonly result: CleanupResult | undefined;
  /** What is still to do: failed and stopped deletions (empty when finished). */
  readonly remaining: readonly PlannedDeletion[];
}

/** Unique by object, in the order first seen. */
export function unionOfCandidates(...lists: ReadonlyArray<readonly PlannedDeletion[]>): PlannedDeletion[] {
  const out = new Map<string, PlannedDeletion>();
  for (const list of lists) for (const d of list) if (!out.has(sameObjectKey(d.path))) out.set(sameObjectKey(d.path), d);
  return [...out.values()];
}

export async function deleteUnreachable(candidates: readonly PlannedDeletion[], current: LoadedMetadata, reader: ManifestReader, io: FileIO, options: FinishOptions): Promise<FinishedDeletions> {
  const reachable = await reachableFiles(current, reader);
  let todo = candidates.filter((d) => !reachable.has(sameObjectKey(d.path)));
  if (options.onlyExisting) {
    const sizes = await mapWithConcurrency(todo, STAT_CONCURRENCY, (d) => io.size(d.path));
    todo = todo.filter((_, i) => sizes[i] !== undefined);
  }
  if (options.dryRun) return { planned: todo, result: undefined, remaining: todo };
  const result = await executeFilePlan({ version: 1, deletions: todo, warnings: [] }, io, options);
  const failed = new Set(result.failures.map((f) => f.path));
  return { planned: todo, result, remaining: [...todo.filter((d) => failed.has(d.path)), ...result.pending] };
}
