/**
 * The registry state a backup holds and a restore compares against: plain data, built by collect.ts
 * from a live registry and by read-backup.ts from a backup directory.
 */
import type { RegisteredSchema, RegistryMode } from '../registry/index.js';
import { canonicalJson } from './canonical-json.js';

/**
 * One version of one subject, with everything needed to register it again byte for byte: what the
 * registry returns for it, less the registration timestamp, which a restore cannot set.
 */
export type VersionRecord = Omit<RegisteredSchema, 'ts'>;

/** A scope's own config and mode; absent means "inherited" (no override). */
export interface ScopeSettings {
  /** The config as `GET /config[/{s}]` returned it (all fields, read form: `compatibilityLevel`). */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly mode?: RegistryMode;
}

export interface SubjectRecord {
  readonly subject: string;
  readonly settings: ScopeSettings;
  /** Ascending by version. */
  readonly versions: readonly VersionRecord[];
}

export interface RegistrySnapshot {
  readonly global: ScopeSettings;
  /** Named contexts (`.staging`) with their own settings; the default context's settings are the global ones. */
  readonly contexts: ReadonlyMap<string, ScopeSettings>;
  /** By qualified subject name. */
  readonly subjects: ReadonlyMap<string, SubjectRecord>;
  /** The highest id per context, when the server reported it. */
  readonly maxIds: Readonly<Record<string, number>>;
}

export const BACKUP_FORMAT_VERSION = 1;

/** MANIFEST.json: the only file with timestamps. Never holds credentials. */
export interface Manifest {
  readonly format: 'guardrails-registry-backup';
  readonly formatVersion: number;
  readonly tool: { readonly name: 'guardrails'; readonly version: string };
  /** Base URL without userinfo, query or fragment. */
  readonly source: { readonly url: string; readonly serverVersion: string | null };
  readonly startedAt: string;
  readonly finishedAt: string;
  /** `bulk`: paged `GET /schemas`; `walk`: subject by subject. */
  readonly listing: 'bulk' | 'walk';
  readonly includesDeleted: boolean;
  readonly counts: {
    readonly subjects: number;
    readonly deletedSubjects: number;
    readonly versions: number;
    readonly deletedVersions: number;
    readonly contexts: number;
    /** Files listed in SHA256SUMS, MANIFEST.json included. */
    readonly files: number;
  };
  readonly maxIds: Readonly<Record<string, number>>;
}

export function contentOf(v: VersionRecord): string {
  return canonicalJson([v.schemaType, v.schema, v.references, v.metadata ?? null, v.ruleSet ?? null]);
}

export function isSubjectDeleted(s: SubjectRecord): boolean {
  return s.versions.length > 0 && s.versions.every((v) => v.deleted);
}
