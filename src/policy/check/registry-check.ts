/**
 * The registry-backed check of each planned schema file: the subject's level, its live versions and
 * the registry's verdict, all asked at once per subject (the client's semaphore bounds the requests in
 * flight), then the cross-check by the local engine on those versions.
 *
 * Fail closed: a registry that cannot answer (outage, 5xx or 429 after retries, timeouts, malformed
 * answers) or refuses the credentials stops the whole run with a RegistryCheckError; a subject-level
 * refusal (e.g. 422 for its schema) is that subject's error.
 */
import type { CompatibilityLevel } from '../../avro/compat/index.js';
import { RegistryError, type RegisteredSchema, type RegistryErrorKind } from '../../registry/index.js';
import { SubjectNamingError, subjectNameFor, type SubjectMapping, type SubjectResolver } from '../config/subjects.js';
import type { HistoryVersion, SentReference, SubjectReport } from '../report/model.js';
import { errorSubject, type SubjectBase } from './evaluate.js';
import { loadFromClosure } from './load-candidate.js';
import { nameSubject, schemaErrorEntry, type Naming } from './naming.js';
import type { CheckTarget } from './plan.js';
import type { ReferenceResolver } from './references.js';
import type { RegistryFacts } from './registry-facts.js';
import { registrySubjectReport, type SubjectAnswer } from './registry-verdict.js';
import { registryHistory } from './registry-versions.js';
import { sourceClosure, type ScannedSource } from './sources.js';
import type { Workspace } from './workspace.js';

/** Why a registry run could not produce verdicts: `unavailable` (try again later) or `refused` (fix the settings). */
export class RegistryCheckError extends Error {
  override readonly name = 'RegistryCheckError';
  constructor(
    message: string,
    readonly kind: 'unavailable' | 'refused',
    /** The registry failure itself, one line, without advice (credential-free, as every RegistryError). */
    readonly detail: string,
  ) {
    super(message);
  }
}

/** Failures that mean the registry cannot answer now; `on-registry-unavailable: offline` may fall back on these only. */
const UNAVAILABLE: readonly RegistryErrorKind[] = ['network', 'timeout', 'server', 'rate-limited', 'malformed-response'];
/** Failures of the run's settings (an unexpected status is a redirect or a proxy): never a fallback, since it would hide them. */
const REFUSED: readonly RegistryErrorKind[] = ['unauthorized', 'forbidden', 'tls', 'invalid-settings', 'http'];

export interface RegistryCheckContext {
  readonly workspace: Workspace;
  readonly resolver: SubjectResolver;
  readonly facts: RegistryFacts;
  readonly references: ReferenceResolver;
  /** The client's requests in flight at once; subjects are started in proportion. */
  readonly concurrency: number;
    /** The file as it was on the base branch (deleted files, named by their record under the record strategies). */
  readonly previousSource: (target: CheckTarget) => Promise<ScannedSource | undefined>;
}

/**
 * Subjects in flight at once, per request slot of the client: each asks 2–3 questions at once, so
 * twice the slots keeps the client's queue full while leaving little queued when the run must stop.
 */
const SUBJECTS_PER_SLOT = 2;

export async function checkTargetsAgainstRegistry(targets: readonly CheckTarget[], ctx: RegistryCheckContext): Promise<SubjectReport[]> {
  const stop = stopAfterFailure(ctx.facts);
  const guarded = { ...ctx, facts: stop.facts };
  const results: SubjectReport[] = new Array<SubjectReport>(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      stop.check();
      results[index] = await checkOne(targets[index] as CheckTarget, guarded);
    }
  };
  const slots = Math.max(1, ctx.concurrency * SUBJECTS_PER_SLOT);
  try {
    await Promise.all(Array.from({ length: Math.min(slots, targets.length) }, worker));
  } catch (error) {
    throw runFailure(error);
  }
  return results;
}

/**
 * Once one request has failed in a way that stops the run, the facts not yet asked fail at once with
 * the same error: a registry in a 429 storm or an outage is not sent the rest of the queue.
 */
function stopAfterFailure(facts: RegistryFacts): { facts: RegistryFacts; check: () => void } {
  let stopped: RegistryError | undefined;
  const guard =
    <A extends unknown[], R>(ask: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (stopped !== undefined) throw stopped;
      try {
        return await ask(...args);
      } catch (error) {
        if (error instanceof RegistryError && (UNAVAILABLE.includes(error.kind) || REFUSED.includes(error.kind))) stopped ??= error;
        throw error;
      }
    };
  const guarded: RegistryFacts = {
    level: guard(facts.level),
    versions: guard(facts.versions),
    latest: guard(facts.latest),
    referenced: guard(facts.referenced),
    lookup: guard(facts.lookup),
    check: guard(facts.check),
  };
  return {
    facts: guarded,
    check: () => {
      if (stopped !== undefined) throw stopped;
    },
  };
}

