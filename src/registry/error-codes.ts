/**
 * Confluent Schema Registry error codes (core/.../rest/exceptions/Errors.java) with what each means
 * for the caller. The wording of `problem` is ours; `hint` says what to do.
 */

export const RegistryErrorCodes = {
  SUBJECT_NOT_FOUND: 40401,
  VERSION_NOT_FOUND: 40402,
  SCHEMA_NOT_FOUND: 40403,
  SUBJECT_SOFT_DELETED: 40404,
  SUBJECT_NOT_SOFT_DELETED: 40405,
  VERSION_SOFT_DELETED: 40406,
  VERSION_NOT_SOFT_DELETED: 40407,
  SUBJECT_COMPATIBILITY_NOT_CONFIGURED: 40408,
  SUBJECT_MODE_NOT_CONFIGURED: 40409,
  ASSOCIATION_NOT_FOUND: 40410,
  /** Up to CP 8.0.3/8.1.1 the incompatible-schema code was the bare HTTP status. */
  INCOMPATIBLE_SCHEMA_LEGACY: 409,
  INCOMPATIBLE_SCHEMA: 40901,
  INVALID_SCHEMA: 42201,
  INVALID_VERSION: 42202,
  INVALID_COMPATIBILITY_LEVEL: 42203,
  INVALID_MODE: 42204,
  OPERATION_NOT_PERMITTED: 42205,
  REFERENCE_EXISTS: 42206,
  ID_DOES_NOT_MATCH: 42207,
  INVALID_SUBJECT: 42208,
  SCHEMA_TOO_LARGE: 42209,
  INVALID_RULESET: 42210,
  CONTEXT_NOT_EMPTY: 42211,
  INVALID_ASSOCIATION: 42212,
  STORE_ERROR: 50001,
  OPERATION_TIMEOUT: 50002,
  REQUEST_FORWARDING_FAILED: 50003,
  UNKNOWN_LEADER: 50004,
  /** Used by Confluent's own client for a response it could not parse; we do the same. */
  JSON_PARSE_ERROR: 50005,
} as const;

export type RegistryErrorCode = (typeof RegistryErrorCodes)[keyof typeof RegistryErrorCodes];

interface CodeInfo {
  readonly problem: string;
  readonly hint: string;
}

const RETRY_LATER = 'The registry is unhealthy; retry later or check its logs.';

export const CODE_INFO: Readonly<Record<number, CodeInfo>> = {
  40401: {
    problem: 'subject not found',
    hint: 'Check the subject name and its :.context: prefix; soft-deleted subjects are only listed with deleted=true.',
  },
  40402: { problem: 'version not found', hint: 'Check the version; soft-deleted versions are only listed with deleted=true.' },
  40403: { problem: 'schema not found', hint: 'The schema is not registered (under this subject, or with this id).' },
  40404: {
    problem: 'subject is soft-deleted',
    hint: 'Delete it with permanent=true, or register a schema to bring it back.',
  },
  40405: { problem: 'subject was not soft-deleted first', hint: 'Soft-delete the subject, then delete it with permanent=true.' },
  40406: { problem: 'version is soft-deleted', hint: 'Delete it with permanent=true to remove it for good.' },
  40407: { problem: 'version was not soft-deleted first', hint: 'Soft-delete the version, then delete it with permanent=true.' },
  40408: {
    problem: 'no subject-level compatibility configured',
    hint: 'Read it with defaultToGlobal=true to get the effective level.',
  },
  40409: { problem: 'no subject-level mode configured', hint: 'Read it with defaultToGlobal=true to get the effective mode.' },
  40410: { problem: 'association not found', hint: 'Check the resource and subject of the association.' },
  409: {
    problem: 'schema is incompatible with an earlier version',
    hint: "The change breaks the subject's compatibility level; see the listed incompatibilities.",
  },
  40901: {
    problem: 'schema is incompatible with an earlier version',
    hint: "The change breaks the subject's compatibility level; see the listed incompatibilities.",
  },
  42201: {
    problem: 'invalid schema',
    hint: 'Fix the schema text and schemaType; every reference must already be registered.',
  },
  42202: { problem: 'invalid version', hint: 'Use a version between 1 and 2^31-1, or "latest".' },
  42203: {
    problem: 'invalid compatibility level',
    hint: 'Use NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.',
  },
  42204: { problem: 'invalid mode', hint: 'Use READWRITE, READONLY or IMPORT (FORWARD only globally).' },
  42205: {
    problem: 'operation not permitted',
    hint: 'The mode forbids it (READONLY; an explicit id outside IMPORT; IMPORT into a non-empty subject without force; an id already used by other content). Check GET /mode.',
  },
  42206: { problem: 'other schemas reference this schema', hint: 'Delete the referring versions first.' },
  42207: { problem: 'id does not match the registered schema', hint: 'Send the id the schema is registered under, or none.' },
  42208: { problem: 'invalid subject name', hint: 'Use a non-empty subject name without control characters.' },
  42209: { problem: 'schema too large', hint: 'The schema exceeds the registry size limit; split it with references.' },
  42210: { problem: 'invalid rule set', hint: 'Fix the ruleSet of the request.' },
  42211: { problem: 'context not empty', hint: 'Delete the subjects of the context first.' },
  42212: { problem: 'invalid association', hint: 'Fix the association of the request.' },
  50001: { problem: 'registry store error', hint: RETRY_LATER },
  50002: { problem: 'registry operation timed out', hint: RETRY_LATER },
  50003: { problem: 'registry could not forward the request to its leader', hint: RETRY_LATER },
  50004: { problem: 'registry leader unknown', hint: RETRY_LATER },
  50005: {
    problem: 'response could not be parsed',
    hint: 'Check that the URL points at a Schema Registry (not a proxy or login page).',
  },
};
