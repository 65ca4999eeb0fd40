/** Confluent Schema Registry client: the interface, the axios implementation and their data. */
export type {
  CompatibilityOptions,
  CompatibilityResult,
  DeleteOptions,
  ListSchemasOptions,
  ListSubjectsOptions,
  ModeOptions,
  RegistryClient,
  RegistryClientHandle,
} from './client.js';
export { authFromEnv, REGISTRY_ENV } from './env.js';
export { createRegistryClient } from './axios-client.js';
export {
  describeSettings,
  parseRegistrySettings,
  DEFAULT_SETTINGS,
  type RegistryAuth,
  type RegistrySettings,
  type RegistrySettingsInput,
  type RegistryTls,
  type RetryPolicy,
} from './settings.js';
export type { RegistryLogger, TransportDeps } from './transport.js';
export { RegistryError, RegistryErrorCodes, type RegistryErrorCode, type RegistryErrorFields, type RegistryErrorKind } from './errors.js';
export {
  formatConfigLine,
  formatIncompatibility,
  formatOldSchemaAppendix,
  parseCompatibilityMessages,
  parseIncompatibleRegistration,
  type AvroIncompatibility,
  type CompatibilityIncompatibility,
  type ParsedCompatibilityMessages,
  type SchemaRole,
} from './compat-messages.js';
export {
  CONTEXT_WILDCARD,
  DEFAULT_CONTEXT,
  canonicalSubject,
  contextSubject,
  normalizeContext,
  parseQualifiedSubject,
  qualifySubject,
  resolveReferenceSubject,
  type QualifiedSubject,
} from './qualified-subject.js';
export * from './subject-naming.js';
export * from './types.js';
export type { VersionRef } from './paths.js';
