/** FileIO over the local file system for `file://` URIs and plain paths (relative ones against `cwd`). */
import { lstat, mkdir, readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IcebergError } from '../errors.js';
import { type DeleteFailure, type FileIO, type ListedFile, mapWithConcurrency, notAttempted } from './file-io.js';

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

export class LocalFileIO implements FileIO {
  constructor(private readonly cwd: string, private readonly concurrency = 16) {}

  toLocal(path: string): string {
    if (path.startsWith('file:')) return fileURLToPath(path.startsWith('file://') ? path : `file://${path.slice(5)}`);
    return resolve(this.cwd, path);
  }

  async read(path: string): Promise<Buffer> {
    try {
      return await readFile(this.toLocal(path));
    } catch (cause) {
      const missing = errnoCode(cause) === 'ENOENT';
      throw new IcebergError('UNREADABLE', missing ? 'file not found' : `cannot read file: ${errnoCode(cause) ?? String(cause)}`, { subject: path, cause });
    }
  }

  async writeNew(path: string, data: Buffer): Promise<void> {
    const local = this.toLocal(path);
    try {
      await mkdir(dirname(local), { recursive: true });
      await writeFile(local, data, { flag: 'wx' });
    } catch (cause) {
      throw new IcebergError('IO', `cannot create file: ${errnoCode(cause) ?? String(cause)}`, { subject: path, cause });
    }
  }

  async deleteFiles(paths: readonly string[], signal?: AbortSignal): Promise<DeleteFailure[]> {
    const results = await mapWithConcurrency(paths, this.concurrency, async (path): Promise<DeleteFailure | undefined> => {
      try {
        await unlink(this.toLocal(path));
        return undefined;
      } catch (cause) {
        if (errnoCode(cause) === 'ENOENT') return undefined; // already gone: the goal is reached
        return { path, reason: errnoCode(cause) ?? String(cause) };
      }
    }, { signal, skipped: notAttempted });
    return results.filter((r): r is DeleteFailure => r !== undefined);
  }

  async size(path: string): Promise<number | undefined> {
    try {
      return (await stat(this.toLocal(path))).size;
    } catch (cause) {
      if (errnoCode(cause) === 'ENOENT') return undefined;
      throw new IcebergError('IO', `cannot stat file: ${errnoCode(cause) ?? String(cause)}`, { subject: path, cause });
    }
  }

  /**
   * Walks the directory tree under `prefix`, one directory at a time with bounded parallel `lstat`s. Symbolic
   * links are neither followed nor listed, so nothing outside the tree is ever reached; a directory or file that
   * vanishes mid-walk is skipped (another job deleted it), not an error.
   */
  async *list(prefix: string, signal?: AbortSignal): AsyncIterable<ListedFile> {
    const base = prefix.replace(/\/+$/, '');
    const pending: Array<{ dir: string; rel: string }> = [{ dir: this.toLocal(base), rel: '' }];
    while (pending.length > 0) {
      if (signal?.aborted) return;
      const { dir, rel } = pending.pop() as { dir: string; rel: string };
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (cause) {
        const code = errnoCode(cause);
        if (code === 'ENOENT' || (code === 'ENOTDIR' && rel !== '')) continue;
        throw new IcebergError('IO', `cannot list directory: ${code ?? String(cause)}`, { subject: rel === '' ? base : `${base}/${rel}`, cause });
      }
      const files = entries.filter((e) => e.isFile()).map((e) => e.name).sort();
      for (const e of entries) if (e.isDirectory()) pending.push({ dir: join(dir, e.name), rel: rel === '' ? e.name : `${rel}/${e.name}` });
      const listed = await mapWithConcurrency(files, this.concurrency, async (name): Promise<ListedFile | undefined> => {
        const relPath = rel === '' ? name : `${rel}/${name}`;
        try {
          const info = await lstat(join(dir, name));
          return { path: `${base}/${relPath}`, sizeBytes: info.size, lastModifiedMs: Math.floor(info.mtimeMs) };
        } catch (cause) {
          if (errnoCode(cause) === 'ENOENT') return undefined;
          throw new IcebergError('IO', `cannot stat file: ${errnoCode(cause) ?? String(cause)}`, { subject: `${base}/${relPath}`, cause });
        }
      });
      for (const file of listed) if (file !== undefined) yield file;
    }
  }
}
