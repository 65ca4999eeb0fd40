/**
 * Runs a RestorePlan against the target registry: subjects into IMPORT (narrowest scope: the
 * subject), versions in plan order (a level at a time; versions of one level are independent),
 * soft deletes referrers first, then, in a `finally`, every subject back to its previous mode,
 * whatever failed; then configs and modes. Nothing is planned here.
 *
 * A stop (the signal) starts no new write: each write goes through a bounded pool that takes the
 * next item only while the signal is not aborted, and the client refuses to send once it is. What
 * is in flight settles, modes are put back, and the result says what was done and what was not.
 */
import { configToUpdate, RegistryError, RegistryErrorCodes, resolveReferenceSubject, type RegistryClient, type RegisterInput } from '../registry/index.js';
import { BackupError, messageOf } from './errors.js';
import { putModesBack, type ModeResetDeps, type ModeResetOutcome } from './mode-reset.js';
import type { VersionRecord } from './model.js';
import type { PlannedImport, RestorePlan, SettingChange } from './plan.js';
import { runPool, type PoolOutcome } from './pool.js';
import { keyOf } from './topo-order.js';

export interface ApplyResult {
  /** True when a stop ended the run before the plan was done. */
  readonly stopped: boolean;
  readonly registered: number;
  /** Planned registrations not made (a stop), in plan order. */
  readonly notRegistered: readonly { readonly subject: string; readonly version: number }[];
  readonly softDeleted: number;
  readonly settingsChanged: number;
  /** The subjects put back from IMPORT, and any that may still be in it. */
  readonly modes: ModeResetOutcome;
}

export interface ApplyDeps extends ModeResetDeps {
  /** A step starts: `registering 120 versions`. */
  readonly step?: (title: string) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

interface Progress {
  registered: number;
  softDeleted: number;
  notRegistered: { subject: string; version: number }[];
  stopped: boolean;
}

export async function applyPlan(client: RegistryClient, plan: RestorePlan, deps: ApplyDeps): Promise<ApplyResult> {
  // Backup (subject, version) → the target's version: differs only without preserved ids.
  const versionMap = new Map(plan.skip.map((s) => [keyOf(s.subject, s.version), s.targetVersion] as const));
  const entered: PlannedImport[] = [];
  const progress: Progress = { registered: 0, softDeleted: 0, notRegistered: [], stopped: false };
  let modes: ModeResetOutcome = { reset: [], left: [] };
  try {
    try {
      await importSteps(client, plan, versionMap, entered, progress, deps);
    } finally {
      if (entered.length > 0) deps.step?.(`restoring the previous mode of ${entered.length} subject(s)`);
      modes = await putModesBack(entered, deps);
    }
  } catch (failure) {
    // A subject left in IMPORT is the worse news, so the caller sees it first, with the cause.
    const stuck = stuckError(modes);
    throw stuck ? withCause(stuck, failure) : refusedWrite(failure);
  }
  const result = (settingsChanged: number): ApplyResult => ({ ...progress, settingsChanged, modes });
  if (progress.stopped || deps.signal.aborted) return result(0);
  const stuck = stuckError(modes);
  if (stuck) throw stuck;
  deps.step?.(`applying ${plan.settings.length} config and mode change(s)`);
  let changed = 0;
  for (const change of plan.settings) {
    if (deps.signal.aborted) return { ...result(changed), stopped: true };
    try {
      await applySetting(client, change);
    } catch (error) {
      if (deps.signal.aborted && cancelled(error)) return { ...result(changed), stopped: true };
      throw refusedWrite(error);
    }
    changed++;
  }
  return result(changed);
}

/** The steps that need IMPORT mode; `entered` records each subject as it enters, for the caller to reset. */
async function importSteps(
  client: RegistryClient,
  plan: RestorePlan,
  versionMap: Map<string, number>,
  entered: PlannedImport[],
  progress: Progress,
  deps: ApplyDeps,
): Promise<void> {
  deps.step?.(`entering IMPORT mode on ${plan.imports.length} subject(s)`);
  const enter = async (imp: PlannedImport) => {
    // Recorded before the call: if its outcome is unknown (timeout), the subject may be in IMPORT.
    entered.push(imp);
    await client.setSubjectMode(imp.subject, 'IMPORT', { force: imp.force }).catch((error: unknown) => {
      if (neverSent(error)) entered.splice(entered.indexOf(imp), 1);
      throw error;
    });
  };
  const imports = await inPool(plan.imports, enter, deps);
  if (stoppedBy(imports, deps, progress)) return notRegistered(plan.register.map((r) => r.record), progress);
  deps.step?.(`registering ${plan.register.length} version(s)`);
  await registerAll(client, plan, versionMap, progress, deps);
  if (progress.stopped) return;
  deps.step?.(`re-applying ${plan.softDeletes.length} soft delete(s)`);
  for (const d of plan.softDeletes) {
    if (deps.signal.aborted) return void (progress.stopped = true);
    try {
      await softDelete(client, d.subject, versionMap.get(keyOf(d.subject, d.version)) ?? d.version);
    } catch (error) {
      if (deps.signal.aborted && cancelled(error)) return void (progress.stopped = true);
      throw error;
    }
    progress.softDeleted++;
  }
}

/** Items through the pool; it stops taking new ones on a stop or the first failure. */
function inPool<T>(items: readonly T[], work: (item: T) => Promise<void>, deps: ApplyDeps): Promise<PoolOutcome<T>> {
  let failed = false;
  return runPool(
    items,
    deps.concurrency,
    async (item) => {
      try {
        await work(item);
      } catch (error) {
        if (!cancelled(error)) failed = true;
        throw error;
      }
    },
    () => !failed && !deps.signal.aborted,
  );
}

/**
 * Throws the first real failure (after every item in work settled), naming how many failed; true
 * when a stop ended the step instead. Requests cut or never sent because of the stop are not failures.
 */
function stoppedBy<T>(outcome: PoolOutcome<T>, deps: ApplyDeps, progress: Progress): boolean {
  // Once stopped, whatever did not finish is reported as not done, not as the run's failure.
  if (deps.signal.aborted) return (progress.stopped = true);
  const failures = outcome.failed.filter((f) => !cancelled(f.error)).map((f) => f.error);
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    throw new BackupError(
      'destination',
      `${failures.length} registrations failed (first: ${messageOf(failures[0]).replace(/\.$/, '')})`,
      'Fix the cause and run the restore again; it resumes where it stopped',
      failures.map(messageOf),
    );
  }
  return false;
}

