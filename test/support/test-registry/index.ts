/** The in-process Confluent-compatible Schema Registry for tests. */
export { startTestRegistry, type RecordedRequest, type SeedBody, type TestRegistry, type TestRegistryOptions } from './server.js';
export { avroEngine, type CompatibilityEngine, type ResolvedSchema, type SchemaText, type VersionedSchema } from './engine.js';
export { Faults, type Fault, type FaultRule } from './faults.js';
export { RegistryState, type StoredVersion, type StoredConfig } from './state.js';
export type { PageLimits } from './reads.js';
