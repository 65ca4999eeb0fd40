/**
 * The I/O side of the deprecation window: for each checked subject, its base-branch versions (parsed
 * from git objects of the first-parent history, never from the PR) and the semantic diff to the PR's
 * file; then the landing of each marker run's start, proven once for all subjects against the base
 * branch's first-parent chain; then the pure gate decides. A subject's versions are the states of
 * its combined history with every file its schema references (issue 18), so a marker on a shared
 * type is dated where it landed, in the file defining the type.
 */
import { diffSchemas, type ChangeElement } from '../avro/diff/index.js';
import { filesAtCommit } from '../github/git/file-history.js';
import type { GitRepository } from '../github/git/repository.js';
import { gitRunner } from '../github/git/run.js';
import type { LandingSource } from '../github/api/landing.js';
import type { GuardrailsSettings } from '../policy/config/settings.js';
import { subjectResolver } from '../policy/config/subjects.js';
import { listHistories } from '../policy/check/history.js';
import { loadFromClosure } from '../policy/check/load-candidate.js';
import { nameIndexOf, scanSource, sourceClosure, type NameIndex, type ScannedSource, type SourceReader } from '../policy/check/sources.js';
import { CommittedSources, loadWorkspace, type Workspace } from '../policy/check/workspace.js';
import type { CheckReport, SubjectReport } from '../policy/report/model.js';
import { commitsToProve, elementsToDate, gateSubject, type GateResult, type GateSubject } from '../policy/deprecation/gate.js';
import type { LandingFact } from '../policy/deprecation/landing-proof.js';
import { markerOf } from '../policy/deprecation/markers.js';
import { combinedStates, stateDates, type CombinedState, type TrackedContent } from '../policy/deprecation/referenced-history.js';
import type { MarkedVersion } from '../policy/deprecation/window.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface GateFactsInput {
  readonly repo: GitRepository;
  readonly report: CheckReport;
  readonly settings: GuardrailsSettings;
  /** Dates marker runs: `landingSource(client, repo, { branch })` in the action, `gitLanding` offline. */
  readonly landing: LandingSource;
  readonly now: Date;
}

/** A subject ready for the gate, or its result already decided. */
type Prepared = { readonly subject: GateSubject; readonly dates: ReadonlyMap<string, string> } | { readonly result: GateResult };

/** Gate results by the subject's file; subjects in error or new ones have none. */
export async function loadGates(input: GateFactsInput): Promise<Map<string, GateResult>> {
  const { report } = input;
  const gates = new Map<string, GateResult>();
  if (report.against === null || report.mode === 'audit') return gates;
  // Every subject, whatever its report status: a registry-relative status says nothing about the base branch.
  const wanted = report.subjects.filter((s) => s.status !== 'error');
  if (wanted.length === 0) return gates;
  const base = report.against.commit;
  // Read at most once, and only when several files' histories must be ordered or a run needs dating.
  const chain = once(() => input.repo.firstParentChain(base));
  const prepared = await prepareSubjects(input, wanted, base, chain);
  const landings = await proveLandings(input, [...prepared.values()], chain);
  const windowDays = input.settings.deprecation.windowDays;
  for (const [file, entry] of prepared) {
    gates.set(file, 'result' in entry ? entry.result : gateSubject({ ...entry.subject, landings, now: input.now, windowDays }));
  }
  return gates;
}

/**
 * Each subject's base versions and changes; new subjects (nothing to break) are left out. A subject's
 * versions are the states of its combined history: its own file and every file its schema references
 * on the base commit, so a marker landed in a shared type's file counts for every subject using it.
 */
