/**
 * The test registry's data: versions per subject, ids per context, config and mode per scope, and
 * the queries every operation shares. Scopes are keyed as the registry keys them: `null` for
 * global, `:.ctx:` for a context, the qualified subject for a subject.
 */
import { parseQualifiedSubject, qualifySubject } from '../../../src/registry/qualified-subject.js';
import type { CompatibilityLevel, RegistryMode, SchemaReference } from '../../../src/registry/types.js';
import { fail } from './failures.js';

export interface StoredVersion {
  /** Qualified subject (`:.ctx:s` outside the default context). */
  readonly subject: string;
  readonly version: number;
  readonly id: number;
  readonly schemaType: string;
  /** Stored (canonicalised) schema text. */
  readonly schema: string;
  readonly references: readonly SchemaReference[];
  readonly metadata?: unknown;
  readonly ruleSet?: unknown;
  deleted: boolean;
  readonly ts: number;
}

/** entities/Config.java fields; only set fields are kept. */
export interface StoredConfig {
  compatibilityLevel?: CompatibilityLevel;
  normalize?: boolean;
  validateFields?: boolean;
  validateNewSchemas?: boolean;
  compatibilityGroup?: string;
  compatibilityPolicy?: string;
  [field: string]: unknown;
}

export type Scope = string | null;

export const DEFAULT_COMPATIBILITY: CompatibilityLevel = 'BACKWARD';
export const DEFAULT_MODE: RegistryMode = 'READWRITE';

export class RegistryState {
  readonly versions = new Map<string, StoredVersion[]>();
  readonly configs = new Map<Scope, StoredConfig>();
  readonly modes = new Map<Scope, RegistryMode>();
  /** Named contexts ever written to (the default context `.` is always listed). */
  readonly contexts = new Set<string>();
  /** Ids handed out per context, so that a hard-deleted id is not reused (Confluent: max seen + 1). */
  readonly maxId = new Map<string, number>();
  clock = 0;

  all(subject: string): StoredVersion[] {
    return this.versions.get(subject) ?? [];
  }

  live(subject: string): StoredVersion[] {
    return this.all(subject).filter((v) => !v.deleted);
  }

  find(subject: string, version: number): StoredVersion | undefined {
    return this.all(subject).find((v) => v.version === version);
  }

  latestLive(subject: string): StoredVersion | undefined {
    return this.live(subject).at(-1);
  }

  hasSubject(subject: string, includeDeleted: boolean): boolean {
    return (includeDeleted ? this.all(subject) : this.live(subject)).length > 0;
  }

  /** Every stored version in every subject of every context. */
  *everyVersion(): Generator<StoredVersion> {
    for (const list of this.versions.values()) yield* list;
  }

  /** The version with `id` in `context`, live ones first. */
  byId(context: string, id: number): StoredVersion | undefined {
    let found: StoredVersion | undefined;
    for (const v of this.everyVersion()) {
      if (v.id !== id || contextOf(v.subject) !== context) continue;
      if (!v.deleted) return v;
      found ??= v;
    }
    return found;
  }

  nextId(context: string): number {
    const next = (this.maxId.get(context) ?? 0) + 1;
    this.maxId.set(context, next);
    return next;
  }

  noteId(context: string, id: number): void {
    this.maxId.set(context, Math.max(this.maxId.get(context) ?? 0, id));
  }

  /** Versions (in any subject) whose references point at `subject`/`version`. */
  referrers(subject: string, version: number, includeDeleted: boolean): StoredVersion[] {
    const out: StoredVersion[] = [];
    for (const v of this.everyVersion()) {
      if (v.deleted && !includeDeleted) continue;
      const ctx = contextOf(v.subject);
      if (v.references.some((r) => qualifySubject(ctx, r.subject) === subject && r.version === version)) out.push(v);
    }
    return out;
  }

  /** Mode in scope: subject, then its context, then global (lookupCache.mode(subject, true, default)). */
  modeInScope(subject: Scope): RegistryMode {
    return this.inScope(subject, (scope) => this.modes.get(scope)) ?? DEFAULT_MODE;
  }

  /** Config in scope: the subject's fields over its context's over the global's over the default. */
  configInScope(subject: Scope): StoredConfig {
    const layers = scopeChain(subject).map((s) => this.configs.get(s) ?? {});
    return Object.assign({ compatibilityLevel: DEFAULT_COMPATIBILITY }, ...layers.reverse());
  }

  private inScope<T>(subject: Scope, get: (scope: Scope) => T | undefined): T | undefined {
    for (const scope of scopeChain(subject)) {
      const value = get(scope);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

/** `.` or `.ctx` of a qualified subject or `:.ctx:` scope. */
export function contextOf(subject: string): string {
  return parseQualifiedSubject(subject).context;
}

/** Subject → context (`:.ctx:`, skipped for the default context) → global. */
export function scopeChain(subject: Scope): Scope[] {
  if (subject === null) return [null];
  const { context, subject: bare } = parseQualifiedSubject(subject);
  const contextScope = context === '.' ? null : `:${context}:`;
  if (bare === '') return contextScope === null ? [null] : [contextScope, null];
  return contextScope === null ? [subject, null] : [subject, contextScope, null];
}

/** The scope a path subject names: `:.:` and '' name the global scope. */
export function scopeOf(subject: string | undefined): Scope {
  if (subject === undefined) return null;
  const { context, subject: bare } = parseQualifiedSubject(subject);
  if (bare === '') return context === '.' ? null : `:${context}:`;
  return qualifySubject(context, bare);
}

/** Throws 40401 unless the subject has versions (soft-deleted ones count when `includeDeleted`). */
export function requireSubject(state: RegistryState, subject: string, includeDeleted: boolean): void {
  if (!state.hasSubject(subject, includeDeleted)) throw fail.subjectNotFound(subject);
}
