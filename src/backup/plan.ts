/**
 * The restore plan (pure): what to register, what is already there and identical, what conflicts,
 * which soft deletes to re-apply, which subjects enter IMPORT, and which configs and modes change.
 * `--dry-run` prints it; the restore runs it. Planning again after a crash gives the remaining
 * work, which is what makes the restore resumable and a second run a no-op.
 */
import { parseQualifiedSubject, type RegistryMode } from '../registry/index.js';
import { canonicalJson } from './canonical-json.js';
import { contentOf, type RegistrySnapshot, type ScopeSettings, type VersionRecord } from './model.js';
import { keyOf, referencedKeys, topologicalOrder } from './topo-order.js';

export const PLAN_FORMAT_VERSION = 1;

export interface PlanOptions {
  /** Register with the backup's ids and versions in IMPORT mode (default). */
  readonly preserveIds: boolean;
  /** Also restore global and context config and mode. */
  readonly full: boolean;
}

export interface PlannedRegistration {
  readonly record: VersionRecord;
  /** 0 for versions that reference nothing being registered; versions of one level are independent. */
  readonly level: number;
}

export interface PlannedSkip {
  readonly subject: string;
  readonly version: number;
  readonly id: number;
  /** The version that holds this content in the target (differs from `version` only without preserved ids). */
  readonly targetVersion: number;
}

export interface Conflict {
  readonly subject: string;
  readonly version?: number;
  readonly message: string;
}

export interface PlannedImport {
  readonly subject: string;
  /** The subject already has versions (live or soft-deleted): entering IMPORT needs `force`. */
  readonly force: boolean;
  /** The subject's own mode to put back afterwards; absent: remove the override. */
  readonly restoreTo?: RegistryMode;
  /** The subject was found in IMPORT, most likely left there by an interrupted restore. */
  readonly leftInImport: boolean;
}

export interface SettingChange {
  readonly scope: 'global' | 'context' | 'subject';
  /** The subject, the context (`.ctx`), or '' for global. */
  readonly name: string;
  readonly kind: 'config' | 'mode';
  /** `remove`: delete the override, so the scope inherits. */
  readonly action: 'set' | 'remove';
  readonly config?: Readonly<Record<string, unknown>>;
  readonly mode?: RegistryMode;
  /** The target has config fields the backup lacks: remove the override before setting it. */
  readonly replace?: boolean;
}

export interface RestorePlan {
  readonly formatVersion: number;
  readonly preserveIds: boolean;
  /** In topological order of references, ties by id, subject, version. */
  readonly register: readonly PlannedRegistration[];
  readonly skip: readonly PlannedSkip[];
  readonly conflicts: readonly Conflict[];
  /** Backup (subject, version) to soft-delete, referrers first. */
  readonly softDeletes: readonly { readonly subject: string; readonly version: number }[];
  readonly imports: readonly PlannedImport[];
  /** Configs first, then modes; global last. */
  readonly settings: readonly SettingChange[];
}

export function planRestore(backup: RegistrySnapshot, target: RegistrySnapshot, options: PlanOptions): RestorePlan {
  const order = topologicalOrder([...backup.subjects.values()].flatMap((s) => s.versions));
  const index = indexTarget(target);
  const selected = new Set(order.map((v) => keyOf(v.subject, v.version)));
  const toRegister: VersionRecord[] = [];
  const skip: PlannedSkip[] = [];
  const conflicts: Conflict[] = [];
  const deletes = new Set<VersionRecord>();
  for (const v of order) {
    conflicts.push(...missingReferences(v, selected, index.byKey));
    const found = options.preserveIds ? matchPreserved(v, index) : matchByContent(v, index);
    if (found.kind === 'conflict') conflicts.push({ subject: v.subject, version: v.version, message: found.message });
    else if (found.kind === 'register') {
      toRegister.push(v);
      if (v.deleted) deletes.add(v);
    } else {
      skip.push({ subject: v.subject, version: v.version, id: v.id, targetVersion: found.target.version });
      if (v.deleted && !found.target.deleted) deletes.add(v);
      if (!v.deleted && found.target.deleted) {
        conflicts.push({ subject: v.subject, version: v.version, message: 'soft-deleted in the target but live in the backup; a registry cannot undelete (hard-delete it in the target first)' });
      }
    }
  }
  const imports = options.preserveIds ? planImports(toRegister, backup, target) : [];
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    preserveIds: options.preserveIds,
    register: withLevels(toRegister),
    skip,
    conflicts,
    softDeletes: [...order].reverse().filter((v) => deletes.has(v)).map((v) => ({ subject: v.subject, version: v.version })),
    imports,
    settings: planSettings(backup, target, imports, options.full),
  };
}

interface TargetIndex {
  readonly byKey: ReadonlyMap<string, VersionRecord>;
  /** `context\0id` → versions holding it. */
  readonly byId: ReadonlyMap<string, readonly VersionRecord[]>;
  readonly bySubject: ReadonlyMap<string, readonly VersionRecord[]>;
}

function indexTarget(target: RegistrySnapshot): TargetIndex {
  const byKey = new Map<string, VersionRecord>();
  const byId = new Map<string, VersionRecord[]>();
  const bySubject = new Map<string, VersionRecord[]>();
  for (const s of target.subjects.values()) {
    bySubject.set(s.subject, [...s.versions]);
    for (const v of s.versions) {
      byKey.set(keyOf(v.subject, v.version), v);
      const idKey = `${parseQualifiedSubject(v.subject).context}\u0000${v.id}`;
      byId.set(idKey, [...(byId.get(idKey) ?? []), v]);
    }
  }
  return { byKey, byId, bySubject };
}

