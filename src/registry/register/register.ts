/**
 * `guardrails register`: every schema file of a commit whose subject's latest version differs from
 * it is registered, references first (in waves, each wave in parallel up to the client's
 * concurrency), after setting the subject's level to the one guardrails.yaml gives it. A lookup with
 * `normalize=true` comes first, so a second run writes nothing. An incompatible schema is refused
 * with the registry's own messages unless `proof` says the merged PR allowed the break.
 */
import type { RegistryClient, RegistryClientHandle } from '../client.js';
import { RegistryError } from '../errors.js';
import type { RegisteredSchema, SchemaInput, SchemaReference } from '../types.js';
import { registerThroughGroup, registerThroughTemporaryLevel, type BreakOutcome } from './allowed-break.js';
import { dependencyWaves } from './files.js';
import type { AuditLine, MergedPrProof, RegisterEntry, RegisterResult, SchemaFile } from './model.js';

export interface RegisterOptions {
  readonly commit: string;
  readonly files: readonly SchemaFile[];
  readonly dryRun: boolean;
  /** What the merged PR was allowed; absent: every break is refused. */
  readonly proof?: MergedPrProof;
}

export interface RegisterDeps {
  readonly client: RegistryClient;
  readonly openCleanupClient: (deadline: AbortSignal) => RegistryClientHandle;
  readonly signal: AbortSignal;
  readonly now: () => Date;
  readonly restoreDeadlineMs?: number;
  /** Called as each entry is decided. */
  readonly onEntry?: (entry: RegisterEntry) => void;
}

export async function registerSchemas(options: RegisterOptions, deps: RegisterDeps): Promise<RegisterResult> {
  const versions = new Map<string, number | 'pending'>();
  const blocked = new Set<string>();
  const entries: RegisterEntry[] = [];
  const audit: AuditLine[] = [];
  const subjectOf = new Map(options.files.map((f) => [f.file, f.subject] as const));
  for (const wave of dependencyWaves(options.files)) {
    // allSettled: when the registry goes away mid-wave, every file still in flight (a temporary level
    // among them) finishes its own clean-up before the run fails closed.
    const settled = await Promise.allSettled(
      wave.map(async (f) => {
        const references = f.uses.map((u) => ({ name: u.name, subject: subjectOf.get(u.file) as string, version: versions.get(u.file) }));
        const entry = await decide(f, references, blocked, options, deps, audit);
        deps.onEntry?.(entry);
        return entry;
      }),
    );
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
    for (const entry of settled.map((s) => (s as PromiseFulfilledResult<RegisterEntry>).value)) {
      entries.push(entry);
      if (entry.version !== undefined && (entry.action === 'unchanged' || entry.action.startsWith('registered'))) versions.set(entry.file, entry.version);
      else if (entry.action === 'planned' || entry.action === 'planned-break') versions.set(entry.file, 'pending');
      else blocked.add(entry.file);
    }
  }
  const failed = entries.some((e) => ['refused', 'failed', 'skipped', 'not-latest'].includes(e.action) || (e.via?.kind === 'temporary-level' && !e.via.restored));
  return { commit: options.commit, dryRun: options.dryRun, entries, audit, stopped: deps.signal.aborted, failed: failed || deps.signal.aborted };
}

type PendingReference = Omit<SchemaReference, 'version'> & { readonly version: number | 'pending' | undefined };

async function decide(
  f: SchemaFile,
  pending: readonly PendingReference[],
  blocked: ReadonlySet<string>,
  options: RegisterOptions,
  deps: RegisterDeps,
  audit: AuditLine[],
): Promise<RegisterEntry> {
  const at = { subject: f.subject, file: f.file };
  const dependency = f.uses.find((u) => blocked.has(u.file));
  if (dependency) return { ...at, action: 'skipped', references: [], messages: [`it uses ${dependency.name} from ${dependency.file}, which was not registered`] };
  if (deps.signal.aborted) return { ...at, action: 'skipped', references: [], messages: ['the run was stopped before this file'] };
  if (pending.some((r) => r.version === 'pending')) {
    // Dry run: a reference is only planned, so there is no version to look up against yet.
    return { ...at, action: 'planned', references: [], messages: [`after ${pending.filter((r) => r.version === 'pending').map((r) => r.subject).join(', ')}`] };
  }
  const references = pending.map((r) => ({ ...r, version: r.version as number }));
  try {
    return await decideRegistered(f, references, options, deps, audit);
  } catch (error) {
    if (error instanceof RegistryError && isUnavailable(error)) throw error;
    if (error instanceof RegistryError && error.kind === 'cancelled' && deps.signal.aborted) {
      return { ...at, action: 'skipped', references, messages: ['the run was stopped'] };
    }
    return { ...at, action: 'failed', references, messages: [messageOf(error)] };
  }
}