function notRegistered(records: readonly VersionRecord[], progress: Progress): void {
  progress.notRegistered.push(...records.map((r) => ({ subject: r.subject, version: r.version })));
}

function cancelled(error: unknown): boolean {
  return error instanceof RegistryError && error.kind === 'cancelled';
}

function neverSent(error: unknown): boolean {
  return cancelled(error) && (error as RegistryError).attempts === 0;
}

/** 40406 (already soft-deleted) is the goal reached: typically a retry after a lost response. */
async function softDelete(client: RegistryClient, subject: string, version: number): Promise<void> {
  try {
    await client.deleteVersion(subject, version);
  } catch (error) {
    if (error instanceof RegistryError && error.code === RegistryErrorCodes.VERSION_SOFT_DELETED) return;
    throw error;
  }
}

async function registerAll(client: RegistryClient, plan: RestorePlan, versionMap: Map<string, number>, progress: Progress, deps: ApplyDeps): Promise<void> {
  const total = plan.register.length;
  deps.onProgress?.(0, total);
  const one = async (v: VersionRecord) => {
    const body = registration(v, plan.preserveIds, versionMap);
    const result = await client.register(v.subject, body, { normalize: false });
    versionMap.set(keyOf(v.subject, v.version), result.version ?? (plan.preserveIds ? v.version : await registeredVersion(client, v, body)));
    deps.onProgress?.(++progress.registered, total);
  };
  // Without explicit ids the registry hands them out in arrival order: one at a time, in plan order.
  const levels = plan.preserveIds ? byLevel(plan) : plan.register.map(({ record }) => [record]);
  for (const [index, level] of levels.entries()) {
    const outcome = plan.preserveIds ? await inPool(level, one, deps) : await inPool(level, one, { ...deps, concurrency: 1 });
    if (stoppedBy(outcome, deps, progress)) {
      const unfinished = new Set([...outcome.failed.map((f) => f.item), ...outcome.notStarted]);
      return notRegistered([...level.filter((v) => unfinished.has(v)), ...levels.slice(index + 1).flat()], progress);
    }
  }
}

