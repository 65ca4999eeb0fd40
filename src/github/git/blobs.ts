/** Reads many git objects in one `git cat-file --batch` run instead of one process per object. */
import { GitError, type GitRunner } from './run.js';

/**
 * Contents of the named objects: blob ids, or `<commit>:<path>` names. A name git cannot find maps
 * to undefined (e.g. a path absent at that commit).
 */
export async function readObjects(git: GitRunner, names: readonly string[]): Promise<Map<string, Buffer | undefined>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  for (const name of unique) {
    // The batch protocol is line-based; a newline would split one request into two.
    if (/[\r\n]/.test(name)) throw new GitError('failed', `cannot read ${JSON.stringify(name)} from git: the name contains a line break`);
  }
  const output = await git(['cat-file', '--batch'], Buffer.from(`${unique.join('\n')}\n`, 'utf8'));
  const contents = parseBatchOutput(output, unique.length);
  return new Map(unique.map((name, index) => [name, contents[index]]));
}

/** Splits `cat-file --batch` output into one content (or undefined for a missing object) per request. */
export function parseBatchOutput(output: Buffer, count: number): (Buffer | undefined)[] {
  const contents: (Buffer | undefined)[] = [];
  let at = 0;
  while (contents.length < count) {
    const end = output.indexOf(0x0a, at);
    if (end < 0) throw truncated();
    const header = parseBatchHeader(output.subarray(at, end).toString('utf8'));
    at = end + 1;
    if (header === undefined) {
      contents.push(undefined);
      continue;
    }
    if (at + header.size > output.length) throw truncated();
    contents.push(header.type === 'blob' ? output.subarray(at, at + header.size) : undefined);
    at += header.size + 1;
  }
  return contents;
}

/**
 * `<oid> <type> <size>` of an object whose content follows; undefined for `<name> missing` or
 * `<name> ambiguous`, after which no content follows.
 */
export function parseBatchHeader(line: string): { type: string; size: number } | undefined {
  const match = /^\S+ (\S+) (\d+)$/.exec(line);
  return match ? { type: match[1] as string, size: Number(match[2]) } : undefined;
}

function truncated(): GitError {
  return new GitError('failed', 'git cat-file --batch output ended early; this is a bug, please report it');
}
