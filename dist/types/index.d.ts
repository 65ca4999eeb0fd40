/**
 * Guardrails' library API: `import { checkCompatibility } from '@acme/guardrails'`. The CLI, the GitHub
 * Action and the scheduled jobs are built on these same exports.
 */
export { checkCompatibility, checkReaderWriter } from './avro/api.js';
export type { CheckOptions, CompatibilityIssue, CompatibilityResult } from './avro/api.js';
export { loadSchemaInput, loadSchemaSet, loadSchemaText } from './avro/load.js';
export type { LoadedSchema, SchemaInput, SchemaSource } from './avro/load.js';
export { parseSchema } from './avro/parse.js';
export type { ParseOptions, ParsedSchema } from './avro/parse.js';
export type { NameValidation } from './avro/names.js';
export { SchemaError } from './avro/errors.js';
export type { SchemaErrorCode } from './avro/errors.js';
export { checkLevel, checkReaderWriterSchemas, COMPATIBILITY_LEVELS, InvalidCompatibilityLevelError, parseCompatibilityLevel, } from './avro/compat/index.js';
export type { CompatibilityLevel, Direction, LevelFinding, LevelResult, PairResult } from './avro/compat/index.js';
export { toCanonicalForm } from './avro/canonical.js';
export { fingerprint } from './avro/fingerprint.js';
export type * from './avro/model.js';
