/**
 * Committed histories for many paths, in order, a group at a time: the next group is listed while
 * the current one is consumed, so listing never waits on checking and never holds more than two
 * groups of version lists (commit ids and dates, no content).
 */
import type { FileVersion } from '../../github/git/history.js';
import type { GitRepository } from '../../github/git/repository.js';

/** Paths listed per `git log` round. */
const GROUP = 100;

export async function* streamHistories(repo: GitRepository, baseCommit: string, paths: readonly string[]): AsyncGenerator<FileVersion[]> {
  const groups: string[][] = [];
  for (let at = 0; at < paths.length; at += GROUP) groups.push(paths.slice(at, at + GROUP));
  const list = (group: readonly string[]) => repo.fileHistories(baseCommit, [...new Set(group)]);
  let next = groups[0] === undefined ? undefined : list(groups[0]);
  for (let i = 0; i < groups.length; i++) {
    const histories = await (next as Promise<Map<string, FileVersion[]>>);
    const following = groups[i + 1];
    next = following === undefined ? undefined : list(following);
    // An unhandled rejection of the look-ahead would end the process; the loop awaits it next round.
    next?.catch(() => undefined);
    for (const path of groups[i] as string[]) yield histories.get(path) ?? [];
  }
}
