/**
 * `POST /subjects/{s}/versions`, after KafkaSchemaRegistry.register and
 * AbstractSchemaRegistry.checkRegisterMode / checkIfSchemaWithIdExist.
 */
import { formatConfigLine } from '../../../src/registry/compat-messages.js';
import type { CompatibilityEngine } from './engine.js';
import { fail } from './failures.js';
import { contentKey, readSchemaRequest, readSubject, resolved, resolveReferences, type SchemaRequest } from './request-body.js';
import { contextOf, type RegistryState, type StoredVersion } from './state.js';

export interface RegisterOptions {
  /** Accepted but not applied: the test registry does not normalise schemas. */
  readonly normalize: boolean;
  /** `force=true`: skip the compatibility check outside IMPORT (2026-08). */
  readonly force: boolean;
}

export interface RegisterResponse {
  readonly id: number;
  readonly version: number;
}

export function register(
  state: RegistryState,
  engine: CompatibilityEngine,
  rawSubject: string,
  body: unknown,
  options: RegisterOptions,
): RegisterResponse {
  const subject = readSubject(rawSubject);
  const request = readSchemaRequest(body);
  checkRegisterMode(state, subject, request.id !== undefined);
  const importing = state.modeInScope(subject) === 'IMPORT' || state.modeInScope(subject) === 'FORWARD';
  const candidate = prepare(state, engine, subject, request, importing);
  const context = contextOf(subject);
  const key = contentKey(candidate);

  const sameContent = [...state.everyVersion()].find((v) => contextOf(v.subject) === context && contentKey(v) === key);
  const reuseId = sameContent && (request.id === undefined || request.id === sameContent.id) ? sameContent.id : undefined;
  const existing = state.all(subject).find((v) => contentKey(v) === key && (reuseId === undefined || v.id === reuseId));
  if (existing && !existing.deleted && (request.version === undefined || request.version === existing.version)) {
    if (request.id === undefined || request.id === existing.id) return { id: existing.id, version: existing.version };
  }

  if (!importing && !options.force) checkCompatibility(state, engine, subject, candidate);
  const version = nextVersion(state, subject, request, importing);
  const id = request.id ?? reuseId ?? state.nextId(context);
  if (request.id !== undefined) checkIdIsFree(state, context, request.id, key);
  state.noteId(context, id);
  store(state, { ...candidate, subject, version, id, deleted: false, ts: ++state.clock });
  return { id, version };
}

/** READONLY refuses writes; an explicit id needs IMPORT (or FORWARD); no id needs READWRITE. */
function checkRegisterMode(state: RegistryState, subject: string, hasId: boolean): void {
  const mode = state.modeInScope(subject);
  const where = `Subject ${subject} in context ${contextOf(subject)}`;
  if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') throw fail.notPermitted(`${where} is in read-only mode`);
  if (hasId && mode !== 'IMPORT' && mode !== 'FORWARD') throw fail.notPermitted(`${where} is not in import mode`);
  if (!hasId && mode !== 'READWRITE') throw fail.notPermitted(`${where} is not in read-write mode`);
}

type Candidate = Pick<StoredVersion, 'schema' | 'schemaType' | 'references' | 'metadata' | 'ruleSet'>;

/**
 * Canonicalises and validates (strictly only for new schemas outside IMPORT, as validateNewSchemas
 * does). Guess: the wording of 42201 messages; Confluent quotes the whole request entity.
 */
function prepare(
  state: RegistryState,
  engine: CompatibilityEngine,
  subject: string,
  request: SchemaRequest,
  importing: boolean,
): Candidate {
  let schema: string;
  try {
    schema = engine.canonicalize(request);
  } catch (error) {
    throw fail.invalidSchema(`Invalid schema for subject "${subject}", details: ${(error as Error).message}`);
  }
  const references = resolveReferences(state, subject, request.references, request.id !== undefined);
  const strict = !importing && (state.configInScope(subject).validateNewSchemas ?? true);
  const problem = engine.validate({ schemaType: request.schemaType, schema, references }, strict);
  if (problem) throw fail.invalidSchema(`Invalid schema for subject "${subject}", details: ${problem}`);
  // Absent metadata and ruleSet are inherited from the latest live version (outside IMPORT).
  const previous = importing ? undefined : state.latestLive(subject);
  const metadata = request.metadata ?? previous?.metadata;
  const ruleSet = request.ruleSet ?? previous?.ruleSet;
  return {
    schema,
    schemaType: request.schemaType,
    references: request.references,
    ...(metadata !== undefined ? { metadata } : {}),
    ...(ruleSet !== undefined ? { ruleSet } : {}),
  };
}

function checkCompatibility(state: RegistryState, engine: CompatibilityEngine, subject: string, candidate: Candidate): void {
  const config = state.configInScope(subject);
  const level = config.compatibilityLevel ?? 'BACKWARD';
  const group = config.compatibilityGroup;
  // compatibilityGroup: only versions with the same value of that metadata property are compared.
  const inGroup = (v: Pick<StoredVersion, 'metadata'>) => group === undefined || groupValue(v, group) === groupValue(candidate, group);
  const history = state
    .live(subject)
    .filter(inGroup)
    .map((v) => ({ ...resolved(state, v), version: v.version }));
  const references = resolveReferences(state, subject, candidate.references, true);
  const messages = engine.check({ ...candidate, references }, history, level);
  if (messages.length) throw fail.incompatible(subject, [...messages, formatConfigLine(config.validateFields ?? false, level)]);
}

function groupValue(v: Pick<StoredVersion, 'metadata'>, group: string): string | undefined {
  const properties = (v.metadata as { properties?: Record<string, unknown> } | undefined)?.properties;
  const value = properties?.[group];
  return typeof value === 'string' ? value : undefined;
}

/** Max version (soft-deleted included) + 1; IMPORT may choose any free version. */
function nextVersion(state: RegistryState, subject: string, request: SchemaRequest, importing: boolean): number {
  const next = Math.max(0, ...state.all(subject).map((v) => v.version)) + 1;
  if (request.version === undefined) return next;
  if (!importing && request.version !== next) {
    throw fail.invalidSchema('Version is not one more than previous version');
  }
  if (state.find(subject, request.version)) {
    // Guess: Confluent overwrites the stored version silently here; refusing makes restore bugs visible.
    throw fail.notPermitted(`Version ${request.version} of subject ${subject} already exists with other content`);
  }
  return request.version;
}

/** checkIfSchemaWithIdExist: an id already used by other content in the context is refused. */
function checkIdIsFree(state: RegistryState, context: string, id: number, key: string): void {
  const holder = state.byId(context, id);
  if (holder && contentKey(holder) !== key) {
    throw fail.notPermitted(`Overwrite new schema with id ${id} in context ${context} is not permitted.`);
  }
}

/**
 * Deviation: Confluent also hard-deletes an older soft-deleted version with the same id when the
 * same schema is registered again (unless referenced); the test registry keeps it.
 */
function store(state: RegistryState, version: StoredVersion): void {
  const list = state.versions.get(version.subject) ?? [];
  list.push(version);
  list.sort((a, b) => a.version - b.version);
  state.versions.set(version.subject, list);
  const context = contextOf(version.subject);
  if (context !== '.') state.contexts.add(context);
}
