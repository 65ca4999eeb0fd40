/**
 * The restore, as named steps: select, read the target, plan; then, unless it is a dry run or
 * something conflicts, apply and verify. The backup was parsed and verified (SHA256SUMS) before.
 */
import type { RegistryClient } from '../registry/index.js';
import { applyPlan, type ApplyDeps, type ApplyResult } from './apply.js';
import { collectSnapshot } from './collect.js';
import type { RegistrySnapshot } from './model.js';
import { planRestore, type RestorePlan } from './plan.js';
import { isFullRestore, selectFromBackup, type Selection } from './select.js';
import { diffSnapshots, idReuseWarnings } from './verify.js';

export interface RestoreOptions {
  /** The backup, parsed and verified. */
  readonly backup: RegistrySnapshot;
  readonly selection: Selection;
  readonly preserveIds: boolean;
  readonly dryRun: boolean;
}

export interface RestoreOutcome {
  readonly plan: RestorePlan;
  /** Absent for a dry run or a plan with conflicts. */
  readonly applied?: ApplyResult;
  /** Differences found after applying (empty when the target matches the backup, or after a stop). */
  readonly differences: readonly string[];
  /** The target was read again and compared; false for a dry run, conflicts, or a stop. */
  readonly verified: boolean;
  /** After a full restore with ids: contexts where the target could hand out ids the source had used. */
  readonly warnings: readonly string[];
}

export interface RestoreDeps extends ApplyDeps {
  /** The target; it sends nothing once `signal` is aborted. */
  readonly client: RegistryClient;
  /** Called with the plan before anything is written; awaited. */
  readonly onPlan?: (plan: RestorePlan) => void | Promise<void>;
}

export async function restore(options: RestoreOptions, deps: RestoreDeps): Promise<RestoreOutcome> {
  const wanted = selectFromBackup(options.backup, options.selection);
  const full = isFullRestore(options.selection);
  deps.step?.('reading the target registry');
  const target = await readTarget(deps.client, wanted);
  const plan = planRestore(wanted, target, { preserveIds: options.preserveIds, full });
  await deps.onPlan?.(plan);
  if (options.dryRun || plan.conflicts.length > 0) return { plan, differences: [], warnings: [], verified: false };
  const applied = await applyPlan(deps.client, plan, deps);
  // A stop after the last write leaves the restore done but not verified.
  if (applied.stopped || deps.signal.aborted) return { plan, applied, differences: [], warnings: [], verified: false };
  deps.step?.('verifying the target against the backup');
  const after = await readTarget(deps.client, wanted);
  const differences = diffSnapshots(wanted, after, { exactIds: options.preserveIds, full });
  return { plan, applied, differences, warnings: options.preserveIds && full ? idReuseWarnings(wanted, after) : [], verified: true };
}

async function readTarget(client: RegistryClient, wanted: RegistrySnapshot): Promise<RegistrySnapshot> {
  const { snapshot } = await collectSnapshot(client, {
    includeDeleted: true,
    listing: 'auto',
    settingsFilter: (s) => wanted.subjects.has(s),
  });
  return snapshot;
}
