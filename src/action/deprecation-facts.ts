/**
 * The I/O side of the deprecation window: for each checked subject, its base-branch versions (parsed
 * from git objects of the first-parent history, never from the PR) with landing dates, and the
 * semantic diff to the PR's file with the elements it touches; then the pure gate decides.
 */
import { diffSchemas, ruleHasCategory, RULES, type RuleId } from '../avro/diff/index.js';
import type { GitRepository } from '../github/git/repository.js';
import type { LandingSource } from '../github/api/landing.js';
import type { GuardrailsSettings } from '../policy/config/settings.js';
import { subjectResolver } from '../policy/config/subjects.js';
import { listHistories, parseHistory } from '../policy/check/history.js';
import { loadFromClosure } from '../policy/check/load-candidate.js';
import { sourceClosure } from '../policy/check/sources.js';
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
  const wanted = await filterAsync(report.subjects, (s) => mayNeedGate(repo, s));
  if (wanted.length === 0) return gates;
  const files = await repo.workingTreeFiles(resolver.isSchemaFile);
  const workspace = await loadWorkspace(repo, files);
  const histories = await listHistories(repo, report.against.commit, wanted.map(historyPath));
  const committed = new CommittedSources(repo);
  await committed.prefetch([...histories.values()].flat().map(({ commit, path }) => ({ commit, path })));
  for (const subject of wanted) {
    const history = await parseHistory(histories.get(historyPath(subject)) ?? [], committed, workspace.index);
    const versions: MarkedVersion[] = [];
    for (const version of history.versions) {
      const landed = await input.landing.landedAt(version.meta.commit ?? '', version.meta.date ?? '');
      versions.push({ commit: version.meta.commit ?? '', landedAt: landed.at, schema: version.parsed.loaded.schema });
    }
    const latest = versions[versions.length - 1];
    let changes: ReturnType<typeof diffSchemas> = [];
    if (subject.status !== 'deleted' && latest !== undefined) {
      const closure = await sourceClosure(subject.file, workspace.reader, workspace.index);
      const loaded = loadFromClosure(subject.file, closure, true);
      if (!loaded.ok) continue;
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
 * Whether a subject can break something or carries markers worth a countdown: incompatible, deleted,
 * with a removal, narrowing or deprecation change, or with a marker in its file. The rest skip the
 * history walk, which costs as much as the check itself on large PRs.
 */
async function mayNeedGate(repo: GitRepository, subject: SubjectReport): Promise<boolean> {
  if (subject.status === 'error' || subject.status === 'new') return false;
  if (subject.status === 'incompatible' || subject.status === 'deleted') return true;
  const gated = (rule: string) => (['REMOVAL', 'NARROWING', 'DEPRECATION'] as const).some((c) => rule in RULES && ruleHasCategory(rule as RuleId, c));
  if (subject.changes.some((change) => gated(change.rule))) return true;
  const text = await repo.readWorkingFile(subject.file).then((b) => b.toString('utf8'), () => '');
  return /deprecated/i.test(text);
}

async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const flags = await Promise.all(items.map(keep));
  return items.filter((_, i) => flags[i]);
}

function historyPath(subject: SubjectReport): string {
  return subject.previousFile ?? subject.file;
}
