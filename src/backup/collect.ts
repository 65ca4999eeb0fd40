/**
 * Reads a registry's whole state into a RegistrySnapshot: every version (soft-deleted ones too, by
 * default) by the bulk `GET /schemas` listing, or subject by subject where the server has no bulk
 * listing; then configs, modes and the highest id per context.
 *
 * The bulk listing is paged at the server's 1,000-row cap (the client pages it); its subjects are
 * reconciled against `GET /subjects`, so a page that went missing fails the backup instead of
 * silently dropping subjects.
 */
import {
  CONTEXT_WILDCARD,
  RegistryError,
  contextSubject,
  parseQualifiedSubject,
  type RegisteredSchema,
  type RegistryClient,
} from '../registry/index.js';
import { BackupError } from './errors.js';
import type { RegistrySnapshot, ScopeSettings, SubjectRecord, VersionRecord } from './model.js';

export interface CollectOptions {
  /** Include soft-deleted subjects and versions (default true). */
  readonly includeDeleted: boolean;
  /** `auto`: bulk, falling back to the walk when the server has no `GET /schemas`. */
  readonly listing: 'auto' | 'bulk' | 'walk';
  /**
   * The subjects whose config and mode are read (every subject when absent). Versions are listed
   * for every subject either way: a restore needs every id in use to find conflicts.
   */
  readonly settingsFilter?: (subject: string) => boolean;
  /** Called as work completes: done out of total (total grows while listing). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Collected {
  readonly snapshot: RegistrySnapshot;
  readonly listing: 'bulk' | 'walk';
}

export async function collectSnapshot(client: RegistryClient, options: CollectOptions): Promise<Collected> {
  const wanted = options.settingsFilter ?? (() => true);
  const subjectNames = await client.listSubjects({ deleted: options.includeDeleted, subjectPrefix: CONTEXT_WILDCARD });
  const { rows, listing } = await listVersions(client, subjectNames, options);
  const bySubject = groupBySubject(rows);
  reconcile(subjectNames, bySubject, listing);
  const progress = counter(subjectNames.length, options.onProgress);
  const subjects = new Map<string, SubjectRecord>();
  await Promise.all(
    subjectNames.map(async (name) => {
      const settings = wanted(name) ? await scopeSettings(client, name) : {};
      subjects.set(name, { subject: name, settings, versions: bySubject.get(name) ?? [] });
      progress();
    }),
  );
  const contexts = await contextSettings(client);
  const global: ScopeSettings = { config: (await client.getGlobalConfig()).raw, mode: await client.getGlobalMode() };
  const maxIds = await highestIds(client, rows);
  return { snapshot: { global, contexts, subjects: sortedMap(subjects), maxIds }, listing };
}

async function listVersions(
  client: RegistryClient,
  subjects: readonly string[],
  options: CollectOptions,
): Promise<{ rows: VersionRecord[]; listing: 'bulk' | 'walk' }> {
  if (options.listing !== 'walk') {
    try {
      // No subjectPrefix: the server's default '' covers every key, named contexts included. `:*:`
      // would not do: KafkaSchemaRegistry turns a bare `:*:` into the range of named contexts only.
      const rows = await client.listSchemas({ deleted: options.includeDeleted });
      // Servers that omit the `deleted` flag would make soft-deleted versions look live: a second,
      // live-only listing (one request per 1,000 versions) tells them apart on any server.
      const live = options.includeDeleted ? new Set((await client.listSchemas()).map(rowKey)) : undefined;
      if (live) {
        requireLiveListed(live, rows);
        await confirmSoftDeleted(client, rows.filter((r) => !r.deleted && !live.has(rowKey(r))));
      }
      const isDeleted = (r: RegisteredSchema) => r.deleted || (live !== undefined && !live.has(rowKey(r)));
      return { rows: rows.map((r) => toRecord(r, isDeleted(r))), listing: 'bulk' };
    } catch (error) {
      // Servers before CP 6.1 have no GET /schemas: 404 without a schema error code, or 405.
      const unsupported = error instanceof RegistryError && (error.httpStatus === 405 || (error.httpStatus === 404 && error.code !== 40403));
      if (options.listing === 'bulk' || !unsupported) throw error;
    }
  }
  return { rows: await walk(client, subjects, options), listing: 'walk' };
}

function rowKey(r: { readonly subject: string; readonly version: number }): string {
  return `${r.subject}\u0000${r.version}`;
}

/**
 * A version missing from the live listing is taken as soft-deleted, so both listings must be of
 * the same registry state: a live version the full listing lacks shows they are not.
 */
function requireLiveListed(live: ReadonlySet<string>, all: readonly RegisteredSchema[]): void {
  const listed = new Set(all.map(rowKey));
  const missing = [...live].filter((k) => !listed.has(k)).map((k) => k.replace('\u0000', ' version '));
  if (missing.length === 0) return;
  throw new BackupError(
    'incomplete',
    `the registry changed during the backup: ${missing.length} live version(s) are missing from the listing with deleted versions (${missing.slice(0, 3).join('; ')}${missing.length > 3 ? '; …' : ''})`,
    'Nothing was published; rerun the backup',
    missing,
  );
}

/**
 * Versions the full listing shows without a `deleted` flag and the live listing lacks are taken as
 * soft-deleted only once a live read of each says so: a live listing that shifted while paged
 * skips live rows, which must not be backed up as deleted.
 */
async function confirmSoftDeleted(client: RegistryClient, inferred: readonly RegisteredSchema[]): Promise<void> {
  const stillLive = await Promise.all(
    inferred.map(async (r) => {
      try {
        await client.getVersion(r.subject, r.version);
        return [`${r.subject} version ${r.version}`];
      } catch (error) {
        if (error instanceof RegistryError && error.httpStatus === 404) return [];
        throw error;
      }
    }),
  );
  const live = stillLive.flat();
  if (live.length === 0) return;
  throw new BackupError(
    'incomplete',
    `the registry changed during the backup: ${live.length} version(s) missing from the live listing are live (${live.slice(0, 3).join('; ')}${live.length > 3 ? '; …' : ''})`,
    'Nothing was published; rerun the backup',
    live,
  );
}

/** Two requests per subject (all versions, live versions) and one per version: for servers without the bulk listing. */
async function walk(client: RegistryClient, subjects: readonly string[], options: CollectOptions): Promise<VersionRecord[]> {
  const deleted = options.includeDeleted;
  const perSubject = await Promise.all(
    subjects.map(async (subject) => {
      const versions = await client.listVersions(subject, { deleted });
      const live = deleted ? new Set(await liveVersions(client, subject)) : undefined;
      return Promise.all(versions.map(async (v) => toRecord(await client.getVersion(subject, v, { deleted }), live !== undefined && !live.has(v))));
    }),
  );
  return perSubject.flat();
}

/** The live versions; none when every version is soft-deleted (40401). Any other failure stops the backup. */
async function liveVersions(client: RegistryClient, subject: string): Promise<number[]> {
  try {
    return await client.listVersions(subject);
  } catch (error) {
    if (error instanceof RegistryError && error.httpStatus === 404 && error.code === 40401) return [];
    throw error;
  }
}

function toRecord(s: RegisteredSchema, deletedByListing: boolean): VersionRecord {
  return {
    subject: s.subject,
    version: s.version,
    id: s.id,
    schemaType: s.schemaType,
    schema: s.schema,
    references: s.references.map((r) => ({ name: r.name, subject: r.subject, version: r.version })),
    ...(s.metadata !== undefined && s.metadata !== null ? { metadata: s.metadata } : {}),
    ...(s.ruleSet !== undefined && s.ruleSet !== null ? { ruleSet: s.ruleSet } : {}),
    ...(s.guid !== undefined ? { guid: s.guid } : {}),
    deleted: s.deleted || deletedByListing,
  };
}

function groupBySubject(rows: readonly VersionRecord[]): Map<string, VersionRecord[]> {
  const out = new Map<string, VersionRecord[]>();
  for (const row of rows) {
    const list = out.get(row.subject) ?? [];
    list.push(row);
    out.set(row.subject, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.version - b.version);
  return out;
}

/** The bulk listing and `GET /subjects` must name the same subjects, each version once. */
function reconcile(subjects: readonly string[], bySubject: ReadonlyMap<string, readonly VersionRecord[]>, listing: string): void {
  const listed = new Set(subjects);
  const missing = subjects.filter((s) => !(bySubject.get(s)?.length));
  const extra = [...bySubject.keys()].filter((s) => !listed.has(s));
  const duplicated = [...bySubject.values()].filter((vs) => new Set(vs.map((v) => v.version)).size !== vs.length).map((vs) => vs[0]?.subject);
  const problems = [
    ...missing.map((s) => `subject '${s}' is listed by GET /subjects but has no versions in the ${listing} listing`),
    ...extra.map((s) => `subject '${s}' has versions in the ${listing} listing but is not listed by GET /subjects`),
    ...duplicated.map((s) => `subject '${s}' has the same version twice in the ${listing} listing`),
  ];
  if (problems.length === 0) return;
  throw new BackupError(
    'incomplete',
    `the registry's listings disagree (${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}); a page may have gone missing or the registry changed during the backup`,
    'Nothing was published; run the backup again, or with --listing walk',
    problems,
  );
}

async function scopeSettings(client: RegistryClient, scope: string): Promise<ScopeSettings> {
  const [config, mode] = await Promise.all([client.getSubjectConfig(scope), client.getSubjectMode(scope)]);
  return { ...(config ? { config: config.raw } : {}), ...(mode ? { mode } : {}) };
}

async function contextSettings(client: RegistryClient): Promise<Map<string, ScopeSettings>> {
  let contexts: string[];
  try {
    contexts = await client.listContexts();
  } catch (error) {
    // Before CP 7.0 there are no contexts.
    if (error instanceof RegistryError && error.httpStatus === 404) return new Map();
    throw error;
  }
  const named = contexts.filter((c) => c !== '.').sort();
  const entries = await Promise.all(named.map(async (c) => [c, await scopeSettings(client, contextSubject(c))] as const));
  return new Map(entries);
}

/** `fetchMaxId` per context, asked with any id of the context; the listed maximum when unsupported. */
async function highestIds(client: RegistryClient, rows: readonly VersionRecord[]): Promise<Record<string, number>> {
  const byContext = new Map<string, number>();
  for (const r of rows) {
    const ctx = parseQualifiedSubject(r.subject).context;
    byContext.set(ctx, Math.max(byContext.get(ctx) ?? 0, r.id));
  }
  const out: Record<string, number> = {};
  for (const [ctx, listedMax] of [...byContext].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const found = await client.getSchemaById(listedMax, { subject: ctx === '.' ? undefined : contextSubject(ctx), fetchMaxId: true }).catch(maxIdUnsupported);
    out[ctx] = Math.max(listedMax, found?.maxId ?? 0);
  }
  return out;
}

/**
 * Servers without `fetchMaxId` (or that cannot find the id in that context) answer 404, 405 or a
 * 422 for the unknown parameter: the listed maximum stands. Anything else fails the backup.
 */
function maxIdUnsupported(error: unknown): undefined {
  if (error instanceof RegistryError && (error.httpStatus === 404 || error.httpStatus === 405 || error.httpStatus === 422)) return undefined;
  throw error;
}

function counter(total: number, onProgress?: (done: number, total: number) => void): () => void {
  let done = 0;
  onProgress?.(0, total);
  return () => onProgress?.(++done, total);
}

function sortedMap<V>(map: ReadonlyMap<string, V>): Map<string, V> {
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
