/**
 * The I/O side of the deprecation window: for each checked subject, its base-branch versions (parsed
 * from git objects of the first-parent history, never from the PR) and the semantic diff to the PR's
 * file; then the landing of each marker run's start, proven once for all subjects against the base
 * branch's first-parent chain; then the pure gate decides.
 */
import { diffSchemas } from '../avro/diff/index.js';
import type { GitRepository } from '../github/git/repository.js';
import type { FileVersion } from '../github/git/history.js';
import type { LandingSource } from '../github/api/landing.js';
import type { GuardrailsSettings } from '../policy/config/settings.js';
import { subjectResolver } from '../policy/config/subjects.js';
import { listHistories, parseHistory } from '../policy/check/history.js';
import { loadFromClosure } from '../policy/check/load-candidate.js';
import { sourceClosure, type NameIndex } from '../policy/check/sources.js';
import { CommittedSources, loadWorkspace, type Workspace } from '../policy/check/workspace.js';
import type { CheckReport, SubjectReport } from '../policy/report/model.js';
import { commitsToProve, gateSubject, type GateResult, type GateSubject } from '../policy/deprecation/gate.js';
import type { LandingFact } from '../policy/deprecation/landing-proof.js';
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
  const prepared = await prepareSubjects(input, wanted, report.against.commit);
  const landings = await proveLandings(input, [...prepared.values()], report.against.commit);
  const windowDays = input.settings.deprecation.windowDays;
  for (const [file, entry] of prepared) {
    gates.set(file, 'result' in entry ? entry.result : gateSubject({ ...entry.subject, landings, now: input.now, windowDays }));
  }
  return gates;
}

/** Each subject's base versions and changes; new subjects (nothing to break) are left out. */
async function prepareSubjects(input: GateFactsInput, wanted: readonly SubjectReport[], base: string): Promise<Map<string, Prepared>> {
  const { repo } = input;
  const resolver = subjectResolver(input.settings);
  const workspace = await loadWorkspace(repo, await repo.workingTreeFiles(resolver.isSchemaFile));
  const histories = await listHistories(repo, base, wanted.map(historyPath));
  const committed = new CommittedSources(repo);
  const expanded = new Map([...histories].map(([path, history]) => [path, withReAdds(history)]));
  await committed.prefetch([...expanded.values()].flat().map(({ commit, path }) => ({ commit, path })));
  const prepared = new Map<string, Prepared>();
  for (const subject of wanted) {
    const history = expanded.get(historyPath(subject)) ?? [];
    const versions = await markedVersions(history, committed, workspace.index);
    const latest = versions[versions.length - 1];
    if (latest === undefined && subject.status !== 'deleted') continue; // new on this branch: nothing to break
    const changes = subject.status === 'deleted' || latest === undefined ? { ok: true as const, value: [] } : await changesTo(subject, latest, workspace);
    if (!changes.ok) {
      prepared.set(subject.file, { result: unloadable(changes.reason) });
      continue;
    }
    const gate = { level: subject.level, changes: changes.value, incompatible: subject.status === 'incompatible', deleted: subject.status === 'deleted', versions };
    prepared.set(subject.file, { subject: gate, dates: new Map(history.map((v) => [v.commit, v.date])) });
  }
  return prepared;
}

/** The semantic diff from the latest base version to the PR's file. */
async function changesTo(subject: SubjectReport, latest: MarkedVersion, workspace: Workspace): Promise<{ ok: true; value: ReturnType<typeof diffSchemas> } | { ok: false; reason: string }> {
  const closure = await sourceClosure(subject.file, workspace.reader, workspace.index);
  const loaded = loadFromClosure(subject.file, closure, true);
  if (!loaded.ok) return { ok: false, reason: loaded.error.message };
  return { ok: true, value: diffSchemas(latest.schema, loaded.value.loaded.schema) };
}

/** One landing fact per marker-run start of every subject; the chain is read only when some run needs it. */
async function proveLandings(input: GateFactsInput, prepared: readonly Prepared[], base: string): Promise<Map<string, LandingFact>> {
  const commits = new Map<string, string>();
  for (const entry of prepared) {
    if ('result' in entry) continue;
    for (const commit of commitsToProve(entry.subject)) commits.set(commit, entry.dates.get(commit) ?? '');
  }
  if (commits.size === 0) return new Map();
  const chain = await input.repo.firstParentChain(base);
  const windowStart = new Date(input.now.getTime() - input.settings.deprecation.windowDays * DAY_MS).toISOString();
  return input.landing.prove({ chain, commits, windowStart });
}

/** A byte-identical re-add after a deletion is a version of its own here: the window restarts at it. */
function withReAdds(history: readonly FileVersion[]): FileVersion[] {
  return history.flatMap((version) => [version, ...(version.reAdded ?? []).map((r) => ({ ...r, blob: version.blob, afterGap: true as const }))]);
}

/**
 * The base versions. Parsed one by one so that a version that does not parse (or a deletion of the
 * file) stays visible as a gap: a marker's continuous run cannot reach across it.
 */
async function markedVersions(history: readonly FileVersion[], committed: CommittedSources, index: NameIndex): Promise<MarkedVersion[]> {
  const versions: MarkedVersion[] = [];
  let gap = false;
  for (const raw of history) {
    const parsed = (await parseHistory([raw], committed, index)).versions[0];
    if (parsed === undefined) {
      gap = true;
      continue;
    }
    versions.push({ commit: raw.commit, schema: parsed.parsed.loaded.schema, ...((gap || raw.afterGap === true) && { afterGap: true }) });
    gap = false;
  }
  return versions;
}

/** The PR's schema could not be parsed, so nothing proves its changes are allowed: block (fail closed). */
function unloadable(reason: string): GateResult {
  return { breaking: true, allowed: false, elements: [], unattributed: [`the PR's schema could not be loaded for the deprecation gate: ${reason}`], markers: [] };
}

function historyPath(subject: SubjectReport): string {
  return subject.previousFile ?? subject.file;
}
