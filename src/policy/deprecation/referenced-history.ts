/**
 * A subject's combined history (issue 18): its own file and every file its schema references,
 * transitively, as one sequence of states along the base branch's first-parent chain. There is a
 * state at each commit where any of those files changed, so a marker that landed in the file
 * defining a shared type (`money.avsc`) shows up in the history of every subject using it
 * (`orders.avsc`), dated by the commit that brought it into the defining file. Pure: the caller
 * reads the files' histories from git and parses each state.
 */

/** One committed version of one file, as the git history lists it (oldest first). */
export interface TrackedVersion {
  /** The first-parent commit that brought this content onto the branch. */
  readonly commit: string;
  /** The file's path at that commit (a renamed file's earlier versions have another). */
  readonly path: string;
  /** The blob holding the content: read by blob, a pure rename later does not lose it. */
  readonly blob: string;
  /** The file was deleted on the branch just before this version. */
  readonly afterGap?: true;
  /** Later commits that re-added the same content after a deletion. */
  readonly reAdded?: readonly { readonly commit: string; readonly path: string }[];
}

/** A file by its path on the base commit, with its versions oldest first. */
export interface FileTrack {
  readonly file: string;
  readonly versions: readonly TrackedVersion[];
}

/** Where a tracked file's content at one state is. */
export interface TrackedContent {
  /** Its path then, for the report (a renamed file had another). */
  readonly path: string;
  readonly blob: string;
}

/** The files at one commit of the combined history. */
export interface CombinedState {
  readonly commit: string;
  /** Base path → content at this commit, for every tracked file whose first version had landed. */
  readonly files: ReadonlyMap<string, TrackedContent>;
  /** A tracked file was deleted, or re-added, just before this state: no marker run reaches past it. */
  readonly afterGap: boolean;
}

interface Step {
  readonly file: string;
  readonly position: number;
  readonly content: TrackedContent;
  readonly gap: boolean;
}

/**
 * The combined states, oldest first. `chain` is the base's first-parent chain, newest first (the
 * order commits are compared in); a commit not on it cannot have come from the first-parent history
 * and is ignored. A single file's versions are already in order, so it needs no chain. A state lists a file only once its first version has landed. A deleted file keeps
 * its last content until it is re-added, and the re-add is a gap: nothing older than it can count.
 */
export function combinedStates(tracks: readonly FileTrack[], chain: readonly string[] | undefined): CombinedState[] {
  if (chain === undefined && tracks.length > 1) throw new Error('internal: the states of several files need the first-parent chain to order them');
  const order = chain ?? (tracks[0]?.versions ?? []).flatMap((v) => [v.commit, ...(v.reAdded ?? []).map((r) => r.commit)]).reverse();
  const position = new Map(order.map((commit, i) => [commit, order.length - 1 - i]));
  const steps: Step[] = [];
  for (const track of tracks) {
    for (const version of track.versions) {
      const at = position.get(version.commit);
      if (at !== undefined) steps.push({ file: track.file, position: at, content: { path: version.path, blob: version.blob }, gap: version.afterGap === true });
      for (const reAdd of version.reAdded ?? []) {
        const again = position.get(reAdd.commit);
        if (again !== undefined) steps.push({ file: track.file, position: again, content: { path: reAdd.path, blob: version.blob }, gap: true });
      }
    }
  }
  steps.sort((a, b) => a.position - b.position);
  const files = new Map<string, TrackedContent>();
  const states: CombinedState[] = [];
  for (let i = 0; i < steps.length; ) {
    const at = (steps[i] as Step).position;
    let gap = false;
    for (; i < steps.length && (steps[i] as Step).position === at; i++) {
      const step = steps[i] as Step;
      files.set(step.file, step.content);
      gap ||= step.gap;
    }
    states.push({ commit: order[order.length - 1 - at] as string, files: new Map(files), afterGap: gap });
  }
  return states;
}

/** Which commits the states rest on, with the date git gave each, for the landing proof's fallbacks. */
export function stateDates(tracks: readonly { readonly versions: readonly { readonly commit: string; readonly date: string; readonly reAdded?: readonly { readonly commit: string; readonly date: string }[] }[] }[]): Map<string, string> {
  const dates = new Map<string, string>();
  for (const track of tracks) {
    for (const version of track.versions) {
      dates.set(version.commit, version.date);
      for (const reAdd of version.reAdded ?? []) dates.set(reAdd.commit, reAdd.date);
    }
  }
  return dates;
}
