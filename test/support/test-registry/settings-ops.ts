/**
 * `/config` and `/mode` at global, context (`:.ctx:`) and subject scope (ConfigResource,
 * ModeResource, KafkaSchemaRegistry.updateConfig / setMode).
 */
import { parseQualifiedSubject } from '../../../src/registry/qualified-subject.js';
import { isCompatibilityLevel, isRegistryMode, type RegistryMode } from '../../../src/registry/types.js';
import { purgeSoftDeleted } from './deletes.js';
import { fail } from './failures.js';
import { DEFAULT_COMPATIBILITY, type RegistryState, type Scope, type StoredConfig } from './state.js';

export function getConfig(state: RegistryState, scope: Scope, defaultToGlobal: boolean): StoredConfig {
  if (defaultToGlobal) return state.configInScope(scope);
  if (scope === null) return state.configs.get(null) ?? { compatibilityLevel: DEFAULT_COMPATIBILITY };
  const own = state.configs.get(scope);
  if (!own) throw fail.noSubjectConfig(scope);
  return own;
}

/** Merges the update into the scope's config and echoes the result in request form. */
export function setConfig(state: RegistryState, scope: Scope, body: unknown): Record<string, unknown> {
  refuseWhenReadOnly(state, scope);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fail.badRequest('Request body must be a JSON object');
  const { compatibility, ...rest } = body as Record<string, unknown>;
  const merged: StoredConfig = { ...(state.configs.get(scope) ?? {}) };
  if (compatibility != null) {
    const level = typeof compatibility === 'string' ? compatibility.toUpperCase() : compatibility;
    if (!isCompatibilityLevel(level)) throw fail.invalidCompatibility();
    merged.compatibilityLevel = level;
  }
  for (const [key, value] of Object.entries(rest)) if (value != null) merged[key] = value;
  state.configs.set(scope, merged);
  const { compatibilityLevel, ...others } = merged;
  return { ...(compatibilityLevel ? { compatibility: compatibilityLevel } : {}), ...others };
}

export function deleteConfig(state: RegistryState, scope: Scope): StoredConfig {
  const old = state.configs.get(scope);
  if (!old && scope !== null) throw fail.subjectNotFound(scope);
  state.configs.delete(scope);
  return old ?? { compatibilityLevel: DEFAULT_COMPATIBILITY };
}

export function getMode(state: RegistryState, scope: Scope, defaultToGlobal: boolean): RegistryMode {
  if (scope === null || defaultToGlobal) return state.modeInScope(scope);
  const own = state.modes.get(scope);
  if (!own) throw fail.noSubjectMode(scope);
  return own;
}

/**
 * Entering IMPORT without `force` needs a scope without live subjects; its soft-deleted versions
 * are then hard-deleted (42206 if still referenced).
 */
export function setMode(state: RegistryState, scope: Scope, body: unknown, force: boolean): RegistryMode {
  const raw = (body as { mode?: unknown } | null)?.mode;
  const mode = typeof raw === 'string' ? raw.toUpperCase() : raw;
  if (!isRegistryMode(mode)) throw fail.invalidMode();
  if (mode === 'FORWARD' && scope !== null) throw fail.invalidMode('Forward mode only supported on global level');
  if (mode === 'IMPORT' && state.modeInScope(scope) !== 'IMPORT' && !force) {
    const inScope = subjectsIn(state, scope);
    if (inScope.some((s) => state.hasSubject(s, false))) throw fail.notPermitted('Cannot import since found existing subjects');
    purgeSoftDeleted(state, inScope);
  }
  state.modes.set(scope, mode);
  return mode;
}

export function deleteMode(state: RegistryState, scope: Scope): RegistryMode | null {
  const old = state.modes.get(scope);
  if (!old && scope !== null) throw fail.subjectNotFound(scope);
  state.modes.delete(scope);
  return old ?? null;
}

/**
 * The subjects a scope covers. Guess: the global scope covers every context (Confluent's
 * hasSubjects(null) is not documented); a context scope covers its subjects.
 */
function subjectsIn(state: RegistryState, scope: Scope): string[] {
  const all = [...state.versions.keys()];
  if (scope === null) return all;
  const { context, subject } = parseQualifiedSubject(scope);
  if (subject !== '') return all.filter((s) => s === scope);
  return all.filter((s) => parseQualifiedSubject(s).context === context);
}

function refuseWhenReadOnly(state: RegistryState, scope: Scope): void {
  const mode = state.modeInScope(scope);
  if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') {
    const context = scope === null ? '.' : parseQualifiedSubject(scope).context;
    throw fail.notPermitted(`Subject ${scope ?? ''} in context ${context} is in read-only mode`);
  }
}
