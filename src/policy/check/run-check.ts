/**
 * `guardrails check`, offline: schema files changed since the base branch (or all of them, or an audit
 * when none changed), each checked at its subject's level against its committed history on the base
 * branch. Returns the report; rendering and exit codes belong to the caller.
 */
import { loadConfig } from '../config/load.js';
import type { GuardrailsSettings } from '../config/settings.js';
import { subjectResolver, type SubjectResolver } from '../config/subjects.js';
import type { GitRepository } from '../../github/git/repository.js';
import { REPORT_VERSION, type BaseRef, type CheckReport, type SubjectReport } from '../report/model.js';
import { errorSubject, evaluateSubject, type SubjectBase } from './evaluate.js';
import { listHistories, parseHistory, type LoadedHistory } from './history.js';
import { loadFromClosure } from './load-candidate.js';
import { markDuplicateSubjects, nameSubject, schemaErrorEntry } from './naming.js';
import { planCheck, type CheckPlan, type CheckTarget } from './plan.js';
import { sourceClosure } from './sources.js';
import { CommittedSources, loadWorkspace, type Workspace } from './workspace.js';

export interface CheckRunOptions {
  /** Where the command runs; the repository is the one containing it. */
  readonly cwd: string;
  /** Base ref; default: the first existing of origin/HEAD, main, master, origin/main, origin/master. */
  readonly against?: string;
  /** Check every schema file, not only the changed ones. */
  readonly all?: boolean;
  /** Config path relative to `cwd`; default `guardrails.yaml` at the repository root, else the embedded default. */
  readonly configPath?: string;
  /** Opens the repository; the real git by default. */
  readonly openRepository: (cwd: string) => Promise<GitRepository>;
}

export async function runCheck(options: CheckRunOptions): Promise<CheckReport> {
  return offlineReport(await prepareCheck(options));
}

/** What both the offline and the registry check start from: config, base, plan and working tree. */
export interface PreparedCheck {
  readonly repo: GitRepository;
  readonly settings: GuardrailsSettings;
  /** Config warnings. */
  readonly warnings: readonly string[];
  readonly against: BaseRef;
  readonly resolver: SubjectResolver;
  readonly plan: CheckPlan;
  readonly workspace: Workspace;
}

export async function prepareCheck(options: CheckRunOptions): Promise<PreparedCheck> {
  const repo = await options.openRepository(options.cwd);
  const { settings, warnings } = await loadConfig({ path: options.configPath, cwd: options.cwd, root: repo.root });
  await repo.requireFullHistory();
  const against = await resolveBase(repo, options.against);
  const resolver = subjectResolver(settings);
  const files = await repo.workingTreeFiles(resolver.isSchemaFile);
  const changes = await repo.changedFiles(against.mergeBase);
  const plan = planCheck({ changes, files, isSchemaFile: resolver.isSchemaFile, all: options.all ?? false });
  // Changed files that are not regular files (symbolic links) are read too, so they get a clear error.
  const present = plan.targets.filter((target) => target.kind !== 'deleted').map((target) => target.file);
  const workspace = await loadWorkspace(repo, [...new Set([...files, ...present])]);
  return { repo, settings, warnings, against, resolver, plan, workspace };
}

/** The offline check: each target against its committed history on the base branch. */
export async function offlineReport(prepared: PreparedCheck): Promise<CheckReport> {
  const { repo, against, plan, workspace, resolver, warnings } = prepared;
  const subjects = await checkTargets(repo, against.commit, plan, workspace, resolver);
  return reportOf(prepared, subjects, warnings);
}

/** The report over checked subjects; duplicate subjects become errors. */
export function reportOf(prepared: PreparedCheck, subjects: readonly SubjectReport[], warnings: readonly string[]): CheckReport {
  const checked = markDuplicateSubjects(subjects);
  const ok = checked.every((entry) => entry.status !== 'incompatible' && entry.status !== 'error');
  return { reportVersion: REPORT_VERSION, ok, mode: prepared.plan.mode, against: prepared.against, subjects: checked, warnings };
}

async function resolveBase(repo: GitRepository, against: string | undefined): Promise<BaseRef> {
  const head = await repo.head();
  const base = against === undefined ? await repo.defaultBase() : { ref: against, commit: await repo.resolveCommit(against) };
  return { ...base, mergeBase: await repo.mergeBase(base.commit, head) };
}

async function checkTargets(repo: GitRepository, baseCommit: string, plan: CheckPlan, workspace: Workspace, resolver: SubjectResolver): Promise<SubjectReport[]> {
  const histories = await listHistories(repo, baseCommit, plan.targets.map((target) => target.historyPath));
  const committed = new CommittedSources(repo);
  await committed.prefetch([...histories.values()].flat().map(({ commit, path }) => ({ commit, path })));
  const subjects: SubjectReport[] = [];
  for (const target of plan.targets) {
    const history = await parseHistory(histories.get(target.historyPath) ?? [], committed, workspace.index);
    subjects.push(await checkTarget(target, history, workspace, resolver, plan.mode === 'audit'));
  }
  return subjects;
}

async function checkTarget(target: CheckTarget, history: LoadedHistory, workspace: Workspace, resolver: SubjectResolver, audit: boolean): Promise<SubjectReport> {
  const mapping = resolver.mappingFor(target.file);
  const latest = history.versions[history.versions.length - 1]?.parsed.loaded.schema;
  const base: SubjectBase = {
    subject: null,
    file: target.file,
    ...(target.kind === 'renamed' && { previousFile: target.historyPath }),
    level: mapping.level,
    warnings: history.warnings,
  };
  const metas = history.versions.map((version) => version.meta);
  if (history.unresolved.length > 0) {
    // Fail closed: without those versions the check could call a breaking change compatible (or new).
    const named = { ...base, subject: nameSubject(target.file, mapping, latest).subject };
    const message = `${history.unresolved[0]}. Files that define shared types were probably moved or renamed; check with the types at their old paths, or move them in a separate change`;
    return errorSubject(named, { code: 'HISTORY_UNRESOLVED', message, file: target.file }, metas);
  }
  if (target.kind === 'deleted') {
    const naming = nameSubject(target.file, mapping, latest);
    if (naming.error) return errorSubject(base, naming.error, metas);
    return evaluateSubject({ ...base, subject: naming.subject, history: history.versions, audit });
  }
  const unreadable = workspace.sources.has(target.file) ? undefined : (workspace.unreadable.get(target.file) ?? `${target.file}: cannot read the file`);
  if (unreadable !== undefined) {
    const named = { ...base, subject: nameSubject(target.file, mapping, latest).subject };
    return errorSubject(named, { code: 'READ_ERROR', message: unreadable, file: target.file }, metas);
  }
  const closure = await sourceClosure(target.file, workspace.reader, workspace.index);
  const loaded = loadFromClosure(target.file, closure, true);
  if (!loaded.ok) {
    const named = { ...base, subject: nameSubject(target.file, mapping, latest).subject };
    return errorSubject(named, schemaErrorEntry(loaded.error, target.file, loaded.text), metas);
  }
  const naming = nameSubject(target.file, mapping, loaded.value.loaded.schema);
  if (naming.error) return errorSubject(base, naming.error, metas);
  return evaluateSubject({ ...base, subject: naming.subject, history: history.versions, candidate: loaded.value, audit });
}
