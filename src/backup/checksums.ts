/**
 * SHA256SUMS in the format `sha256sum -c` reads: `<hex>  <path>` per line, sorted by path. It lists
 * every file of the backup except itself, MANIFEST.json included, so a file that is missing, extra
 * or changed is caught before anything is restored.
 */
import { createHash } from 'node:crypto';
import { BackupError } from './errors.js';
import { SUMS_FILE } from './paths.js';

export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export function formatSums(hashes: ReadonlyMap<string, string>): string {
  const paths = [...hashes.keys()].filter((p) => p !== SUMS_FILE).sort(byCodePoint);
  return paths.map((p) => `${hashes.get(p)}  ${p}\n`).join('');
}

export function parseSums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [index, line] of lines.entries()) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match || out.has(match[2] as string)) {
      throw new BackupError('integrity', `${SUMS_FILE} line ${index + 1} is not '<sha256 hex>  <path>' or repeats a path`, 'The backup cannot be trusted; use another one');
    }
    out.set(match[2] as string, match[1] as string);
  }
  return out;
}

/** One line per difference between the listed hashes and the files present; empty when they agree. */
export function compareSums(listed: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, hash] of [...listed].sort(([a], [b]) => byCodePoint(a, b))) {
    const found = actual.get(path);
    if (found === undefined) problems.push(`${path}: listed in ${SUMS_FILE} but missing`);
    else if (found !== hash) problems.push(`${path}: SHA-256 differs from ${SUMS_FILE}`);
  }
  for (const path of [...actual.keys()].sort(byCodePoint)) {
    if (path !== SUMS_FILE && !listed.has(path)) problems.push(`${path}: present but not listed in ${SUMS_FILE}`);
  }
  return problems;
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
