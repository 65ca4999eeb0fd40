/**
 * The validated settings read from `guardrails.yaml`. Everything downstream of the config loader
 * receives this type; nothing else reads the file.
 *
 * Later issues extend it with optional sections (`registry`, `approvals`, `deprecation`,
 * `onRegistryUnavailable`); adding optional fields keeps every existing config valid.
 */

import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '../../avro/compat/index.js';
import { SUBJECT_NAME_STRATEGIES, type SubjectNameStrategy } from '../../registry/subject-naming.js';
import type { ApprovalSettings, DeprecationSettings } from './policy-sections.js';
import type { OnRegistryUnavailable, RegistryConfigSettings } from './registry-section.js';

/** Confluent Schema Registry compatibility levels, with Confluent's semantics (the engine's list). */
export { COMPATIBILITY_LEVELS, type CompatibilityLevel };

/** Confluent's subject name strategies (the serializer's `value.subject.name.strategy`). */
export const NAMING_STRATEGIES = SUBJECT_NAME_STRATEGIES;
export type NamingStrategy = SubjectNameStrategy;

/** Top-level sections that later versions will define; today they are accepted and ignored with a warning. */
export const RESERVED_SECTIONS = [] as const;

/** Where a setting was written, for messages that point back into the config file. */
export interface ConfigLocation {
  /** The config file, as given (or the embedded default's label). */
  readonly file: string;
  /** 1-based line and column of the setting. */
  readonly line: number;
  readonly column: number;
}

/** How a schema file becomes a subject name. */
export type SubjectTarget =
  /** An explicit subject name; wins over any strategy. */
  | { readonly kind: 'explicit'; readonly subject: string }
  /** A Confluent naming strategy. */
  | {
      readonly kind: 'strategy';
      readonly strategy: NamingStrategy;
      /** The Kafka topic; required by TopicNameStrategy and TopicRecordNameStrategy, absent for RecordNameStrategy. */
      readonly topic?: string;
      /** TopicNameStrategy only: `<topic>-key` instead of `<topic>-value`. */
      readonly key: boolean;
    };

/** One entry of the `subjects` list. When several entries match a file, the last one wins (as in CODEOWNERS). */
export interface SubjectRule {
  /** Globs (repository-relative, `/`-separated) of the schema files this entry maps. */
  readonly files: readonly string[];
  /** How the subject name is formed; an entry without `subject`, `topic` or `strategy` uses `defaults.strategy`. */
  readonly target: SubjectTarget;
  /** Confluent context (e.g. `.staging`), always with its leading dot; undefined for the default context. */
  readonly context?: string;
  /** The subject's compatibility level; undefined means `defaults.compatibility`. */
  readonly compatibility?: CompatibilityLevel;
  /** Where the entry was written. */
  readonly location: ConfigLocation;
}

export interface GuardrailsSettings {
  /** Config format version. Only 1 exists. */
  readonly version: 1;
  /** The config file the settings came from, or `<embedded default>` when none was found. */
  readonly source: string;
  readonly schemas: {
    /** Globs of the files that count as schemas, relative to the repository root. */
    readonly paths: readonly string[];
  };
  readonly defaults: {
    /** Level of subjects whose entry sets none. Confluent's default, BACKWARD, unless set. */
    readonly compatibility: CompatibilityLevel;
    /**
     * Strategy of entries without a `strategy`, and of files no entry matches. An entry with a `topic`
     * but no `strategy` uses TopicNameStrategy when this is RecordNameStrategy (which has no topic).
     */
    readonly strategy: NamingStrategy;
  };
  /** File-to-subject mapping, in file order. */
  readonly subjects: readonly SubjectRule[];
  /** Who must approve schema changes (issue 4 §4); defaults when the section is absent. */
  readonly approvals: ApprovalSettings;
  /** The deprecation window (issue 4 §5). */
  readonly deprecation: DeprecationSettings;
  /** The Schema Registry the check asks (issue 3 §3); absent when the config names none. No secrets. */
  readonly registry?: RegistryConfigSettings;
  /** What the registry-backed check does when the registry is unavailable (default `fail`). */
  readonly onRegistryUnavailable: OnRegistryUnavailable;
}

/** What loading the config produced besides the settings: problems that do not stop the run. */
export interface LoadedConfig {
  readonly settings: GuardrailsSettings;
  /** One line each, with file:line:column. */
  readonly warnings: readonly string[];
}
