/**
 * A subject's history offline: every committed version of its file along the base branch's
 * first-parent history, parsed leniently (as the registry reads what it stores) except for names. A
 * version that does not parse, names Avro refuses included, could never have been registered, so it
 * is skipped with a warning instead of failing.
 */
import type { FileVersion } from '../../github/git/history.js';
import type { GitRepository } from '../../github/git/repository.js';
import type { ParsedVersion } from './evaluate.js';
import { loadFromClosure } from './load-candidate.js';
import { referencedObjects, type ReferencedLookup } from './referenced-at.js';
import { sourceClosure, type NameIndex } from './sources.js';
import { CommittedSources, type ObjectSource } from './workspace.js';

export interface LoadedHistory {
  readonly versions: readonly ParsedVersion[];
  readonly warnings: readonly string[];
  /**
   * Versions skipped because a type they use could not be found at their commit. Unlike a version that
   * never parsed, such a version may well be registered, so checking without it could pass a break.
   */
  readonly unresolved: readonly string[];
}

/** The committed versions of each path, from `baseCommit` back along first parents. */
export async function listHistories(repo: GitRepository, baseCommit: string, paths: readonly string[]): Promise<Map<string, FileVersion[]>> {
  return repo.fileHistories(baseCommit, paths);
}

/** Parses the versions of one file; `committed` should have them prefetched. */
export async function parseHistory(versions: readonly FileVersion[], committed: CommittedSources, index: NameIndex): Promise<LoadedHistory> {
  const parsed: ParsedVersion[] = [];
  const warnings: string[] = [];
  const unresolved: string[] = [];
  for (const version of versions) {
    const closure = await sourceClosure(version.path, committed.readerAt(version.commit), index);
    const result = closure.has(version.path) ? loadFromClosure(version.path, closure, false, version.commit) : undefined;
    const label = `the version of ${version.path} from commit ${version.commit.slice(0, 12)} (${version.date})`;
    if (result === undefined) warnings.push(`${label} could not be read from git and was skipped`);
    else if (!result.ok && result.error.code === 'MISSING_REFERENCE') unresolved.push(`${label} uses a type no schema file defined at that commit: ${result.error.message}`);
    else if (!result.ok) warnings.push(`${label} does not parse and was skipped: ${result.error.message}`);
    else {
      const meta = { version: parsed.length, commit: version.commit, date: version.date, file: version.path };
      parsed.push({ meta, parsed: result.value });
    }
  }
  return { versions: parsed, warnings, unresolved };
}

/**
 * Parses the versions again with each referenced file read as it was at the version's commit,
 * following the file's renames (issue 18): for a history that `parseHistory` left unresolved because
 * a shared file now lives at another path. `first` holds the versions already read.
 */
export async function parseHistoryFollowingReferences(versions: readonly FileVersion[], first: CommittedSources, objects: ObjectSource, ownFile: string, lookup: ReferencedLookup): Promise<LoadedHistory> {
  const roots = await Promise.all(versions.map(async (version) => (await first.readerAt(version.commit)([version.path])).get(version.path)));
  const referenced = await referencedObjects(lookup, { file: ownFile, versions }, roots);
  const committed = new CommittedSources(objects);
  await committed.prefetch([...versions.map(({ commit, path, blob }) => ({ commit, path, blob })), ...referenced]);
  return parseHistory(versions, committed, lookup.index);
}
