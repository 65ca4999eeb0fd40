/**
 * The shapes the client accepts from the registry, checked on every response so that a proxy page
 * or a different API surfaces as a `malformed-response` error naming the endpoint, not as
 * `undefined` deep inside a caller. Unknown fields are allowed (newer servers add some).
 */
import { z } from 'zod';
import { COMPATIBILITY_LEVELS } from './types.js';
import type {
  RegisteredSchema,
  RegisterResult,
  RegistryConfig,
  RegistryMode,
  SchemaById,
  SchemaReference,
} from './types.js';

const int = z.number().int();

const reference: z.ZodType<SchemaReference> = z.object({ name: z.string(), subject: z.string(), version: int });

const references = z
  .array(reference)
  .nullish()
  .transform((r) => r ?? []);

export const registeredSchemaShape: z.ZodType<RegisteredSchema> = z
  .looseObject({
    subject: z.string(),
    version: int,
    id: int,
    schemaType: z.string().nullish(),
    schema: z.string(),
    references,
    metadata: z.unknown().optional(),
    ruleSet: z.unknown().optional(),
    guid: z.string().optional(),
    ts: z.number().optional(),
    deleted: z.boolean().nullish(),
  })
  .transform((s) => ({
    subject: s.subject,
    version: s.version,
    id: s.id,
    schemaType: s.schemaType ?? 'AVRO',
    schema: s.schema,
    references: s.references,
    ...(s.metadata !== undefined ? { metadata: s.metadata } : {}),
    ...(s.ruleSet !== undefined ? { ruleSet: s.ruleSet } : {}),
    ...(s.guid !== undefined ? { guid: s.guid } : {}),
    ...(s.ts !== undefined ? { ts: s.ts } : {}),
    deleted: s.deleted ?? false,
  }));

export const schemaByIdShape: z.ZodType<Omit<SchemaById, 'id'>, unknown> = z
  .looseObject({
    schemaType: z.string().nullish(),
    schema: z.string(),
    references,
    metadata: z.unknown().optional(),
    ruleSet: z.unknown().optional(),
    guid: z.string().optional(),
    maxId: int.optional(),
  })
  .transform((s) => ({
    schemaType: s.schemaType ?? 'AVRO',
    schema: s.schema,
    references: s.references,
    ...(s.metadata !== undefined ? { metadata: s.metadata } : {}),
    ...(s.ruleSet !== undefined ? { ruleSet: s.ruleSet } : {}),
    ...(s.guid !== undefined ? { guid: s.guid } : {}),
    ...(s.maxId !== undefined ? { maxId: s.maxId } : {}),
  }));

export const registerResultShape: z.ZodType<RegisterResult, unknown> = z
  .looseObject({ id: int, version: int.optional() })
  .transform((r) => (r.version !== undefined && r.version > 0 ? { id: r.id, version: r.version } : { id: r.id }));

export const lookupResultShape = registeredSchemaShape;

export const stringListShape = z.array(z.string());
export const intListShape = z.array(int);
export const intShape = int;

const level = z.enum(COMPATIBILITY_LEVELS);

export const configShape: z.ZodType<RegistryConfig, unknown> = z
  .looseObject({
    compatibilityLevel: level.optional(),
    normalize: z.boolean().optional(),
    validateFields: z.boolean().optional(),
    validateNewSchemas: z.boolean().optional(),
    compatibilityGroup: z.string().optional(),
    compatibilityPolicy: z.string().optional(),
  })
  .transform((c) => {
    const named = Object.fromEntries(Object.entries(c).filter(([k, v]) => v !== undefined && NAMED_CONFIG.has(k)));
    return { ...named, raw: { ...c } } as RegistryConfig;
  });

const NAMED_CONFIG = new Set([
  'compatibilityLevel',
  'normalize',
  'validateFields',
  'validateNewSchemas',
  'compatibilityGroup',
  'compatibilityPolicy',
]);

/** `PUT /config` echoes the update; some servers add fields. */
export const configUpdateShape = z.looseObject({ compatibility: level.optional() });

export const modeShape: z.ZodType<RegistryMode, unknown> = z
  .looseObject({ mode: z.enum(['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD'] satisfies RegistryMode[]) })
  .transform((m) => m.mode);

export const compatibilityShape = z
  .looseObject({ is_compatible: z.boolean(), messages: z.array(z.string()).nullish() })
  .transform((c) => ({ compatible: c.is_compatible, messages: c.messages ?? [] }));

/** Any body or none (DELETE /mode returns the old mode, which the client does not need). */
export const ignoredShape = z.unknown();
