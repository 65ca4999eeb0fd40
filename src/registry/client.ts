/**
 * The facts and actions the toolkit needs from a Confluent Schema Registry. The check, the backup
 * and the restore depend on this interface only; `createRegistryClient` (axios-client.ts) is the
 * real one, and tests may pass a plain object.
 *
 * Subjects may be context-qualified (`:.ctx:subject`); a context's own config and mode live under
 * the subject `:.ctx:` (see qualified-subject.ts). Every failure is a RegistryError.
 */
import type { CompatibilityIncompatibility } from './compat-messages.js';
import type { VersionRef } from './paths.js';
import type {
  CompatibilityLevel,
  ConfigUpdate,
  RegisteredSchema,
  RegisterInput,
  RegisterResult,
  RegistryConfig,
  RegistryMode,
  SchemaById,
  SchemaInput,
} from './types.js';

export interface ListSubjectsOptions {
  /** Include soft-deleted subjects. */
  readonly deleted?: boolean;
  /** Only soft-deleted subjects (CP 7.3.1+). */
  readonly deletedOnly?: boolean;
  /** Prefix filter; `:*:` (the server default) lists every context, `:.ctx:` one context. */
  readonly subjectPrefix?: string;
}

export interface ListSchemasOptions {
  readonly subjectPrefix?: string;
  /** Include soft-deleted versions. */
  readonly deleted?: boolean;
  /** Only the latest version of each subject. */
  readonly latestOnly?: boolean;
  /**
   * Trust a first page shorter than the page size to be the whole listing, saving the request that
   * would confirm it. Only right for callers that can live with a listing cut short by a server whose
   * page cap was configured below 1,000 (a cross-check, not a backup).
   */
  readonly trustShortFirstPage?: boolean;
}

export interface CompatibilityOptions {
  /**
   * Absent: test against every live version the subject's level covers, exactly the registration
   * check (`POST /compatibility/subjects/{s}/versions`). A version: test against that one only, so
   * transitive levels degrade to one comparison.
   */
  readonly version?: VersionRef;
  readonly normalize?: boolean;
  /** Ask for messages (default true). */
  readonly verbose?: boolean;
}

export interface CompatibilityResult {
  readonly compatible: boolean;
  /** The server's messages as sent. */
  readonly messages: readonly string[];
  /** The messages parsed (both the CP ≥ 7.4 and the older format). */
  readonly incompatibilities: readonly CompatibilityIncompatibility[];
  /** The level the server applied, when it said (only on failure). */
  readonly compatibility?: CompatibilityLevel | string;
}

export interface DeleteOptions {
  /** Hard delete; the registry requires a soft delete first. */
  readonly permanent?: boolean;
}

export interface ModeOptions {
  /** Enter IMPORT even though the scope has schemas. */
  readonly force?: boolean;
}

export interface RegistryClient {
  /** `GET /contexts`: `.` and every named context, e.g. `.staging`. */
  listContexts(): Promise<string[]>;
  /** `GET /subjects`, paged when the server pages. */
  listSubjects(options?: ListSubjectsOptions): Promise<string[]>;
  /** `GET /subjects/{s}/versions`; `deleted` includes soft-deleted versions. */
  listVersions(subject: string, options?: { readonly deleted?: boolean }): Promise<number[]>;
  /** `GET /subjects/{s}/versions/{v}`; `deleted` also returns a soft-deleted version. */
  getVersion(subject: string, version: VersionRef, options?: { readonly deleted?: boolean }): Promise<RegisteredSchema>;
  /** `GET /schemas/ids/{id}`; `subject` picks the context the id is looked up in. */
  getSchemaById(id: number, options?: { readonly subject?: string; readonly fetchMaxId?: boolean }): Promise<SchemaById>;
  /** `GET /schemas`, every page (the server caps a page at 1,000 rows). */
  listSchemas(options?: ListSchemasOptions): Promise<RegisteredSchema[]>;
  /** `GET /config`. */
  getGlobalConfig(): Promise<RegistryConfig>;
  /** `GET /config/{s}`; undefined when the subject (or `:.ctx:`) has no override (40408, or 40401 before CP 7.0). */
  getSubjectConfig(subject: string, options?: { readonly defaultToGlobal?: boolean }): Promise<RegistryConfig | undefined>;
  /** `GET /mode`. */
  getGlobalMode(): Promise<RegistryMode>;
  /** `GET /mode/{s}`; undefined when the subject (or `:.ctx:`) has no override (40409, or 40401 on older servers). */
  getSubjectMode(subject: string, options?: { readonly defaultToGlobal?: boolean }): Promise<RegistryMode | undefined>;
  /** `POST /compatibility/subjects/{s}/versions[/{v}]?verbose=true`. */
  checkCompatibility(subject: string, schema: SchemaInput, options?: CompatibilityOptions): Promise<CompatibilityResult>;
  /** `POST /subjects/{s}`: the version holding this schema, or undefined (40401, 40403). */
  lookupSchema(
    subject: string,
    schema: SchemaInput,
    options?: { readonly normalize?: boolean; readonly deleted?: boolean },
  ): Promise<RegisteredSchema | undefined>;
  /** `POST /subjects/{s}/versions`; `id`/`version` need IMPORT mode. Incompatible → RegistryError `incompatible`. */
  register(subject: string, schema: RegisterInput, options?: { readonly normalize?: boolean }): Promise<RegisterResult>;
  /** `PUT /config`; returns the update as echoed. */
  setGlobalConfig(update: ConfigUpdate): Promise<ConfigUpdate>;
  /** `PUT /config/{s}`. */
  setSubjectConfig(subject: string, update: ConfigUpdate): Promise<ConfigUpdate>;
  /** `DELETE /config/{s}`: back to the inherited config. */
  deleteSubjectConfig(subject: string): Promise<void>;
  /** `PUT /mode`. */
  setGlobalMode(mode: RegistryMode, options?: ModeOptions): Promise<RegistryMode>;
  /** `PUT /mode/{s}`. */
  setSubjectMode(subject: string, mode: RegistryMode, options?: ModeOptions): Promise<RegistryMode>;
  /** `DELETE /mode/{s}`: back to the inherited mode. */
  deleteSubjectMode(subject: string): Promise<void>;
  /** `DELETE /subjects/{s}`: the versions deleted. */
  deleteSubject(subject: string, options?: DeleteOptions): Promise<number[]>;
  /** `DELETE /subjects/{s}/versions/{v}`: the version deleted. */
  deleteVersion(subject: string, version: VersionRef, options?: DeleteOptions): Promise<number>;
}

/** The real client also owns sockets. */
export interface RegistryClientHandle extends RegistryClient {
  /** Closes idle keep-alive connections; the client stays usable. */
  close(): void;
}