async function decideRegistered(f: SchemaFile, references: SchemaReference[], options: RegisterOptions, deps: RegisterDeps, audit: AuditLine[]): Promise<RegisterEntry> {
  const { client } = deps;
  const latest = await latestOf(client, f.subject);
  const effective = await client.getSubjectConfig(f.subject, { defaultToGlobal: true });
  // Sent every time: omitted metadata would be inherited from the latest version anyway.
  const input: SchemaInput = { schema: f.text, references, ...(latest?.metadata !== undefined ? { metadata: latest.metadata } : {}) };
  const base = { subject: f.subject, file: f.file, references, messages: [] as string[] };
  const levelSet = effective?.compatibilityLevel === f.level ? undefined : { from: effective?.compatibilityLevel, to: f.level };
  const found = latest ? await client.lookupSchema(f.subject, input, { normalize: true }) : undefined;
  if (levelSet && !options.dryRun) await client.setSubjectConfig(f.subject, { compatibility: f.level });
  const withLevel = { ...base, ...(levelSet ? { levelSet } : {}) };
  if (found) {
    if (latest && found.version !== latest.version) {
      return { ...withLevel, action: 'not-latest', id: found.id, version: found.version, messages: [`the file is version ${found.version}, but the latest is ${latest.version}; registering it again would return ${found.version}: delete the newer versions or change the file`] };
    }
    return { ...withLevel, action: 'unchanged', id: found.id, version: found.version };
  }
  const allowed = options.proof?.allowed.get(f.subject);
  if (options.dryRun) {
    const compat = await client.checkCompatibility(f.subject, input, { normalize: true });
    if (compat.compatible) return { ...withLevel, action: 'planned' };
    return allowed ? { ...withLevel, action: 'planned-break', messages: [...compat.messages] } : { ...withLevel, action: 'refused', messages: [...compat.messages] };
  }
  if (deps.signal.aborted) return { ...withLevel, action: 'skipped', messages: ['the run was stopped before this registration'] };
  try {
    const result = await client.register(f.subject, input, { normalize: true });
    return { ...withLevel, action: 'registered', id: result.id, ...versionOf(result.version) };
  } catch (error) {
    if (!(error instanceof RegistryError && error.kind === 'incompatible')) throw error;
    const messages = [error.serverMessage ?? error.problem];
    if (!allowed || !options.proof) return { ...withLevel, action: 'refused', messages };
    const group = effective?.compatibilityGroup;
    const outcome = group
      ? await registerThroughGroup(client, f.subject, input, group, latest?.metadata)
      : await registerThroughTemporaryLevel({ ...deps, ...(deps.restoreDeadlineMs ? { restoreDeadlineMs: deps.restoreDeadlineMs } : {}) }, f.subject, input);
    return breakEntry(withLevel, outcome, options.proof, allowed, deps, audit);
  }
}

function breakEntry(
  base: Omit<RegisterEntry, 'action'>,
  outcome: BreakOutcome,
  proof: MergedPrProof,
  matured: readonly string[],
  deps: RegisterDeps,
  audit: AuditLine[],
): RegisterEntry {
  const via =
    outcome.kind === 'compatibility-group'
      ? { kind: outcome.kind, property: outcome.property, ...(outcome.from !== undefined ? { from: outcome.from } : {}), to: outcome.to }
      : { kind: outcome.kind, restored: outcome.restored };
  const restoreNote = outcome.kind === 'temporary-level' && !outcome.restored ? [`the level of ${base.subject} may still be NONE: run guardrails register again, or PUT /config/${base.subject} back`] : [];
  if (outcome.kind === 'temporary-level' && outcome.result === undefined) {
    const stopped = outcome.error instanceof RegistryError && outcome.error.kind === 'cancelled';
    return { ...base, action: stopped ? 'skipped' : 'failed', via, messages: [messageOf(outcome.error), ...restoreNote] };
  }
  const result = outcome.result as NonNullable<typeof outcome.result>;
  audit.push({
    at: deps.now().toISOString(),
    subject: base.subject,
    ...versionOf(result.version),
    id: result.id,
    pr: proof.pr,
    headSha: proof.headSha,
    checkRunId: proof.checkRunId,
    approvers: proof.approvers,
    matured,
    ...(proof.overriddenBy !== undefined ? { overriddenBy: proof.overriddenBy } : {}),
    via: outcome.kind,
  });
  return { ...base, action: 'registered-break', id: result.id, ...versionOf(result.version), via, messages: [...base.messages, ...restoreNote] };
}

async function latestOf(client: RegistryClient, subject: string): Promise<RegisteredSchema | undefined> {
  try {
    return await client.getVersion(subject, 'latest');
  } catch (error) {
    if (error instanceof RegistryError && error.kind === 'not-found') return undefined;
    throw error;
  }
}

function versionOf(version: number | undefined): { version?: number } {
  return version === undefined ? {} : { version };
}

const UNAVAILABLE = new Set(['timeout', 'server', 'network', 'tls', 'rate-limited', 'malformed-response', 'http', 'unauthorized', 'forbidden', 'invalid-settings']);

/** Failures that say nothing about this file: the run fails closed as a whole. */
function isUnavailable(error: RegistryError): boolean {
  return UNAVAILABLE.has(error.kind);
}

function messageOf(error: unknown): string {
  if (error instanceof RegistryError) return error.serverMessage ?? error.message;
  return error instanceof Error ? error.message : String(error);
}
