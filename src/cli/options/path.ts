/**
 * Paths, absolute or relative to `--cwd`, checked for what the option needs: an existing file, an
 * existing directory, or a place a directory or file can be written. The error says what was found.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InvalidValue, type Parser } from './invalid-value.js';

export type PathKind =
  /** An existing regular file. */
  | 'file'
  /** An existing directory. */
  | 'dir'
  /** A directory that exists and is writable, or can be created (its nearest existing ancestor is a writable directory). */
  | 'writable-dir'
  /** A file that can be written: its directory exists or can be created, and the path is not a directory. */
  | 'writable-file';

async function kindOf(path: string): Promise<'file' | 'dir' | 'other' | 'missing' | 'below-file'> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'ENOTDIR') return 'below-file';
    throw new InvalidValue(`cannot be read (${code ?? 'error'})`);
  }
}

async function writable(dir: string): Promise<boolean> {
  return access(dir, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** The nearest ancestor of `path` that exists; it must be a writable directory for `path` to be creatable. */
async function creatableUnder(path: string): Promise<void> {
  let parent = dirname(path);
  for (;;) {
    const kind = await kindOf(parent);
    if (kind === 'dir') {
      if (!(await writable(parent))) throw new InvalidValue(`cannot be created: ${parent} is not writable`);
      return;
    }
    if (kind !== 'missing' && kind !== 'below-file') throw new InvalidValue(`cannot be created: ${parent} is a file, not a directory`);
    const next = dirname(parent);
    if (next === parent) throw new InvalidValue('cannot be created: no existing parent directory');
    parent = next;
  }
}

export async function checkPath(absolute: string, kind: PathKind): Promise<string> {
  const found = await kindOf(absolute);
  if (found === 'below-file' && (kind === 'file' || kind === 'dir')) throw new InvalidValue('is below a file, not a directory');
  if (found === 'below-file') {
    await creatableUnder(absolute);
    return absolute;
  }
  switch (kind) {
    case 'file':
      if (found === 'missing') throw new InvalidValue('does not exist');
      if (found !== 'file') throw new InvalidValue(found === 'dir' ? 'is a directory, not a file' : 'is not a regular file');
      return absolute;
    case 'dir':
      if (found === 'missing') throw new InvalidValue('does not exist');
      if (found !== 'dir') throw new InvalidValue('is a file, not a directory');
      return absolute;
    case 'writable-dir':
      if (found === 'missing') await creatableUnder(absolute);
      else if (found !== 'dir') throw new InvalidValue('is a file, not a directory');
      else if (!(await writable(absolute))) throw new InvalidValue('is not writable');
      return absolute;
    case 'writable-file':
      if (found === 'dir') throw new InvalidValue('is a directory, not a file');
      if (found === 'missing') await creatableUnder(absolute);
      else if (found !== 'file') throw new InvalidValue('is not a regular file');
      else if (!(await writable(absolute))) throw new InvalidValue('is not writable');
      return absolute;
  }
}

/** An absolute path, resolved against the working directory, of the given kind. */
export function pathValue(kind: PathKind): Parser<string> {
  return (text, context) => {
    if (text.trim() === '') throw new InvalidValue('is empty', 'give a path');
    return checkPath(resolve(context.cwd, text), kind);
  };
}