type Match = { kind: 'register' } | { kind: 'identical'; target: VersionRecord } | { kind: 'conflict'; message: string };

function matchPreserved(v: VersionRecord, index: TargetIndex): Match {
  const found = index.byKey.get(keyOf(v.subject, v.version));
  const same = found !== undefined && found.id === v.id && contentOf(found) === contentOf(v);
  if (found && same) return { kind: 'identical', target: found };
  if (found) {
    const what = found.id !== v.id ? `id ${found.id} instead of ${v.id}` : 'other content under the same id';
    return { kind: 'conflict', message: `the target's version ${v.version} has ${what}` };
  }
  const context = parseQualifiedSubject(v.subject).context;
  const holder = (index.byId.get(`${context}\u0000${v.id}`) ?? []).find((t) => contentOf(t) !== contentOf(v));
  if (holder) return { kind: 'conflict', message: `id ${v.id} in context ${context} holds other content in the target (${holder.subject} v${holder.version})` };
  return { kind: 'register' };
}

function matchByContent(v: VersionRecord, index: TargetIndex): Match {
  const found = (index.bySubject.get(v.subject) ?? []).find((t) => contentOf(t) === contentOf(v));
  return found ? { kind: 'identical', target: found } : { kind: 'register' };
}

function missingReferences(v: VersionRecord, selected: ReadonlySet<string>, targetKeys: ReadonlyMap<string, VersionRecord>): Conflict[] {
  return referencedKeys(v)
    .filter((k) => !selected.has(k) && !targetKeys.has(k))
    .map((k) => ({
      subject: v.subject,
      version: v.version,
      message: `references ${k.replace('\u0000', ' v')}, which is neither selected from the backup nor in the target; select it too`,
    }));
}

function withLevels(order: readonly VersionRecord[]): PlannedRegistration[] {
  const levels = new Map<string, number>();
  return order.map((record) => {
    const level = Math.max(-1, ...referencedKeys(record).map((k) => levels.get(k) ?? -1)) + 1;
    levels.set(keyOf(record.subject, record.version), level);
    return { record, level };
  });
}

function planImports(toRegister: readonly VersionRecord[], backup: RegistrySnapshot, target: RegistrySnapshot): PlannedImport[] {
  const subjects = [...new Set(toRegister.map((v) => v.subject))].sort();
  return subjects.map((subject) => {
    const existing = target.subjects.get(subject);
    const previous = existing?.settings.mode;
    const leftInImport = previous === 'IMPORT' && backup.subjects.get(subject)?.settings.mode !== 'IMPORT';
    return {
      subject,
      force: (existing?.versions.length ?? 0) > 0,
      ...(previous !== undefined && !leftInImport ? { restoreTo: previous } : {}),
      leftInImport,
    };
  });
}

function planSettings(backup: RegistrySnapshot, target: RegistrySnapshot, imports: readonly PlannedImport[], full: boolean): SettingChange[] {
  const afterImport = new Map(imports.map((i) => [i.subject, i.restoreTo] as const));
  const scopes: { scope: SettingChange['scope']; name: string; want: ScopeSettings; have: ScopeSettings }[] = [];
  for (const s of backup.subjects.values()) {
    const have = target.subjects.get(s.subject)?.settings ?? {};
    const mode = afterImport.has(s.subject) ? afterImport.get(s.subject) : have.mode;
    scopes.push({ scope: 'subject', name: s.subject, want: s.settings, have: { ...have, mode } });
  }
  if (full) {
    for (const [name, want] of backup.contexts) scopes.push({ scope: 'context', name, want, have: target.contexts.get(name) ?? {} });
    scopes.push({ scope: 'global', name: '', want: backup.global, have: target.global });
  }
  const configs = scopes.flatMap(({ scope, name, want, have }) => configChange(scope, name, want.config, have.config));
  const modes = scopes.flatMap(({ scope, name, want, have }) => modeChange(scope, name, want.mode, have.mode));
  return [...configs, ...modes];
}

function configChange(
  scope: SettingChange['scope'],
  name: string,
  want: ScopeSettings['config'],
  have: ScopeSettings['config'],
): SettingChange[] {
  if (canonicalJson(want ?? null) === canonicalJson(have ?? null)) return [];
  if (want === undefined) return scope === 'global' ? [] : [{ scope, name, kind: 'config', action: 'remove' }];
  const replace = have !== undefined && Object.keys(have).some((k) => !(k in want)) && scope !== 'global';
  return [{ scope, name, kind: 'config', action: 'set', config: want, ...(replace ? { replace } : {}) }];
}

function modeChange(scope: SettingChange['scope'], name: string, want: RegistryMode | undefined, have: RegistryMode | undefined): SettingChange[] {
  if (want === have) return [];
  if (want === undefined) return scope === 'global' ? [] : [{ scope, name, kind: 'mode', action: 'remove' }];
  return [{ scope, name, kind: 'mode', action: 'set', mode: want }];
}

export function planIsEmpty(plan: RestorePlan): boolean {
  return plan.register.length === 0 && plan.softDeletes.length === 0 && plan.settings.length === 0 && plan.imports.length === 0;
}