async function prepareSubjects(input: GateFactsInput, wanted: readonly SubjectReport[], base: string, chain: () => Promise<string[]>): Promise<Map<string, Prepared>> {
  const { repo } = input;
  const resolver = subjectResolver(input.settings);
  const workspace = await loadWorkspace(repo, await repo.workingTreeFiles(resolver.isSchemaFile));
  const committed = new CommittedSources(repo);
  const index = await baseNameIndex(repo, committed, base, resolver.isSchemaFile);
  const referenced = new Map<string, string[]>();
  for (const subject of wanted) referenced.set(subject.file, await referencedFiles(historyPath(subject), committed.readerAt(base), index));
  const histories = await listHistories(repo, base, [...referenced.values()].flat());
  const blobs = new BlobSources(repo);
  const prepared = new Map<string, Prepared>();
  for (const subject of wanted) {
    const tracks = (referenced.get(subject.file) ?? []).map((file) => ({ file, versions: histories.get(file) ?? [] }));
    if ((tracks[0]?.versions.length ?? 0) === 0 && subject.status !== 'deleted') continue; // new on this branch: nothing to break
    const states = combinedStates(tracks, tracks.length > 1 ? await chain() : undefined);
    const entry = await prepareSubject(subject, states, { blobs, index, workspace });
    if (entry !== undefined) prepared.set(subject.file, 'result' in entry ? entry : { subject: entry.subject, dates: stateDates(tracks) });
  }
  return prepared;
}

interface StateReaders {
  readonly blobs: BlobSources;
  readonly index: NameIndex;
  readonly workspace: Workspace;
}

/**
 * Parses the subject's states newest first, as far back as a marker of an element the gate looks at
 * still holds: an older state cannot change any run's start.
 */
async function prepareSubject(subject: SubjectReport, states: readonly CombinedState[], readers: StateReaders): Promise<{ subject: GateSubject } | { result: GateResult } | undefined> {
  const root = historyPath(subject);
  const newestFirst: MarkedVersion[] = [];
  let gate: GateSubject | undefined;
  let interest: readonly ChangeElement[] = [];
  let missing: string | undefined;
  for (let i = states.length - 1; i >= 0; i--) {
    const state = states[i] as CombinedState;
    const parsed = await parseState(root, state, readers);
    if (!parsed.ok) {
      missing ??= parsed.missing;
      // A state that does not parse is a gap: no marker run reaches across it.
      const newer = newestFirst.pop();
      if (newer === undefined) continue;
      newestFirst.push({ ...newer, afterGap: true });
      break;
    }
    const version = parsed.value;
    const { definers, ...marked } = version;
    newestFirst.push(marked);
    if (gate === undefined) {
      const changes = subject.status === 'deleted' ? { ok: true as const, value: [] } : await changesTo(subject, version, readers.workspace);
      if (!changes.ok) return { result: unloadable(changes.reason) };
      gate = { level: subject.level, changes: changes.value, incompatible: subject.status === 'incompatible', deleted: subject.status === 'deleted', versions: [], definers };
      interest = elementsToDate({ ...gate, versions: [marked] });
    }
    if (version.afterGap === true || !interest.some((element) => markerOf(version.schema, element)?.deprecated === true)) break;
  }
  if (gate === undefined) {
    // A version using a type no file defined then may still be registered: unlike one that never parsed, it blocks.
    if (missing !== undefined) return { result: unreadableHistory(root, missing) };
    if (subject.status !== 'deleted') return undefined;
    gate = { level: subject.level, changes: [], incompatible: false, deleted: true, versions: [] };
  }
  return { subject: { ...gate, versions: newestFirst.reverse() } };
}

type ParsedState = { readonly ok: true; readonly value: MarkedVersion & { readonly definers: Map<string, string> } } | { readonly ok: false; readonly missing?: string };

/** One state parsed with the content of each tracked file then; `missing` says which type no file defined. */
async function parseState(root: string, state: CombinedState, readers: StateReaders): Promise<ParsedState> {
  const closure = await sourceClosure(root, readers.blobs.readerFor(state.files), readers.index);
  if (!closure.has(root)) return { ok: false };
  const loaded = loadFromClosure(root, closure, false, state.commit);
  if (!loaded.ok) return loaded.error.code === 'MISSING_REFERENCE' ? { ok: false, missing: `commit ${state.commit.slice(0, 12)}: ${loaded.error.message}` } : { ok: false };
  // Where each type was defined then, and where that file is on the base commit (a pure rename made no state).
  const typeFiles = new Map<string, string>();
  const definers = new Map<string, string>();
  for (const source of closure.values()) {
    for (const name of source.scan?.defines ?? []) {
      if (typeFiles.has(name)) continue;
      typeFiles.set(name, state.files.get(source.file)?.path ?? source.file);
      definers.set(name, source.file);
    }
  }
  return { ok: true, value: { commit: state.commit, schema: loaded.value.loaded.schema, typeFiles, definers, ...(state.afterGap && { afterGap: true }) } };
}