function byLevel(plan: RestorePlan): VersionRecord[][] {
  const levels = new Map<number, VersionRecord[]>();
  for (const { record, level } of plan.register) levels.set(level, [...(levels.get(level) ?? []), record]);
  return [...levels.keys()].sort((a, b) => a - b).map((level) => levels.get(level) ?? []);
}

/**
 * The version the target gave a registration whose response named none (older servers answer
 * `{id}` only). Without preserved ids it can differ from the backup's, and the soft deletes and
 * references that follow need the target's.
 */
async function registeredVersion(client: RegistryClient, v: VersionRecord, body: RegisterInput): Promise<number> {
  const found = await client.lookupSchema(v.subject, body, { normalize: false }).catch((error: unknown) => {
    throw new BackupError('destination', `'${v.subject}' version ${v.version} was registered but its version on the target could not be read (${messageOf(error)})`, 'Run the restore again');
  });
  if (found) return found.version;
  throw new BackupError(
    'destination',
    `'${v.subject}' version ${v.version} was registered but the target does not find it by lookup`,
    'Check the target registry, then run the restore again',
  );
}

/**
 * The registration body. `normalize=false` and no metadata inheritance keep the stored text byte
 * for byte (registry-backup-restore.md §4).
 */
function registration(v: VersionRecord, preserveIds: boolean, versionMap: ReadonlyMap<string, number>): RegisterInput {
  const references = v.references.map((r) => {
    const mapped = versionMap.get(keyOf(resolveReferenceSubject(v.subject, r.subject), r.version));
    return preserveIds || mapped === undefined ? r : { ...r, version: mapped };
  });
  return {
    schema: v.schema,
    schemaType: v.schemaType,
    references,
    ...(v.metadata !== undefined ? { metadata: v.metadata } : {}),
    ...(v.ruleSet !== undefined ? { ruleSet: v.ruleSet } : {}),
    ...(preserveIds ? { id: v.id, version: v.version } : {}),
  };
}

function stuckError(modes: ModeResetOutcome): BackupError | undefined {
  if (modes.left.length === 0) return undefined;
  const failed = modes.left.map((l) => `${l.subject}: ${l.reason}`);
  return new BackupError(
    'destination',
    `could not take ${failed.length} subject(s) out of IMPORT mode (${failed.slice(0, 3).join('; ')})`,
    'Run guardrails restore --reset-modes with the same backup, or PUT /mode/{subject} by hand',
    failed,
  );
}

function withCause(stuck: BackupError, failure: unknown): BackupError {
  return new BackupError(stuck.kind, `${stuck.problem}; the restore had failed before: ${messageOf(failure).replace(/\.$/, '')}`, stuck.hint, stuck.details);
}

/**
 * A write the target refused for want of rights, once the restore has begun writing, is a failed
 * run, not bad input: the credentials were good enough to read and plan.
 */
function refusedWrite(error: unknown): unknown {
  if (!(error instanceof RegistryError) || (error.kind !== 'forbidden' && error.kind !== 'unauthorized')) return error;
  return new BackupError('destination', `the target refused a write: ${error.message.replace(/\.$/, '')}`, 'The credentials need the rights to change modes and register with ids (Confluent Cloud: ResourceOwner); run the restore again after fixing them');
}

async function applySetting(client: RegistryClient, change: SettingChange): Promise<void> {
  const scope = change.scope === 'context' ? `:${change.name}:` : change.name;
  if (change.kind === 'config') {
    if (change.action === 'remove' || change.replace) await client.deleteSubjectConfig(scope);
    if (change.action === 'set' && change.config) {
      const update = configToUpdate({ raw: change.config });
      if (change.scope === 'global') await client.setGlobalConfig(update);
      else await client.setSubjectConfig(scope, update);
    }
    return;
  }
  if (change.action === 'remove') await client.deleteSubjectMode(scope);
  else if (change.mode && change.scope === 'global') await client.setGlobalMode(change.mode, { force: true });
  else if (change.mode) await client.setSubjectMode(scope, change.mode, { force: true });
}
