/**
 * `guardrails drift` as a domain function: read both sides, find the drift, and with a tracker keep
 * one GitHub issue per drift. Reads only from the registry; GitHub writes only through the tracker.
 */
import type { GitRepository } from '../../github/git/repository.js';
import type { IssueTracker } from '../../postmortem/github/tracker.js';
import type { RegistryClient } from '../client.js';
import { findDrift } from './find.js';
import { applyIssues, DRIFT_LABEL, planIssues, type IssueOperation, type IssueOutcome } from './issues.js';
import type { DriftFinding } from './model.js';
import { readRepositorySubjects } from './repository.js';
import { readRegistrySnapshot } from './snapshot.js';

export interface DriftOptions {
  readonly cwd: string;
  readonly configPath?: string;
  /** The branch, tag or commit compared; default: the repository's default branch. */
  readonly ref?: string;
  /** Registry subjects owned by this repository, by prefix; empty: every subject. */
  readonly subjectPrefixes?: readonly string[];
}

export interface DriftDeps {
  readonly repo: GitRepository;
  readonly registry: RegistryClient;
  /** With a tracker, the drift issues are kept in line with the findings. */
  readonly tracker?: IssueTracker;
  readonly signal: AbortSignal;
}

export interface DriftResult {
  readonly ref: string;
  readonly commit: string;
  readonly subjects: number;
  readonly findings: readonly DriftFinding[];
  readonly warnings: readonly string[];
  /** Present when issues were kept. */
  readonly issues?: { readonly planned: readonly IssueOperation[]; readonly outcome: IssueOutcome };
  readonly stopped: boolean;
}

export async function runDrift(options: DriftOptions, deps: DriftDeps): Promise<DriftResult> {
  const { repo } = deps;
  const base = options.ref === undefined ? await repo.defaultBase() : { ref: options.ref, commit: await repo.resolveCommit(options.ref) };
  await repo.requireFullHistory();
  const facts = await readRepositorySubjects({ repo, cwd: options.cwd, commit: base.commit, ...(options.configPath !== undefined && { configPath: options.configPath }) });
  const snapshot = await readRegistrySnapshot(deps.registry, facts.subjects.map((s) => s.subject));
  const prefixes = options.subjectPrefixes ?? [];
  const findings = findDrift(facts.subjects, snapshot, prefixes.length === 0 ? {} : { owns: (subject) => prefixes.some((p) => subject.startsWith(p)) });
  const result = { ref: base.ref, commit: base.commit, subjects: facts.subjects.length, findings, warnings: facts.warnings };
  if (!deps.tracker) return { ...result, stopped: deps.signal.aborted };
  const existing = await deps.tracker.listIssuesByLabel(DRIFT_LABEL);
  const planned = planIssues(findings, existing);
  const outcome = await applyIssues(planned, deps.tracker, deps.signal);
  return { ...result, issues: { planned, outcome }, stopped: outcome.notDone.length > 0 };
}
