/**
 * Executes a file plan in its safe order (content, manifests, lists, statistics, old metadata files), kind by kind, so a crash leaves
 * manifest lists — the entry points a re-run uses to rediscover the rest — until last. Failures are reported,
 * never thrown: a file left behind is an orphan, not a broken table. After a stop no new delete starts; what is
 * left is `pending`, and the next run's resume finishes it (the lists are still there to find it by).
 */
import type { DeleteFailure, FileIO } from '../io/file-io.js';
import type { FilePlan, PlannedDeletion } from '../plan/file-plan.js';

export interface CleanupResult {
  readonly deleted: readonly PlannedDeletion[];
  readonly failures: readonly DeleteFailure[];
  /** Planned deletions a stop kept from starting. */
  readonly pending: readonly PlannedDeletion[];
}

const PHASES: ReadonlyArray<ReadonlyArray<PlannedDeletion['kind']>> = [
  ['data', 'position-deletes', 'equality-deletes', 'deletion-vectors'],
  ['manifests'],
  ['manifest-lists'],
  ['statistics'],
  ['metadata-files'],
];

export interface ExecuteOptions {
  readonly onPhase?: (kinds: readonly string[], count: number) => void;
  readonly signal?: AbortSignal | undefined;
}

export async function executeFilePlan(plan: FilePlan, io: FileIO, options: ExecuteOptions = {}): Promise<CleanupResult> {
  const deleted: PlannedDeletion[] = [];
  const failures: DeleteFailure[] = [];
  const pending: PlannedDeletion[] = [];
  for (const kinds of PHASES) {
    const batch = plan.deletions.filter((d) => kinds.includes(d.kind));
    if (batch.length === 0) continue;
    if (options.signal?.aborted) {
      pending.push(...batch);
      continue;
    }
    options.onPhase?.(kinds, batch.length);
    const failed = await io.deleteFiles(batch.map((d) => d.path), options.signal);
    const skipped = new Set(failed.filter((f) => f.notAttempted).map((f) => f.path));
    const failedPaths = new Set(failed.map((f) => f.path));
    failures.push(...failed.filter((f) => !f.notAttempted));
    pending.push(...batch.filter((d) => skipped.has(d.path)));
    deleted.push(...batch.filter((d) => !failedPaths.has(d.path)));
  }
  return { deleted, failures, pending };
}
