/**
 * Where the files a subject references were at each of its committed versions (issue 18). The
 * working tree's name index says which file defines a type now; when that file was renamed or moved
 * (on the base branch or in the PR), its old content is under another path at older commits. Its
 * rename-following history, combined with the subject's own along the first-parent chain, gives the
 * blob that defined the type at each commit.
 */
import type { FileVersion } from '../../github/git/history.js';
import type { GitRepository } from '../../github/git/repository.js';
import { combinedStates, type TrackedContent } from '../deprecation/referenced-history.js';
import { dependenciesOf, sourceClosure, type NameIndex, type ScannedSource, type SourceReader } from './sources.js';

/** A committed object to read as the given working-tree path. */
export interface ReferencedObject {
  readonly commit: string;
  readonly path: string;
  readonly blob: string;
}

export interface ReferencedLookup {
  readonly repo: GitRepository;
  readonly baseCommit: string;
  /** The base branch's first-parent chain, newest first; read once per run by the caller. */
  readonly chain: () => Promise<readonly string[]>;
  readonly index: NameIndex;
  readonly workingTree: SourceReader;
  /** The base path of a working-tree file the PR renamed; others keep their path. */
  readonly basePathOf: (file: string) => string;
}

/**
 * For each version, the content of each working-tree file that defines a type the subject uses,
 * transitively, as it was at that version's commit: read `<commit>:<path>` through these objects.
 * A file with no version yet at a commit is left out, so its types stay missing there.
 */
export async function referencedObjects(lookup: ReferencedLookup, own: { readonly file: string; readonly versions: readonly FileVersion[] }, sources: readonly (ScannedSource | undefined)[]): Promise<ReferencedObject[]> {
  const files = await referencedWorkingFiles(lookup, own.file, sources);
  if (files.length === 0) return [];
  const histories = await lookup.repo.fileHistories(lookup.baseCommit, files.map(lookup.basePathOf));
  const tracks = [own, ...files.map((file) => ({ file, versions: histories.get(lookup.basePathOf(file)) ?? [] }))];
  const states = new Map(combinedStates(tracks, [...(await lookup.chain())]).map((state) => [state.commit, state.files]));
  const objects: ReferencedObject[] = [];
  for (const version of own.versions) {
    const at: ReadonlyMap<string, TrackedContent> = states.get(version.commit) ?? new Map();
    for (const file of files) {
      const content = at.get(file);
      if (content !== undefined && file !== version.path) objects.push({ commit: version.commit, path: file, blob: content.blob });
    }
  }
  return objects;
}

/** Working-tree files defining what any version uses, and what those use in the working tree. */
async function referencedWorkingFiles(lookup: ReferencedLookup, ownFile: string, sources: readonly (ScannedSource | undefined)[]): Promise<string[]> {
  const direct = new Set<string>();
  for (const source of sources) for (const file of source === undefined ? [] : dependenciesOf(source, lookup.index)) direct.add(file);
  const all = new Set<string>();
  for (const file of direct) for (const found of (await sourceClosure(file, lookup.workingTree, lookup.index)).keys()) all.add(found);
  all.delete(ownFile);
  return [...all];
}
