/**
 * The read endpoints: subjects, versions, schemas by id, the `/schemas` listing, lookup and the
 * compatibility test (SubjectsResource, SubjectVersionsResource, SchemasResource,
 * CompatibilityResource, ContextsResource).
 */
import { formatConfigLine } from '../../../src/registry/compat-messages.js';
import { CONTEXT_WILDCARD, parseQualifiedSubject } from '../../../src/registry/qualified-subject.js';
import type { CompatibilityEngine } from './engine.js';
import { fail } from './failures.js';
import { contentKey, readSchemaRequest, readSubject, resolved, resolveReferences } from './request-body.js';
import { contextOf, requireSubject, type RegistryState, type StoredVersion } from './state.js';

/** `?limit` as normalizeLimit reads it: used only when 0 < limit ≤ max, else the default. */
export interface PageLimits {
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

export function page<T>(rows: readonly T[], offset: number | undefined, limit: number | undefined, limits: PageLimits): T[] {
  const size = limit !== undefined && limit > 0 && limit <= limits.maxLimit ? limit : limits.defaultLimit;
  const start = Math.max(0, offset ?? 0);
  return rows.slice(start, Number.isFinite(size) ? start + size : undefined);
}

/** The Schema entity as the server writes it: schemaType and empty fields are left out for Avro. */
export function entity(v: StoredVersion): Record<string, unknown> {
  return {
    subject: v.subject,
    version: v.version,
    id: v.id,
    ...(v.schemaType !== 'AVRO' ? { schemaType: v.schemaType } : {}),
    ...(v.references.length ? { references: v.references } : {}),
    ...(v.metadata !== undefined ? { metadata: v.metadata } : {}),
    ...(v.ruleSet !== undefined ? { ruleSet: v.ruleSet } : {}),
    schema: v.schema,
    ...(v.deleted ? { deleted: true } : {}),
  };
}

export type Filter = 'live' | 'all' | 'deletedOnly';

export function filterOf(deleted: boolean, deletedOnly: boolean): Filter {
  return deletedOnly ? 'deletedOnly' : deleted ? 'all' : 'live';
}

function keep(v: StoredVersion, filter: Filter): boolean {
  return filter === 'all' || (filter === 'live' ? !v.deleted : v.deleted);
}

/**
 * `:*:` (the default) and '' match every context; `:*:x` matches subjects starting with x in any
 * context; anything else is a prefix of the qualified name. A subject counts as deleted when all
 * its versions are (extractUniqueSubjects); names are sorted as strings, so named contexts
 * (`:.ctx:…`) come before the default context.
 */
export function matchingSubjects(state: RegistryState, prefix: string | undefined, filter: Filter): string[] {
  const wanted = prefix ?? CONTEXT_WILDCARD;
  const matches = (s: string) => {
    if (wanted === '' || wanted === CONTEXT_WILDCARD) return true;
    if (wanted.startsWith(CONTEXT_WILDCARD)) return parseQualifiedSubject(s).subject.startsWith(wanted.slice(CONTEXT_WILDCARD.length));
    return s.startsWith(wanted);
  };
  const wholeSubject = (s: string) => {
    const deleted = state.all(s).every((v) => v.deleted);
    return filter === 'all' || (filter === 'live' ? !deleted : deleted);
  };
  return [...state.versions.keys()].filter((s) => matches(s) && state.all(s).length > 0 && wholeSubject(s)).sort();
}

export function listVersions(state: RegistryState, subject: string, filter: Filter): number[] {
  requireSubject(state, subject, filter !== 'live');
  return state.all(subject).filter((v) => keep(v, filter)).map((v) => v.version);
}

/** 'latest' and -1 mean the newest live version. */
export function parseVersion(text: string): number | 'latest' {
  if (text === 'latest') return 'latest';
  if (!/^-?\d+$/.test(text)) throw fail.invalidVersion(text);
  const n = Number(text);
  if (n === -1) return 'latest';
  if (n <= 0 || n > 2 ** 31 - 1) throw fail.invalidVersion(text);
  return n;
}

export function getVersion(state: RegistryState, subject: string, version: number | 'latest', deleted: boolean): StoredVersion {
  const found = version === 'latest' ? state.latestLive(subject) : state.find(subject, version);
  if (found && (!found.deleted || deleted)) return found;
  requireSubject(state, subject, deleted);
  throw fail.versionNotFound(version === 'latest' ? -1 : version);
}

/** Guess: the id is looked up in the context of `subject` (the default context without one). */
export function schemaById(state: RegistryState, id: number, subject: string | undefined, fetchMaxId: boolean): Record<string, unknown> {
  const context = subject === undefined ? '.' : contextOf(subject);
  const v = state.byId(context, id);
  if (!v) throw fail.schemaNotFound(id);
  const { subject: _s, version: _v, id: _i, deleted: _d, ...rest } = entity(v);
  return { ...rest, ...(fetchMaxId ? { maxId: state.maxId.get(context) ?? id } : {}) };
}

/** `GET /schemas/ids/{id}/subjects`: the subjects carrying the id in the context of `subject` (sorted). */
export function subjectsOfId(state: RegistryState, id: number, subject: string | undefined, deleted: boolean): string[] {
  const context = subject === undefined ? '.' : contextOf(subject);
  const rows = [...state.everyVersion()].filter((v) => v.id === id && contextOf(v.subject) === context && (deleted || !v.deleted));
  if (rows.length === 0) throw fail.schemaNotFound(id);
  const subjects = [...new Set(rows.map((v) => v.subject))].sort();
  return subject === undefined ? subjects : subjects.filter((s) => s === subject);
}

/** `GET /schemas/ids/{id}/schema`: the raw schema, as `/subjects/{s}/versions/{v}/schema` returns it. */
export function rawSchemaById(state: RegistryState, id: number, subject: string | undefined): unknown {
  const context = subject === undefined ? '.' : contextOf(subject);
  const v = state.byId(context, id);
  if (!v) throw fail.schemaNotFound(id);
  return v.schemaType === 'AVRO' || v.schemaType === 'JSON' ? (JSON.parse(v.schema) as unknown) : v.schema;
}

/**
 * `GET /subjects/{s}/versions/{v}/referencedby`: ids of the versions referring to it, ascending
 * (KafkaSchemaRegistry.getReferencedBy); soft-deleted referrers only with `deleted`.
 */
export function referencedBy(state: RegistryState, subject: string, version: number | 'latest', deleted: boolean): number[] {
  const target = getVersion(state, subject, version, deleted);
  const ids = state.referrers(target.subject, target.version, deleted).map((v) => v.id);
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** `GET /schemas`: every matching version, sorted by subject then version. */
export function listSchemas(state: RegistryState, prefix: string | undefined, deleted: boolean, latestOnly: boolean): StoredVersion[] {
  const filter: Filter = deleted ? 'all' : 'live';
  return matchingSubjects(state, prefix ?? '', filter).flatMap((s) => {
    const versions = state.all(s).filter((v) => keep(v, filter));
    return latestOnly ? versions.slice(-1) : versions;
  });
}

export function lookup(state: RegistryState, engine: CompatibilityEngine, rawSubject: string, body: unknown, deleted: boolean): StoredVersion {
  const subject = readSubject(rawSubject);
  const request = readSchemaRequest(body);
  let schema: string;
  try {
    schema = engine.canonicalize(request);
  } catch (error) {
    throw fail.invalidSchema(`Invalid schema for subject "${subject}", details: ${(error as Error).message}`);
  }
  const key = contentKey({ ...request, schema });
  const found = state.all(subject).find((v) => (deleted || !v.deleted) && contentKey(v) === key);
  if (found) return found;
  requireSubject(state, subject, deleted);
  throw fail.schemaNotFound();
}

/**
 * `POST /compatibility/subjects/{s}/versions[/{v}]`: against every live version, or one version
 * (`latest` on an empty subject is compatible). An unparsable schema is 42201, or with `verbose`
 * an incompatible answer carrying the parse error.
 */
export function testCompatibility(
  state: RegistryState,
  engine: CompatibilityEngine,
  rawSubject: string,
  version: string | undefined,
  body: unknown,
): string[] {
  const subject = readSubject(rawSubject);
  const against = version === undefined ? undefined : parseVersion(version);
  let history = state.live(subject);
  if (against !== undefined) {
    const one = against === 'latest' ? state.latestLive(subject) : state.live(subject).find((v) => v.version === against);
    if (!one && against !== 'latest') throw fail.versionNotFound(against);
    history = one ? [one] : [];
  }
  const request = readSchemaRequest(body);
  let schema: string;
  try {
    schema = engine.canonicalize(request);
  } catch (error) {
    throw fail.invalidSchema(`Invalid schema for subject "${subject}", details: ${(error as Error).message}`);
  }
  const references = resolveReferences(state, subject, request.references, false);
  const config = state.configInScope(subject);
  const problem = engine.validate({ schemaType: request.schemaType, schema, references }, config.validateNewSchemas ?? true);
  if (problem) throw fail.invalidSchema(`Invalid schema for subject "${subject}", details: ${problem}`);
  const level = config.compatibilityLevel ?? 'BACKWARD';
  const messages = engine.check(
    { schemaType: request.schemaType, schema, references },
    history.map((v) => ({ ...resolved(state, v), version: v.version })),
    level,
  );
  return messages.length ? [...messages, formatConfigLine(config.validateFields ?? false, level)] : [];
}

export function listContexts(state: RegistryState): string[] {
  return ['.', ...[...state.contexts].sort()];
}
