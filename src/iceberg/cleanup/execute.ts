/**
 * Executes a file plan in its safe order (content, manifests, lists, statistics), kind by kind, so a crash leaves
 * manifest lists — the entry points a re-run uses to rediscover the rest — until last. Failures are reported,
 * never thrown: a file left behind is an orphan, not a broken table.
 */
import type { DeleteFailure, FileIO } from '../io/file-io.js';
import type { FilePlan, PlannedDeletion } from '../plan/file-plan.js';

export interface CleanupResult {
  readonly deleted: readonly PlannedDeletion[];
  readonly failures: readonly DeleteFailure[];
}

const PHASES: ReadonlyArray<ReadonlyArray<PlannedDeletion['kind']>> = [
  ['data', 'position-deletes', 'equality-deletes', 'deletion-vectors'],
  ['manifests'],
  ['manifest-lists'],
  ['statistics'],
];

export async function executeFilePlan(plan: FilePlan, io: FileIO, onPhase?: (kinds: readonly string[], count: number) => void): Promise<CleanupResult> {
  const deleted: PlannedDeletion[] = [];
  const failures: DeleteFailure[] = [];
  for (const kinds of PHASES) {
    const batch = plan.deletions.filter((d) => kinds.includes(d.kind));
    if (batch.length === 0) continue;
    onPhase?.(kinds, batch.length);
    const failed = await io.deleteFiles(batch.map((d) => d.path));
    const failedPaths = new Set(failed.map((f) => f.path));
    failures.push(...failed);
    deleted.push(...batch.filter((d) => !failedPaths.has(d.path)));
  }
  return { deleted, failures };
}
