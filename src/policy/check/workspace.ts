/**
 * Schema sources from git: the working tree's schema files (read once, scanned, indexed by the named
 * types they define) and committed files read in batches through `git cat-file`.
 */
import type { GitRepository } from '../../github/git/repository.js';
import { GitError } from '../../github/git/run.js';
import { nameIndexOf, scanSource, type NameIndex, type ScannedSource, type SourceReader } from './sources.js';

export interface Workspace {
  /** Scanned working-tree schema files, by path. */
  readonly sources: ReadonlyMap<string, ScannedSource>;
  /** Why a schema file could not be read (permissions, a symbolic link), one line naming it, by path. */
  readonly unreadable: ReadonlyMap<string, string>;
  /** Which working-tree files define each named type; also used to find dependencies in the history. */
  readonly index: NameIndex;
  readonly reader: SourceReader;
}

export async function loadWorkspace(repo: GitRepository, schemaFiles: readonly string[]): Promise<Workspace> {
  const sources = new Map<string, ScannedSource>();
  const unreadable = new Map<string, string>();
  await Promise.all(
    schemaFiles.map(async (file) => {
      try {
        // Without the parsed document: the working tree is held for the whole run, and each file is parsed once anyway.
        const { document: _parsed, ...source } = scanSource(file, await repo.readWorkingFile(file));
        sources.set(file, source);
      } catch (error) {
        unreadable.set(file, readProblem(file, error));
      }
    }),
  );
  return {
    sources,
    unreadable,
    index: nameIndexOf(sources.values()),
    reader: async (files) => new Map(files.map((file) => [file, sources.get(file)])),
  };
}

/** One line naming the file and why it could not be read. */
function readProblem(file: string, error: unknown): string {
  if (error instanceof GitError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  return `${file}: cannot read the file (${code ?? String(error)})`;
}

/** Where committed objects come from: the repository's one-shot batch, or a long-lived reader. */
export interface ObjectSource {
  readObjects(names: readonly string[]): Promise<ReadonlyMap<string, Buffer | undefined>>;
}

/**
 * Committed files as sources, each object read and scanned once per instance: an audit uses one
 * instance per subject, so what it read is released with the subject.
 */
export class CommittedSources {
  private readonly cache = new Map<string, ScannedSource | undefined>();

  constructor(private readonly repo: ObjectSource) {}

  /**
   * Reads many `<commit>:<path>` objects in one batch ahead of use. With the blob id (known from the
   * log), git reads the object directly instead of walking the commit's trees to the path.
   */
  async prefetch(objects: readonly { commit: string; path: string; blob?: string }[]): Promise<void> {
    const wanted = new Map<string, string>();
    for (const { commit, path, blob } of objects) {
      const name = `${commit}:${path}`;
      if (!this.cache.has(name)) wanted.set(name, blob ?? name);
    }
    // A path with a line break cannot go through the batch protocol; it stays unreadable.
    const readable = [...wanted].filter(([name]) => !/[\r\n]/.test(name)).map(([, request]) => request);
    const contents = await this.repo.readObjects(readable);
    for (const [name, request] of wanted) {
      const bytes = /[\r\n]/.test(name) ? undefined : contents.get(request);
      const path = name.slice(name.indexOf(':') + 1);
      this.cache.set(name, bytes === undefined ? undefined : scanSource(path, bytes));
    }
  }

  /** A reader of the files as they were at `commit`. */
  readerAt(commit: string): SourceReader {
    return async (files) => {
      await this.prefetch(files.map((path) => ({ commit, path })));
      return new Map(files.map((path) => [path, this.cache.get(`${commit}:${path}`)]));
    };
  }
}
