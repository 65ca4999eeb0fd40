/**
 * The I/O side of the deprecation window: for each checked subject, its base-branch versions (parsed
 * from git objects of the first-parent history, never from the PR) with landing dates, and the
 * semantic diff to the PR's file with the elements it touches; then the pure gate decides.
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
import { CommittedSources, loadWorkspace } from '../policy/check/workspace.js';
import type { CheckReport, SubjectReport } from '../policy/report/model.js';
import { gateSubject, type GateResult } from '../policy/deprecation/gate.js';
import type { MarkedVersion } from '../policy/deprecation/window.js';

export interface GateFactsInput {
  readonly repo: GitRepository;
  readonly report: CheckReport;
  readonly settings: GuardrailsSettings;
  readonly landing: LandingSource;
  readonly now: Date;
}

/** Gate results by the subject's file; subjects in error or new ones have none. */
export async function loadGates(input: GateFactsInput): Promise<Map<string, GateResult>> {
  const { repo, report } = input;
  const gates = new Map<string, GateResult>();
  if (report.against === null || report.mode === 'audit') return gates;
  const resolver = subjectResolver(input.settings);
  // Every subject, whatever its report status: a registry-relative status says nothing about the base branch.
  const wanted = report.subjects.filter((s) => s.status !== 'error');
  if (wanted.length === 0) return gates;
  const files = await repo.workingTreeFiles(resolver.isSchemaFile);
  const workspace = await loadWorkspace(repo, files);
  const histories = await listHistories(repo, report.against.commit, wanted.map(historyPath));
  const committed = new CommittedSources(repo);
  await committed.prefetch([...histories.values()].flat().map(({ commit, path }) => ({ commit, path })));
  for (const subject of wanted) {
    const versions = await markedVersions(histories.get(historyPath(subject)) ?? [], committed, workspace.index, input.landing);
    const latest = versions[versions.length - 1];
    if (latest === undefined && subject.status !== 'deleted') continue; // new on this branch: nothing to break
    let changes: ReturnType<typeof diffSchemas> = [];
    if (subject.status !== 'deleted' && latest !== undefined) {
      const closure = await sourceClosure(subject.file, workspace.reader, workspace.index);
      const loaded = loadFromClosure(subject.file, closure, true);
      if (!loaded.ok) {
        gates.set(subject.file, unloadable(loaded.error.message));
        continue;
      }
      changes = diffSchemas(latest.schema, loaded.value.loaded.schema);
    }
    gates.set(subject.file, gateSubject({
      level: subject.level,
      changes,
      incompatible: subject.status === 'incompatible',
      deleted: subject.status === 'deleted',
      versions,
      now: input.now,
      windowDays: input.settings.deprecation.windowDays,
    }));
  }
  return gates;
}

/**
 * The base versions with landing dates. Parsed one by one so that a version that does not parse (or
 * a deletion of the file) stays visible as a gap: a marker's continuous run cannot reach across it.
 */
async function markedVersions(history: readonly FileVersion[], committed: CommittedSources, index: NameIndex, landing: LandingSource): Promise<MarkedVersion[]> {
  const versions: MarkedVersion[] = [];
  let gap = false;
  for (const raw of history) {
    const parsed = (await parseHistory([raw], committed, index)).versions[0];
    if (parsed === undefined) {
      gap = true;
      continue;
    }
    const landed = await landing.landedAt(raw.commit, raw.date);
    versions.push({ commit: raw.commit, landedAt: landed.at, schema: parsed.parsed.loaded.schema, ...((gap || raw.afterGap === true) && { afterGap: true }) });
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
