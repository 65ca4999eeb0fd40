/**
 * Plain data exchanged with a Confluent Schema Registry (REST API v1).
 *
 * Field names follow the registry's JSON so that a backup can store what the server sent.
 * Entities: client/src/main/java/io/confluent/kafka/schemaregistry/client/rest/entities/ in
 * confluentinc/schema-registry.
 */

import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '../avro/compat/types.js';

// One list of levels for the engine and the registry.
export { COMPATIBILITY_LEVELS, type CompatibilityLevel };

/** storage/Mode.java. READONLY_OVERRIDE is deprecated; FORWARD is only valid globally. */
export const REGISTRY_MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD'] as const;

export type RegistryMode = (typeof REGISTRY_MODES)[number];

export function isCompatibilityLevel(value: unknown): value is CompatibilityLevel {
  return typeof value === 'string' && (COMPATIBILITY_LEVELS as readonly string[]).includes(value);
}

export function isRegistryMode(value: unknown): value is RegistryMode {
  return typeof value === 'string' && (REGISTRY_MODES as readonly string[]).includes(value);
}

/** A reference from one schema to a registered (subject, version). */
export interface SchemaReference {
  /** The name the referring schema uses (for Avro, the referenced type's full name). */
  readonly name: string;
  readonly subject: string;
  readonly version: number;
}

/** What a caller sends to register, look up or test a schema. */
export interface SchemaInput {
  /** The schema text (for Avro, JSON). */
  readonly schema: string;
  /** AVRO when absent, as on the server. */
  readonly schemaType?: string;
  readonly references?: readonly SchemaReference[];
  readonly metadata?: unknown;
  readonly ruleSet?: unknown;
}

/** A registration; `id` and `version` are only accepted by a registry in IMPORT mode. */
export interface RegisterInput extends SchemaInput {
  readonly id?: number;
  readonly version?: number;
}

/** The registry's answer to a registration. Older servers send only the id. */
export interface RegisterResult {
  readonly id: number;
  readonly version?: number;
}

/** One version of one subject, as `GET /subjects/{s}/versions/{v}` and `GET /schemas` return it. */
export interface RegisteredSchema {
  /** Context-qualified for non-default contexts (`:.ctx:subject`). */
  readonly subject: string;
  readonly version: number;
  /** Unique within the schema's context. */
  readonly id: number;
  /** AVRO when the server omitted it. */
  readonly schemaType: string;
  readonly schema: string;
  readonly references: readonly SchemaReference[];
  readonly metadata?: unknown;
  readonly ruleSet?: unknown;
  /** 8.0+ only. */
  readonly guid?: string;
  readonly ts?: number;
  /** True for a soft-deleted version (only returned when asked for with `deleted=true`). */
  readonly deleted: boolean;
}

/** `GET /schemas/ids/{id}`. */
export interface SchemaById {
  readonly id: number;
  readonly schemaType: string;
  readonly schema: string;
  readonly references: readonly SchemaReference[];
  readonly metadata?: unknown;
  readonly ruleSet?: unknown;
  readonly guid?: string;
  /** Only with `fetchMaxId=true`: the highest id in the context. */
  readonly maxId?: number;
}

/**
 * A config as `GET /config[/{s}]` returns it (entities/Config.java). Named fields are the ones the
 * toolkit reads; `raw` keeps every field the server sent so that a backup loses nothing.
 */
export interface RegistryConfig {
  readonly compatibilityLevel?: CompatibilityLevel;
  readonly normalize?: boolean;
  readonly validateFields?: boolean;
  readonly validateNewSchemas?: boolean;
  readonly compatibilityGroup?: string;
  readonly compatibilityPolicy?: string;
  readonly raw: Readonly<Record<string, unknown>>;
}

/**
 * The body of `PUT /config[/{s}]` (requests/ConfigUpdateRequest.java). Note the asymmetry of the
 * API: the level is written as `compatibility` but read back as `compatibilityLevel`.
 * Unnamed fields (metadata and rule-set defaults, alias, ...) pass through unchanged.
 */
export interface ConfigUpdate {
  readonly compatibility?: CompatibilityLevel;
  readonly normalize?: boolean;
  readonly validateFields?: boolean;
  readonly validateNewSchemas?: boolean;
  readonly compatibilityGroup?: string;
  readonly compatibilityPolicy?: string;
  readonly [field: string]: unknown;
}

/** Turns a config read from one registry into the update that writes it to another. */
export function configToUpdate(config: RegistryConfig): ConfigUpdate {
  const { compatibilityLevel, ...rest } = config.raw;
  return compatibilityLevel === undefined ? { ...rest } : { ...rest, compatibility: compatibilityLevel as CompatibilityLevel };
}
