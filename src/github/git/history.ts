/**
 * A file's committed versions along a branch's first-parent history: the versions the branch itself
 * went through, each dated by the commit that brought it onto the branch (a merge commit for merged
 * work, never the author date of a side-branch commit). Renames are followed across first-parent
 * commits, so a moved schema keeps its history.
 */
import { GitError, splitNul, type GitRunner } from './run.js';

/** One committed version of a file. */
export interface FileVersion {
  /** The first-parent commit that introduced this content on the branch. */
  readonly commit: string;
  /** That commit's committer date, ISO 8601. */
  readonly date: string;
  /** The file's path at that commit (earlier paths of a renamed file differ). */
  readonly path: string;
  /** The blob holding the content. */
  readonly blob: string;
  /** The file was deleted on the branch between the previous version and this one. */
  readonly afterGap?: true;
  /**
   * Later first-parent commits that re-added this same content after the file had been deleted,
   * oldest first. The registry gets no new version from them, but a deprecation window restarts at
   * each (issue 4 §5), so they are kept here rather than dropped.
   */
  readonly reAdded?: readonly ReAdd[];
}

/** A byte-identical re-add of a version after a deletion. */
export interface ReAdd {
  readonly commit: string;
  /** That commit's committer date, ISO 8601. */
  readonly date: string;
  /** The path it was re-added at (a renamed file's earlier versions have another). */
  readonly path: string;
}

/** One commit of `git log --raw` restricted to one path. */
export interface LogEntry {
  readonly commit: string;
  readonly date: string;
  /** 'A', 'M', 'D', 'T' ... as in `--raw` output. */
  readonly status: string;
  /** The blob after the commit; all zeros when the file was deleted. */
  readonly blob: string;
}

const MAX_RENAMES = 100;
const NO_BLOB = /^0+$/;

/**
 * Versions of `path` reachable from `commit` along first parents, oldest first. Deletions are skipped,
 * and so is a commit that leaves the content as it was (a pure rename, a delete and re-add): the
 * registry would not get a new version from it either. A byte-identical re-add is recorded in
 * `reAdded` of the version it repeats.
 */
export async function fileHistory(git: GitRunner, commit: string, path: string): Promise<FileVersion[]> {
  return followRenames(git, { path, from: commit }, await pathLog(git, commit, path), new Map());
}

/** How many paths one `git log` is given: far inside any command-line limit, and few processes per run. */
const PATHS_PER_LOG = 200;

/**
 * `fileHistory` of many paths at once, the same versions for each: one `git log` per group of paths
 * instead of one per path, and one rename look-up per commit that added files.
 */
export async function fileHistories(git: GitRunner, commit: string, paths: readonly string[]): Promise<Map<string, FileVersion[]>> {
  const unique = [...new Set(paths)];
  const renames = new Map<string, Promise<ReadonlyMap<string, string> | undefined>>();
  const out = new Map<string, FileVersion[]>();
  for (let at = 0; at < unique.length; at += PATHS_PER_LOG) {
    const group = unique.slice(at, at + PATHS_PER_LOG);
    const logs = await pathsLog(git, commit, group);
    const histories = await Promise.all(group.map((path) => followRenames(git, { path, from: commit }, logs.get(path) ?? [], renames)));
    group.forEach((path, i) => out.set(path, histories[i] ?? []));
  }
  return out;
}

/** Versions from the first path's log entries, then from earlier paths while the oldest entry is a rename's target. */
async function followRenames(
  git: GitRunner,
  start: { path: string; from: string },
  firstEntries: readonly LogEntry[],
  renames: Map<string, Promise<ReadonlyMap<string, string> | undefined>>,
): Promise<FileVersion[]> {
  const versions: FileVersion[] = [];
  let current: { path: string; from: string } | undefined = start;
  let entries = firstEntries;
  for (let hops = 0; current !== undefined && hops <= MAX_RENAMES; hops++) {
    if (hops > 0) entries = await pathLog(git, current.from, current.path);
    const at: string = current.path;
    versions.unshift(...withGaps(entries, at));
    const oldest = entries[entries.length - 1];
    current = oldest === undefined || oldest.status !== 'A' ? undefined : await renameSource(git, oldest.commit, at, renames);
  }
  return distinctContent(versions);
}

/** Drops versions whose content equals the one before; a repeat after a deletion goes into `reAdded`. */
function distinctContent(versions: readonly FileVersion[]): FileVersion[] {
  const out: FileVersion[] = [];
  for (const version of versions) {
    const last = out[out.length - 1];
    if (last === undefined || last.blob !== version.blob) out.push(version);
    else if (version.afterGap === true) {
      const reAdd = { commit: version.commit, date: version.date, path: version.path };
      out[out.length - 1] = { ...last, reAdded: [...(last.reAdded ?? []), reAdd] };
    }
  }
  return out;
}

/** The first-parent chain from `commit`, newest first: the commits the branch itself went through. */
export async function firstParentChain(git: GitRunner, commit: string): Promise<string[]> {
  const output = await git(['rev-list', '--first-parent', '--end-of-options', commit]);
  return output.toString('utf8').split('\n').filter((line) => line !== '');
}

