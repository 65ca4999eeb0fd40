/** Reading the JSON bodies of register, lookup and compatibility requests (RegisterSchemaRequest.java). */
import { canonicalSubject, parseQualifiedSubject, resolveReferenceSubject } from '../../../src/registry/qualified-subject.js';
import type { SchemaReference } from '../../../src/registry/types.js';
import type { ResolvedSchema, SchemaText } from './engine.js';
import { fail } from './failures.js';
import type { RegistryState, StoredVersion } from './state.js';

export interface SchemaRequest {
  readonly schema: string;
  readonly schemaType: string;
  readonly references: readonly SchemaReference[];
  readonly metadata?: unknown;
  readonly ruleSet?: unknown;
  readonly id?: number;
  readonly version?: number;
}

const SCHEMA_TYPES = new Set(['AVRO', 'JSON', 'PROTOBUF']);

export function readSchemaRequest(body: unknown): SchemaRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fail.badRequest('Request body must be a JSON object');
  const b = body as Record<string, unknown>;
  const schemaType = b['schemaType'] ?? 'AVRO';
  if (typeof schemaType !== 'string' || !SCHEMA_TYPES.has(schemaType)) throw fail.invalidSchema(`Invalid schema type ${String(schemaType)}`);
  if (typeof b['schema'] !== 'string' || b['schema'].trim() === '') throw fail.invalidSchema('Empty schema');
  return {
    schema: b['schema'],
    schemaType,
    references: readReferences(b['references']),
    ...(b['metadata'] != null ? { metadata: b['metadata'] } : {}),
    ...(b['ruleSet'] != null ? { ruleSet: b['ruleSet'] } : {}),
    ...optionalInt(b, 'id'),
    ...optionalInt(b, 'version'),
  };
}

function readReferences(value: unknown): SchemaReference[] {
  if (value == null) return [];
  if (!Array.isArray(value)) throw fail.badRequest('references must be an array');
  return value.map((r: unknown) => {
    const ref = (r ?? {}) as Record<string, unknown>;
    if (typeof ref['name'] !== 'string' || typeof ref['subject'] !== 'string' || !Number.isInteger(ref['version'])) {
      throw fail.badRequest('Each reference needs a string name and subject and an integer version');
    }
    return { name: ref['name'], subject: ref['subject'], version: ref['version'] as number };
  });
}

/** Confluent treats a missing id as -1 and a missing version as 0. */
function optionalInt(b: Record<string, unknown>, key: 'id' | 'version'): { id?: number } | { version?: number } {
  const value = b[key];
  if (value == null) return {};
  if (!Number.isInteger(value)) throw fail.badRequest(`${key} must be an integer`);
  const n = value as number;
  if (key === 'id' && n < 0) return {};
  if (key === 'version' && n <= 0) return {};
  return { [key]: n };
}

/** The subject a path names, qualified; 42208 for a name the registry refuses. */
export function readSubject(raw: string): string {
  // Guess: Confluent's QualifiedSubject.isValidSubject also rejects some reserved names; we refuse
  // only empty names and control characters.
  if (raw === '' || [...raw].some((c) => c.charCodeAt(0) < 0x20)) throw fail.invalidSubject(raw);
  const { subject } = parseQualifiedSubject(raw);
  if (subject === '') throw fail.invalidSubject(raw);
  return canonicalSubject(raw);
}

/**
 * The texts of everything `references` reach, dependencies first. A reference to a soft-deleted
 * version only resolves when `allowDeleted` (a registration with an explicit id, as in IMPORT).
 */
export function resolveReferences(
  state: RegistryState,
  referrer: string,
  references: readonly SchemaReference[],
  allowDeleted: boolean,
  seen = new Set<string>(),
): SchemaText[] {
  const out: SchemaText[] = [];
  for (const ref of references) {
    const target = findReference(state, referrer, ref, allowDeleted);
    const key = `${target.subject}\u0000${target.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(...resolveReferences(state, target.subject, target.references, true, seen));
    out.push({ schemaType: target.schemaType, schema: target.schema });
  }
  return out;
}

function findReference(state: RegistryState, referrer: string, ref: SchemaReference, allowDeleted: boolean): StoredVersion {
  const subject = resolveReferenceSubject(referrer, ref.subject);
  const found = ref.version === -1 ? state.latestLive(subject) : state.find(subject, ref.version);
  if (!found || (found.deleted && !allowDeleted)) {
    throw fail.invalidSchema(
      `Invalid schema for subject "${referrer}", details: No schema reference found for subject "${ref.subject}" and version ${ref.version}`,
    );
  }
  return found;
}

export function resolved(state: RegistryState, v: StoredVersion): ResolvedSchema {
  return { schemaType: v.schemaType, schema: v.schema, references: resolveReferences(state, v.subject, v.references, true) };
}

type Content = Pick<StoredVersion, 'schema' | 'schemaType' | 'references' | 'metadata' | 'ruleSet'>;

/** Stored versions never change content, so their keys are computed once. */
const KEYS = new WeakMap<Content, string>();

/** What makes two registrations the same schema (schema, type, references, metadata, ruleSet). */
export function contentKey(v: Content): string {
  let key = KEYS.get(v);
  if (key === undefined) {
    key = JSON.stringify([v.schemaType, v.schema, v.references, v.metadata ?? null, v.ruleSet ?? null]);
    KEYS.set(v, key);
  }
  return key;
}
