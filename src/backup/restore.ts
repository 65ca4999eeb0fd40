/**
 * The restore, as named steps: parse and verify the backup (before any request), select, read the
 * target, plan; then, unless it is a dry run or something conflicts, apply and verify.
 */
import type { RegistryClient } from '../registry/index.js';
import { applyPlan, type ApplyHooks, type ApplyResult } from './apply.js';
import { collectSnapshot } from './collect.js';
import type { RegistrySnapshot } from './model.js';
import { planRestore, type RestorePlan } from './plan.js';
import { isFullRestore, selectFromBackup, type Selection } from './select.js';
import { diffSnapshots, idReuseWarnings } from './verify.js';

export interface RestoreOptions {
  readonly selection: Selection;
  readonly preserveIds: boolean;
  readonly dryRun: boolean;
}

export interface RestoreOutcome {
  readonly plan: RestorePlan;
  /** Absent for a dry run or a plan with conflicts. */
  readonly applied?: ApplyResult;
  /** Differences found after applying (empty when the target matches the backup). */
  readonly differences: readonly string[];
  /** After a full restore with ids: contexts where the target could hand out ids the source had used. */
  readonly warnings: readonly string[];
}

export interface RestoreHooks extends ApplyHooks {
  /** Called with the plan before anything is written; awaited. */
  readonly onPlan?: (plan: RestorePlan) => void | Promise<void>;
}

export async function restoreSnapshot(
  client: RegistryClient,
  backup: RegistrySnapshot,
  options: RestoreOptions,
  hooks: RestoreHooks = {},
): Promise<RestoreOutcome> {
  const wanted = selectFromBackup(backup, options.selection);
  const full = isFullRestore(options.selection);
  hooks.step?.('reading the target registry');
  const target = await readTarget(client, wanted);
  const plan = planRestore(wanted, target, { preserveIds: options.preserveIds, full });
  await hooks.onPlan?.(plan);
  if (options.dryRun || plan.conflicts.length > 0) return { plan, differences: [], warnings: [] };
  const applied = await applyPlan(client, plan, hooks);
  hooks.step?.('verifying the target against the backup');
  const after = await readTarget(client, wanted);
  const differences = diffSnapshots(wanted, after, { exactIds: options.preserveIds, full });
  return { plan, applied, differences, warnings: options.preserveIds && full ? idReuseWarnings(wanted, after) : [] };
}

async function readTarget(client: RegistryClient, wanted: RegistrySnapshot): Promise<RegistrySnapshot> {
  const { snapshot } = await collectSnapshot(client, {
    includeDeleted: true,
    listing: 'auto',
    settingsFilter: (s) => wanted.subjects.has(s),
  });
  return snapshot;
}