/** Content versions of one path, oldest first, from log entries newest first; deletions become `afterGap`. */
function withGaps(entries: readonly LogEntry[], path: string): FileVersion[] {
  const versions: FileVersion[] = [];
  let gap = false;
  for (const e of [...entries].reverse()) {
    if (NO_BLOB.test(e.blob)) {
      gap = versions.length > 0;
      continue;
    }
    versions.push({ commit: e.commit, date: e.date, path, blob: e.blob, ...(gap && { afterGap: true as const }) });
    gap = false;
  }
  return versions;
}

/** `git log --first-parent --raw` of one path, newest first. */
async function pathLog(git: GitRunner, from: string, path: string): Promise<LogEntry[]> {
  const output = await git([
    'log', '--first-parent', '--diff-merges=first-parent', '--no-abbrev', '--raw', '-z', '--no-renames',
    '--format=%x01%H%x00%cI', from, '--', path,
  ]);
  return parseRawLog(output.toString('utf8'));
}

/**
 * Parses `git log --raw -z --format=%x01%H%x00%cI` output: per commit `\x01<sha>\0<date>\0`, then for
 * each changed file `\n:<modes> <old blob> <new blob> <status>\0<path>\0`.
 */
export function parseRawLog(output: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const record of output.split('\x01')) {
    if (record === '') continue;
    const [commit, date, meta] = splitNul(record);
    if (commit === undefined || date === undefined) throw unexpected(record);
    // A commit whose only change to the path is a mode change still has a raw line; a missing one means no change.
    if (meta === undefined) continue;
    const parts = meta.trim().split(' ');
    const blob = parts[3];
    const status = parts[4];
    if (blob === undefined || status === undefined) throw unexpected(record);
    entries.push({ commit, date, status: status.charAt(0), blob });
  }
  return entries;
}

/** If `commit` created `path` by renaming another file (against its first parent), that file and the parent. */
async function renameSource(
  git: GitRunner,
  commit: string,
  path: string,
  cache: Map<string, Promise<ReadonlyMap<string, string> | undefined>>,
): Promise<{ path: string; from: string } | undefined> {
  let renames = cache.get(commit);
  if (renames === undefined) {
    renames = renamesIn(git, commit);
    cache.set(commit, renames);
  }
  const from = (await renames)?.get(path);
  return from === undefined ? undefined : { path: from, from: `${commit}^1` };
}

/** The renames `commit` made against its first parent, new path to old; undefined for a root commit. */
async function renamesIn(git: GitRunner, commit: string): Promise<ReadonlyMap<string, string> | undefined> {
  const parent = `${commit}^1`;
  const hasParent = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${parent}^{commit}`]).then(
    () => true,
    () => false,
  );
  if (!hasParent) return undefined;
  const fields = splitNul(await git(['diff', '-M', '--name-status', '-z', '--no-ext-diff', '--no-textconv', parent, commit, '--']));
  const renames = new Map<string, string>();
  for (let i = 0; i < fields.length; ) {
    const status = fields[i] ?? '';
    const width = status.startsWith('R') || status.startsWith('C') ? 3 : 2;
    const from = fields[i + 1];
    const to = fields[i + 2];
    if (status.startsWith('R') && from !== undefined && to !== undefined && !renames.has(to)) renames.set(to, from);
    i += width;
  }
  return renames;
}

/** `git log --first-parent --raw` of several paths, newest first per path. */
async function pathsLog(git: GitRunner, from: string, paths: readonly string[]): Promise<Map<string, LogEntry[]>> {
  const output = await git([
    'log', '--first-parent', '--diff-merges=first-parent', '--no-abbrev', '--raw', '-z', '--no-renames',
    '--format=%x01%H%x00%cI', from, '--', ...paths,
  ]);
  return parseRawLogByPath(output.toString('utf8'));
}

/** Like parseRawLog, for a log of several paths: each commit's raw lines, by the path they name. */
export function parseRawLogByPath(output: string): Map<string, LogEntry[]> {
  const byPath = new Map<string, LogEntry[]>();
  for (const record of output.split('\x01')) {
    if (record === '') continue;
    const [commit, date, ...changes] = splitNul(record);
    if (commit === undefined || date === undefined || changes.length % 2 !== 0) throw unexpected(record);
    for (let i = 0; i < changes.length; i += 2) {
      const parts = (changes[i] as string).trim().split(' ');
      const blob = parts[3];
      const status = parts[4];
      const path = changes[i + 1] as string;
      if (blob === undefined || status === undefined) throw unexpected(record);
      let entries = byPath.get(path);
      if (entries === undefined) byPath.set(path, (entries = []));
      entries.push({ commit, date, status: status.charAt(0), blob });
    }
  }
  return byPath;
}

function unexpected(record: string): GitError {
  return new GitError('failed', `git log printed an unexpected record (${JSON.stringify(record.slice(0, 80))}); this is a bug, please report it`);
}
