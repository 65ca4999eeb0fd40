/** The metrics of `guardrails restore`, from the typed result of each of its three modes. */
import type { GitHistoryResult, ResetModesResult, RestoreOutcome } from '../../backup/index.js';
import { sample, type JobSample } from '../../scheduler/job-metric-catalogue.js';

interface RestoreCounts {
  readonly registered: number;
  readonly conflicts: number;
  readonly modesReset: number;
  readonly leftInImport: number;
}

function samples(counts: RestoreCounts): JobSample[] {
  return [
    sample('restoreVersionsRegistered', counts.registered, {}),
    sample('restoreConflicts', counts.conflicts, {}),
    sample('restoreModesReset', counts.modesReset, {}),
    sample('restoreLeftInImport', counts.leftInImport, {}),
  ];
}

/** A restore of a backup; a dry run or a plan with conflicts wrote nothing, so left nothing in IMPORT. */
export function restoreMetrics(outcome: RestoreOutcome): JobSample[] {
  const applied = outcome.applied;
  return samples({
    registered: applied?.registered ?? 0,
    conflicts: outcome.plan.conflicts.length,
    modesReset: applied?.modes.reset.length ?? 0,
    leftInImport: applied?.modes.left.length ?? 0,
  });
}

/**
 * `--reset-modes`: what it could not put back, or (stopped) did not reach, may still be in IMPORT;
 * a dry run changes nothing, so every subject it found in IMPORT is still there.
 */
export function resetModesMetrics(result: ResetModesResult, dryRun: boolean): JobSample[] {
  return samples({
    registered: 0,
    conflicts: 0,
    modesReset: dryRun ? 0 : result.reset.length,
    leftInImport: (dryRun ? result.reset.length : 0) + result.failed.length + result.notDone.length,
  });
}

/** `--schemas-at`: registers without IMPORT, so it leaves none. */
export function gitHistoryMetrics(result: GitHistoryResult): JobSample[] {
  return samples({ registered: result.entries.filter((e) => e.action === 'registered').length, conflicts: 0, modesReset: 0, leftInImport: 0 });
}
