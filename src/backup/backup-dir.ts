/**
 * Backups as directories. A backup is written under a temporary `.partial-…` name and renamed
 * into place only after its last file (SHA256SUMS) is on disk, so a crash never leaves a directory
 * that looks complete; a reader refuses `.partial-…` directories and anything without SHA256SUMS.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { BackupError, messageOf } from './errors.js';
import { SUMS_FILE } from './paths.js';

export const PARTIAL_PREFIX = '.partial-';

/**
 * Writes `files` as `<parent>/<name>`; fails if it exists. Returns the final path, or undefined
 * when `signal` was aborted before the rename: then the temporary directory is removed.
 */
export async function writeBackupDir(files: ReadonlyMap<string, string>, parent: string, name: string, signal?: AbortSignal): Promise<string | undefined> {
  const final = join(parent, name);
  if (await exists(final)) {
    throw new BackupError('destination', `'${final}' already exists`, 'Choose another --name, or remove it first');
  }
  const temp = join(parent, `${PARTIAL_PREFIX}${name}-${randomBytes(4).toString('hex')}`);
  try {
    await writeTree(files, temp, signal);
    if (signal?.aborted) {
      await rm(temp, { recursive: true, force: true });
      return undefined;
    }
    await rename(temp, final);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError('destination', `could not write the backup to '${final}': ${messageOf(error)}`, 'Check the path and free space');
  }
  return final;
}

/** Files written at once: enough to keep the disk busy, few enough for any file descriptor limit. */
const PARALLEL_WRITES = 64;

/** Writes every file under `root` (created), SHA256SUMS last; a stop ends it between batches. */
export async function writeTree(files: ReadonlyMap<string, string>, root: string, signal?: AbortSignal): Promise<void> {
  await mkdir(root, { recursive: true });
  const paths = [...files.keys()].filter((p) => p !== SUMS_FILE);
  const target = (p: string) => join(root, ...p.split('/'));
  await inBatches([...new Set(paths.map((p) => dirname(target(p))))], (d) => mkdir(d, { recursive: true }), signal);
  await inBatches(paths, (p) => writeFile(target(p), files.get(p) as string), signal);
  const sums = files.get(SUMS_FILE);
  if (sums !== undefined && !signal?.aborted) await writeFile(join(root, SUMS_FILE), sums);
}

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>, signal?: AbortSignal): Promise<void> {
  for (let i = 0; i < items.length && !signal?.aborted; i += PARALLEL_WRITES) await Promise.all(items.slice(i, i + PARALLEL_WRITES).map(work));
}

/** Every file under `dir` by `/`-separated relative path (a top-level `.git` is skipped). */
export async function readBackupDir(dir: string): Promise<Map<string, Buffer>> {
  if (basename(dir).startsWith(PARTIAL_PREFIX)) {
    throw new BackupError('integrity', `'${dir}' is an unfinished backup (its name starts with ${PARTIAL_PREFIX})`, 'Use a complete backup');
  }
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new BackupError('invalid-input', `'${dir}' is not a directory`, 'Give --from the directory of a backup');
  const out = new Map<string, Buffer>();
  await inBatches(await listFiles(dir), async (file) => out.set(relative(dir, file).split(sep).join('/'), await readFile(file)));
  return out;
}

async function listFiles(dir: string, top = true): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (top && entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, false)));
    else out.push(path);
  }
  return out;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}
