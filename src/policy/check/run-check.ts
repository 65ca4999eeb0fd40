/**
 * `guardrails check`, offline: schema files changed since the base branch (or all of them, or an audit
 * when none changed), each checked at its subject's level against its committed history on the base
 * branch. Returns the report; rendering and exit codes belong to the caller.
 */
import { loadConfig } from '../config/load.js';
import type { GuardrailsSettings } from '../config/settings.js';
import { subjectResolver, type SubjectResolver } from '../config/subjects.js';
import type { GitRepository } from '../../github/git/repository.js';
import { GitError } from '../../github/git/run.js';
import { REPORT_VERSION, type BaseRef, type CheckReport, type SubjectReport } from '../report/model.js';
import { errorSubject, evaluateSubject, type SubjectBase } from './evaluate.js';
import { StringPool } from './compact-entry.js';
import { parseHistory, parseHistoryFollowingReferences, type LoadedHistory } from './history.js';
import type { ReferencedLookup } from './referenced-at.js';
import { streamHistories } from './history-stream.js';
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
  /** Aborted by SIGINT/SIGTERM: git is no longer read and the run fails with GitError `stopped`. */
  readonly signal?: AbortSignal;
  /** Sees each subject's parsed history come and go (tests of the audit's memory bound). */
  readonly historyObserver?: HistoryObserver;
}

/** Told when a subject's parsed versions are loaded and when the check lets go of them. */
export interface HistoryObserver {
  loaded(file: string, versions: number): void;
  released(file: string): void;
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
  readonly signal?: AbortSignal;
  readonly historyObserver?: HistoryObserver;
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
  return {
    repo, settings, warnings, against, resolver, plan, workspace,
    ...(options.signal !== undefined && { signal: options.signal }),
    ...(options.historyObserver !== undefined && { historyObserver: options.historyObserver }),
  };
}

/** The offline check: each target against its committed history on the base branch. */
export async function offlineReport(prepared: PreparedCheck): Promise<CheckReport> {
  const subjects = await checkTargets(prepared);
  return reportOf(prepared, subjects, prepared.warnings);
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

/**
 * Subject by subject: each target's history is listed (a group ahead), its objects read through one
 * long-lived `git cat-file --batch` (the next subject's while this one is checked), parsed, checked and
 * let go; only the report entries stay.
 */
async function checkTargets(prepared: PreparedCheck): Promise<SubjectReport[]> {
  const { repo, against, plan, workspace, resolver, signal, historyObserver } = prepared;
  const reader = repo.openObjectReader(signal === undefined ? {} : { signal });
  const source = { readObjects: (names: readonly string[]) => reader.read(names) };
  const strings = new StringPool();
  const lookup = referencedLookup(prepared);
  try {
    const subjects: SubjectReport[] = [];
    const histories = streamHistories(repo, against.commit, plan.targets.map((target) => target.historyPath));
    const fetchNext = async () => {
      const next = await histories.next();
      if (next.done === true) return undefined;
      const committed = new CommittedSources(source);
      const read = committed.prefetch(next.value.map(({ commit, path, blob }) => ({ commit, path, blob })));
      read.catch(() => undefined);
      return { versions: next.value, committed, read };
    };
    let upcoming = fetchNext();
    for (const target of plan.targets) {
      if (signal?.aborted === true) throw new GitError('stopped', 'the check was stopped before it read every subject\'s history');
      const current = await upcoming;
      if (current === undefined) throw new Error(`internal: no history listed for ${target.historyPath}`);
      upcoming = fetchNext();
      upcoming.catch(() => undefined);
      await current.read;
      const first = await parseHistory(current.versions, current.committed, workspace.index);
      // Only a history whose shared files moved pays for reading their histories and the chain.
      const history = first.unresolved.length === 0 ? first : await parseHistoryFollowingReferences(current.versions, current.committed, source, target.historyPath, lookup);
      historyObserver?.loaded(target.file, history.versions.length);
      subjects.push(strings.compact(await checkTarget(target, history, workspace, resolver, plan.mode === 'audit')));
      historyObserver?.released(target.file);
    }
    return subjects;
  } finally {
    reader.close();
  }
}

/** How an unresolved history finds its shared files at older commits; the chain is read at most once. */
function referencedLookup(prepared: PreparedCheck): ReferencedLookup {
  const { repo, against, plan, workspace } = prepared;
  const renamed = new Map(plan.targets.filter((target) => target.kind === 'renamed').map((target) => [target.file, target.historyPath]));
  let chain: Promise<string[]> | undefined;
  return {
    repo,
    baseCommit: against.commit,
    chain: () => (chain ??= repo.firstParentChain(against.commit)),
    index: workspace.index,
    workingTree: workspace.reader,
    basePathOf: (file) => renamed.get(file) ?? file,
  };
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
