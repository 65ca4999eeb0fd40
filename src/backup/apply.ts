/**
 * Runs a RestorePlan against the target registry: subjects into IMPORT (narrowest scope: the
 * subject), versions in plan order (a level at a time; versions of one level are independent),
 * soft deletes referrers first, then, in a `finally`, every subject back to its previous mode,
 * whatever failed; then configs and modes. Nothing is planned here.
 */
import { configToUpdate, RegistryError, RegistryErrorCodes, resolveReferenceSubject, type RegistryClient, type RegisterInput } from '../registry/index.js';
import { BackupError, messageOf } from './errors.js';
import type { VersionRecord } from './model.js';
import type { PlannedImport, RestorePlan, SettingChange } from './plan.js';
import { keyOf } from './topo-order.js';

export interface ApplyResult {
  readonly registered: number;
  readonly softDeleted: number;
  readonly settingsChanged: number;
}

export interface ApplyHooks {
  /** A step starts: `registering 120 versions`. */
  readonly step?: (title: string) => void;
  readonly onProgress?: (done: number, total: number) => void;
  /** Once aborted, no new write starts; the subjects that entered IMPORT are still put back. */
  readonly signal?: AbortSignal;
}

export async function applyPlan(client: RegistryClient, plan: RestorePlan, hooks: ApplyHooks = {}): Promise<ApplyResult> {
  // Backup (subject, version) → the target's version: differs only without preserved ids.
  const versionMap = new Map(plan.skip.map((s) => [keyOf(s.subject, s.version), s.targetVersion] as const));
  const entered: PlannedImport[] = [];
  let stuck: BackupError | undefined;
  let counts: { registered: number; softDeleted: number };
  try {
    try {
      counts = await importSteps(client, plan, versionMap, entered, hooks);
    } finally {
      stuck = await tryRestoreModes(client, entered, hooks);
    }
  } catch (failure) {
    // A subject left in IMPORT is the worse news, so the caller sees it first, with the cause.
    throw stuck ? withCause(stuck, failure) : failure;
  }
  if (stuck) throw stuck;
  hooks.step?.(`applying ${plan.settings.length} config and mode change(s)`);
  for (const change of plan.settings) {
    stopIfAborted(hooks.signal);
    await applySetting(client, change);
  }
  return { ...counts, settingsChanged: plan.settings.length };
}

/** The steps that need IMPORT mode; `entered` records each subject as it enters, for the caller to reset. */
async function importSteps(
  client: RegistryClient,
  plan: RestorePlan,
  versionMap: Map<string, number>,
  entered: PlannedImport[],
  hooks: ApplyHooks,
): Promise<{ registered: number; softDeleted: number }> {
  hooks.step?.(`entering IMPORT mode on ${plan.imports.length} subject(s)`);
  for (const imp of plan.imports) {
    stopIfAborted(hooks.signal);
    // Recorded before the call: if its outcome is unknown (timeout), the subject may be in IMPORT.
    entered.push(imp);
    await client.setSubjectMode(imp.subject, 'IMPORT', { force: imp.force });
  }
  hooks.step?.(`registering ${plan.register.length} version(s)`);
  const registered = await registerAll(client, plan, versionMap, hooks);
  hooks.step?.(`re-applying ${plan.softDeletes.length} soft delete(s)`);
  for (const d of plan.softDeletes) {
    stopIfAborted(hooks.signal);
    await softDelete(client, d.subject, versionMap.get(keyOf(d.subject, d.version)) ?? d.version);
  }
  return { registered, softDeleted: plan.softDeletes.length };
}

function stopIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  throw new BackupError('destination', 'the restore was cancelled', 'Run it again to finish; it resumes where it stopped');
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

async function registerAll(client: RegistryClient, plan: RestorePlan, versionMap: Map<string, number>, hooks: ApplyHooks): Promise<number> {
  let done = 0;
  hooks.onProgress?.(0, plan.register.length);
  const one = async (v: VersionRecord) => {
    stopIfAborted(hooks.signal);
    const body = registration(v, plan.preserveIds, versionMap);
    const result = await client.register(v.subject, body, { normalize: false });
    versionMap.set(keyOf(v.subject, v.version), result.version ?? (plan.preserveIds ? v.version : await registeredVersion(client, v, body)));
    hooks.onProgress?.(++done, plan.register.length);
  };
  if (!plan.preserveIds) {
    // Without explicit ids the registry hands them out in arrival order: keep the plan's order.
    for (const { record } of plan.register) await one(record);
    return done;
  }
  const levels = new Map<number, VersionRecord[]>();
  for (const { record, level } of plan.register) levels.set(level, [...(levels.get(level) ?? []), record]);
  for (const level of [...levels.keys()].sort((a, b) => a - b)) await settleAll((levels.get(level) ?? []).map(one));
  return done;
}

/**
 * Waits for every request of a level, then fails with the first failure (naming how many failed):
 * rejecting on the first would let the caller reset modes while siblings are still in flight.
 */
async function settleAll(pending: readonly Promise<void>[]): Promise<void> {
  const failures = (await Promise.allSettled(pending)).flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length === 0) return;
  if (failures.length === 1) throw failures[0];
  throw new BackupError(
    'destination',
    `${failures.length} registrations failed (first: ${messageOf(failures[0]).replace(/\.$/, '')})`,
    'Fix the cause and run the restore again; it resumes where it stopped',
    failures.map(messageOf),
  );
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

/** Puts every subject back; tries them all and returns an error naming the ones that stayed in IMPORT. */
async function tryRestoreModes(client: RegistryClient, entered: readonly PlannedImport[], hooks: ApplyHooks): Promise<BackupError | undefined> {
  if (entered.length === 0) return undefined;
  hooks.step?.(`restoring the previous mode of ${entered.length} subject(s)`);
  const failed: string[] = [];
  for (const imp of [...entered].reverse()) {
    try {
      if (imp.restoreTo !== undefined) await client.setSubjectMode(imp.subject, imp.restoreTo);
      else await client.deleteSubjectMode(imp.subject);
    } catch (error) {
      // No override to remove: the subject never entered IMPORT.
      if (error instanceof RegistryError && error.httpStatus === 404) continue;
      failed.push(`${imp.subject}: ${messageOf(error)}`);
    }
  }
  if (failed.length === 0) return undefined;
  return new BackupError(
      'destination',
      `could not take ${failed.length} subject(s) out of IMPORT mode (${failed.slice(0, 3).join('; ')})`,
      'Run the restore again (it resets subjects found in IMPORT), or PUT /mode/{subject} by hand',
      failed,
  );
}

function withCause(stuck: BackupError, failure: unknown): BackupError {
  return new BackupError(stuck.kind, `${stuck.problem}; the restore had failed before: ${messageOf(failure).replace(/\.$/, '')}`, stuck.hint, stuck.details);
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
