/**
 * The shape of `guardrails.yaml`, as zod schemas. Each schema's error text is the *expected form*
 * (e.g. `one of NONE, BACKWARD, ...`); issues.ts adds the position, the key path and the bad value.
 * Cross-field rules (subject versus topic, strategy needs) live in normalise.ts.
 */
import { z } from 'zod';
import { COMPATIBILITY_LEVELS, NAMING_STRATEGIES, RESERVED_SECTIONS } from './settings.js';
import { approvalsSection, deprecationSection, policyAllowedKeys } from './policy-sections.js';
import { onRegistryUnavailableSection, registryAllowedKeys, registrySection } from './registry-section.js';

const level = z.enum(COMPATIBILITY_LEVELS, { error: `one of ${COMPATIBILITY_LEVELS.join(', ')}` });
const strategy = z.enum(NAMING_STRATEGIES, { error: `one of ${NAMING_STRATEGIES.join(', ')}` });

const GLOB_FORM = 'a glob string such as "schemas/**/*.avsc"';
const glob = z.string({ error: GLOB_FORM }).min(1, { error: GLOB_FORM });
/** One glob or a non-empty list of them; a single string is read as a one-item list. */
export const globs = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(glob, { error: `${GLOB_FORM}, or a list of them` }).min(1, { error: 'at least one glob' }),
);

// Kafka's legal topic characters and length (kafka/common/internals/Topic.java).
const topic = z
  .string({ error: 'a Kafka topic name such as "market.ticks.asx"' })
  .regex(/^[A-Za-z0-9._-]{1,249}$/, { error: 'a Kafka topic name: 1 to 249 of the characters a-z A-Z 0-9 . _ -' });

const subject = z
  .string({ error: 'a subject name such as "market.ticks.asx-value"' })
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, { error: 'a non-empty subject name without control characters' });

const context = z
  .string({ error: 'a Confluent context name such as ".staging"' })
  .regex(/^\.?[A-Za-z0-9_-][A-Za-z0-9._-]*$|^\.$/, { error: 'a Confluent context name such as ".staging" (letters, digits, . _ -)' });

export const SUBJECT_ENTRY_SHAPE = {
  files: globs,
  subject: subject.optional(),
  topic: topic.optional(),
  strategy: strategy.optional(),
  key: z.boolean({ error: 'true or false' }).optional(),
  context: context.optional(),
  compatibility: level.optional(),
};

export const SCHEMAS_SHAPE = { paths: globs.optional() };
export const DEFAULTS_SHAPE = { compatibility: level.optional(), strategy: strategy.optional() };

/**
 * Reserved sections (settings.ts RESERVED_SECTIONS) are accepted as any value so that a config written
 * for a later version still loads; normalise.ts warns that they are ignored.
 */
const reserved = {} satisfies Record<(typeof RESERVED_SECTIONS)[number], z.ZodType>;

export const TOP_SHAPE = {
  version: z.literal(1, { error: '1 (the only config format version)' }),
  schemas: z.strictObject(SCHEMAS_SHAPE, { error: 'a mapping with `paths`' }).optional(),
  defaults: z.strictObject(DEFAULTS_SHAPE, { error: 'a mapping with `compatibility` and/or `strategy`' }).optional(),
  subjects: z
    .array(
      z.strictObject(SUBJECT_ENTRY_SHAPE, { error: 'a mapping with `files` and a `subject` or a `topic`' }),
      { error: 'a list of mappings, each with `files` and a `subject` or a `topic`' },
    )
    .optional(),
  ...reserved,
  registry: registrySection.optional(),
  'on-registry-unavailable': onRegistryUnavailableSection.optional(),
  approvals: approvalsSection.optional(),
  deprecation: deprecationSection.optional(),
  // The follow-up job and the scheduler read and validate their own sections (src/postmortem,
  // src/scheduler), with their own positioned errors; here they only need to be allowed.
  followups: z.unknown().optional(),
  schedule: z.unknown().optional(),
};

export const configSchema = z.strictObject(TOP_SHAPE, { error: 'a mapping with `version: 1` and the sections schemas, defaults, subjects' });

export type RawConfig = z.infer<typeof configSchema>;
export type RawSubjectEntry = NonNullable<RawConfig['subjects']>[number];

/** The keys a mapping at `path` may hold, for "unknown key" messages. */
export function allowedKeys(path: readonly PropertyKey[]): readonly string[] {
  const policy = policyAllowedKeys(path);
  if (policy !== undefined) return policy;
  const registry = registryAllowedKeys(path);
  if (registry !== undefined) return registry;
  if (path.length === 0) return Object.keys(TOP_SHAPE);
  if (path.length === 1 && path[0] === 'schemas') return Object.keys(SCHEMAS_SHAPE);
  if (path.length === 1 && path[0] === 'defaults') return Object.keys(DEFAULTS_SHAPE);
  if (path.length === 2 && path[0] === 'subjects') return Object.keys(SUBJECT_ENTRY_SHAPE);
  return [];
}