async function checkOne(target: CheckTarget, ctx: RegistryCheckContext): Promise<SubjectReport> {
  const mapping = ctx.resolver.mappingFor(target.file);
  const base: SubjectBase = {
    subject: null,
    file: target.file,
    ...(target.kind === 'renamed' && { previousFile: target.historyPath }),
    level: mapping.level,
    warnings: [],
  };
  if (target.kind === 'deleted') return retirement(target, base, mapping, ctx);
  const { workspace } = ctx;
  const unreadable = workspace.sources.has(target.file) ? undefined : (workspace.unreadable.get(target.file) ?? `${target.file}: cannot read the file`);
  if (unreadable !== undefined) return errorSubject(base, { code: 'READ_ERROR', message: unreadable, file: target.file });
  const closure = await sourceClosure(target.file, workspace.reader, workspace.index);
  const loaded = loadFromClosure(target.file, closure, true);
  if (!loaded.ok) return errorSubject(base, schemaErrorEntry(loaded.error, target.file, loaded.text));
  const naming = nameSubject(target.file, mapping, loaded.value.loaded.schema);
  if (naming.error) return errorSubject(base, naming.error);
  const subject = naming.subject;
  const named = { ...base, subject };
  try {
    const answer = ask(subject, target.file, loaded.value.text, ctx);
    const compared = comparedVersions(subject, mapping.level, ctx.facts);
    const [{ level, registered }, { references, answered }] = await Promise.all([compared, answer]);
    const history = await registryHistory(registered, ctx.facts, target.file);
    const warnings = history.warnings;
    return registrySubjectReport({ ...named, level, warnings, history: history.versions, candidate: loaded.value, answer: answered, references, configLevel: mapping.level });
  } catch (error) {
    return subjectRefusal(named, error);
  }
}

/**
 * The level and the versions it compares with: every live one for transitive levels, else the latest.
 * The versions are fetched alongside the level, as the config's level predicts (one round trip, not
 * two); only when the registry's level is transitive and the config's is not is the listing fetched
 * afterwards.
 */
async function comparedVersions(subject: string, configLevel: CompatibilityLevel, facts: RegistryFacts): Promise<{ level: CompatibilityLevel; registered: readonly RegisteredSchema[] }> {
  const predicted = transitive(configLevel) ? facts.versions(subject) : facts.latest(subject);
  const [level, fetched] = await Promise.all([facts.level(subject), predicted]);
  if (!transitive(level)) return { level, registered: fetched.slice(-1) };
  return { level, registered: transitive(configLevel) ? fetched : await facts.versions(subject) };
}

const transitive = (level: CompatibilityLevel) => level.endsWith('_TRANSITIVE');

/** References first (they need look-ups), then the compatibility question with them. */
async function ask(subject: string, file: string, text: string, ctx: RegistryCheckContext): Promise<{ references: readonly SentReference[]; answered: SubjectAnswer }> {
  const resolved = await ctx.references(file);
  if (!resolved.ok) return { references: [], answered: { kind: 'unchecked', problems: resolved.problems } };
  const answered = await ctx.facts.check(subject, { schema: text, ...(resolved.references.length > 0 && { references: resolved.references }) });
  return { references: resolved.references, answered };
}

/** A deleted file retires its subject: the registry's live versions say what would be retired. */
async function retirement(target: CheckTarget, base: SubjectBase, mapping: SubjectMapping, ctx: RegistryCheckContext): Promise<SubjectReport> {
  const naming = retiredSubject(target, mapping, await ctx.previousSource(target));
  if (naming.error) return errorSubject(base, naming.error);
  const subject = naming.subject;
  try {
    const registered = await ctx.facts.versions(subject);
    const warnings = registered.length === 0 ? [`subject '${subject}' has no live version in the registry: nothing to retire`] : [];
    return { ...base, subject, warnings, history: registered.map(historyOf(target.file)), status: 'deleted', compatible: true, incompatibilities: [], changes: [] };
  } catch (error) {
    return subjectRefusal({ ...base, subject }, error);
  }
}

/** The record strategies need the record's name, which only the base branch's version of the file still has. */
function retiredSubject(target: CheckTarget, mapping: SubjectMapping, previous: ScannedSource | undefined): Naming {
  try {
    return { subject: subjectNameFor(target.file, mapping, previous?.scan?.defines[0]) };
  } catch (error) {
    if (!(error instanceof SubjectNamingError)) throw error;
    return { subject: null, error: { code: 'SUBJECT_NAMING', message: error.message, file: target.file } };
  }
}

const historyOf =
  (file: string) =>
  (version: RegisteredSchema, index: number): HistoryVersion => ({ version: index, file, registry: { subject: version.subject, version: version.version, id: version.id } });

/** A subject-level refusal becomes that subject's error; anything that means the run cannot continue is rethrown. */
function subjectRefusal(base: SubjectBase, error: unknown): SubjectReport {
  if (!(error instanceof RegistryError) || UNAVAILABLE.includes(error.kind) || REFUSED.includes(error.kind)) throw error;
  const code = error.code !== undefined ? `REGISTRY_${error.code}` : `REGISTRY_${error.kind.toUpperCase().replace(/-/g, '_')}`;
  return errorSubject(base, { code, message: `${base.file}: ${error.message}`, file: base.file });
}

/** Turns a run-stopping registry failure into a RegistryCheckError with what to do. */
export function runFailure(error: unknown): unknown {
  if (!(error instanceof RegistryError)) return error;
  if (REFUSED.includes(error.kind)) return new RegistryCheckError(`the registry check cannot run: ${error.message}`, 'refused', error.message);
  const fallback = 'Retry later, or set `on-registry-unavailable: offline` in guardrails.yaml to fall back to the git-history check (marked degraded).';
  return new RegistryCheckError(`the Schema Registry is unavailable, so the check fails closed: ${error.message} ${fallback}`, 'unavailable', error.message);
}