/** The root and the files defining the types it uses on the base commit, transitively, root first. */
async function referencedFiles(root: string, read: SourceReader, index: NameIndex): Promise<string[]> {
  const closure = await sourceClosure(root, read, index);
  return [root, ...[...closure.keys()].filter((file) => file !== root)];
}

/**
 * Which base-commit files define each named type. Read from the base's tree, not the PR's working
 * tree, so a shared file the PR moves or deletes still dates the markers it carried on the base.
 */
async function baseNameIndex(repo: GitRepository, committed: CommittedSources, base: string, isSchemaFile: (path: string) => boolean): Promise<NameIndex> {
  const files = (await filesAtCommit(gitRunner(repo.root), base)).filter(isSchemaFile);
  const sources = await committed.readerAt(base)(files);
  return nameIndexOf([...sources.values()].filter((source): source is ScannedSource => source !== undefined));
}

/** Tracked files' contents read by blob (a pure rename cannot lose them), each blob read and scanned once. */
class BlobSources {
  private readonly cache = new Map<string, ScannedSource | undefined>();

  constructor(private readonly repo: GitRepository) {}

  /** A reader of base paths as they were in one state; a file not yet landed reads as absent. */
  readerFor(files: ReadonlyMap<string, TrackedContent>): SourceReader {
    return async (paths) => {
      const key = (path: string, blob: string) => `${blob}\0${path}`;
      const missing = paths.flatMap((path) => {
        const content = files.get(path);
        return content !== undefined && !this.cache.has(key(path, content.blob)) ? [{ path, blob: content.blob }] : [];
      });
      const bytes = await this.repo.readObjects([...new Set(missing.map((m) => m.blob))]);
      for (const { path, blob } of missing) {
        const content = bytes.get(blob);
        this.cache.set(key(path, blob), content === undefined ? undefined : scanSource(path, content));
      }
      return new Map(paths.map((path) => {
        const content = files.get(path);
        return [path, content === undefined ? undefined : this.cache.get(key(path, content.blob))];
      }));
    };
  }
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** The semantic diff from the latest base version to the PR's file. */
async function changesTo(subject: SubjectReport, latest: MarkedVersion, workspace: Workspace): Promise<{ ok: true; value: ReturnType<typeof diffSchemas> } | { ok: false; reason: string }> {
  const closure = await sourceClosure(subject.file, workspace.reader, workspace.index);
  const loaded = loadFromClosure(subject.file, closure, true);
  if (!loaded.ok) return { ok: false, reason: loaded.error.message };
  return { ok: true, value: diffSchemas(latest.schema, loaded.value.loaded.schema) };
}

/** One landing fact per marker-run start of every subject; the chain is read only when some run needs it. */
async function proveLandings(input: GateFactsInput, prepared: readonly Prepared[], firstParents: () => Promise<string[]>): Promise<Map<string, LandingFact>> {
  const commits = new Map<string, string>();
  for (const entry of prepared) {
    if ('result' in entry) continue;
    for (const commit of commitsToProve(entry.subject)) commits.set(commit, entry.dates.get(commit) ?? '');
  }
  if (commits.size === 0) return new Map();
  const chain = await firstParents();
  const windowStart = new Date(input.now.getTime() - input.settings.deprecation.windowDays * DAY_MS).toISOString();
  return input.landing.prove({ chain, commits, windowStart });
}

/** The PR's schema could not be parsed, so nothing proves its changes are allowed: block (fail closed). */
function unloadable(reason: string): GateResult {
  return { breaking: true, allowed: false, elements: [], unattributed: [`the PR's schema could not be loaded for the deprecation gate: ${reason}`], markers: [] };
}

/** No base version could be read with the types it uses, so nothing proves a marker: block (fail closed). */
function unreadableHistory(file: string, missing: string): GateResult {
  const reason = `the base branch's versions of ${file} could not be read for the deprecation gate, because a type they use is defined in no schema file on the base commit (${missing}); check the shared schema files are on the base branch under the configured schema paths`;
  return { breaking: true, allowed: false, elements: [], unattributed: [reason], markers: [] };
}

function historyPath(subject: SubjectReport): string {
  return subject.previousFile ?? subject.file;
}
