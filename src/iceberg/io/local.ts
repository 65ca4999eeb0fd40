/** FileIO over the local file system for `file://` URIs and plain paths (relative ones against `cwd`). */
import { mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IcebergError } from '../errors.js';
import { type DeleteFailure, type FileIO, mapWithConcurrency, notAttempted } from './file-io.js';

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
}
