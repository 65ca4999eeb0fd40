/** The Avro compatibility engine: Avro Java 1.12.1 resolution rules and Confluent's seven levels. */
export { checkReaderWriterSchemas } from './reader-writer.js';
export { checkLevel, parseCompatibilityLevel, InvalidCompatibilityLevelError } from './levels.js';
export { describeIncompatibility, describeFailure, formatConfluentMessage, rolesFor, UNEXPECTED_EXCEPTION_PREFIX, } from './messages.js';
export { COMPATIBILITY_LEVELS } from './types.js';
export type { CheckFailure, CompatibilityLevel, Direction, FindingType, Incompatibility, IncompatibilityType, LevelFinding, LevelResult, PairResult, SchemaRole, } from './types.js';
