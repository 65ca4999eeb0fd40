/**
 * One long-lived `git cat-file --batch` process that many reads share: requests are written to its
 * input as they come and answered in order from its output, so reading a history subject by subject
 * costs one process for the whole run instead of one per subject.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { parseBatchHeader } from './blobs.js';
import { GitError, firstLine, gitEnvironment } from './run.js';

export interface ObjectReader {
  /** Contents of blob ids or `<commit>:<path>` names; a missing object (or one that is no blob) maps to undefined. */
  read(names: readonly string[]): Promise<Map<string, Buffer | undefined>>;
  /** Ends the process; reads still waiting fail. Safe to call more than once. */
  close(): void;
  /** The git process's id once started (diagnostics and tests). */
  readonly pid: number | undefined;
  /** Settles when the git process has ended and been reaped (at once if it never started). */
  readonly exited: Promise<void>;
}

export interface ObjectReaderOptions {
  /** Aborting ends the process at once; waiting reads fail with a GitError of kind `stopped`. */
  readonly signal?: AbortSignal;
}

interface Waiting {
  readonly name: string;
  readonly resolve: (content: Buffer | undefined) => void;
  readonly reject: (error: Error) => void;
}

/** A reader in `cwd` (the work tree's top level). The process starts with the first read. */
export function objectReader(cwd: string, options: ObjectReaderOptions = {}): ObjectReader {
  return new BatchProcess(cwd, options.signal);
}

class BatchProcess implements ObjectReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly waiting: Waiting[] = [];
  private failure: Error | undefined;
  private readonly parser = new BatchOutputParser();
  private stderr = '';
  private readonly onAbort = () => this.fail(new GitError('stopped', 'reading the git history was stopped'));
  private markExited: () => void = () => undefined;
  private readonly exitedPromise = new Promise<void>((resolve) => (this.markExited = resolve));

  constructor(
    private readonly cwd: string,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get exited(): Promise<void> {
    return this.child === undefined ? Promise.resolve() : this.exitedPromise;
  }

  read(names: readonly string[]): Promise<Map<string, Buffer | undefined>> {
    const unique = [...new Set(names)];
    if (unique.length === 0) return Promise.resolve(new Map());
    for (const name of unique) {
      // The batch protocol is line-based; a newline would split one request into two.
      if (/[\r\n]/.test(name)) return Promise.reject(new GitError('failed', `cannot read ${JSON.stringify(name)} from git: the name contains a line break`));
    }
    if (this.signal?.aborted) this.onAbort();
    if (this.failure) return Promise.reject(this.failure);
    const child = this.start();
    const answers = unique.map((name) => new Promise<Buffer | undefined>((resolve, reject) => this.waiting.push({ name, resolve, reject })));
    this.hold(true);
    child.stdin.write(`${unique.join('\n')}\n`);
    return Promise.all(answers).then((contents) => new Map(unique.map((name, i) => [name, contents[i]])));
  }

  close(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.fail(new GitError('failed', 'the git object reader was closed while a read was waiting; this is a bug, please report it'));
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['-c', 'core.quotePath=false', '-c', 'core.fsmonitor=false', '--no-pager', 'cat-file', '--batch'], {
      cwd: this.cwd,
      env: gitEnvironment(process.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4096)));
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => {
      this.fail(error.code === 'ENOENT' ? new GitError('git-missing', 'git is not installed or not on PATH; install git and run again') : new GitError('failed', `git cat-file failed: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      this.markExited();
      if (this.waiting.length > 0) this.fail(new GitError('failed', `git cat-file failed: ${firstLine(this.stderr) || `it ended early (${signal ?? `exit ${code}`})`}`));
    });
    return child;
  }

  private receive(chunk: Buffer): void {
    try {
      for (const content of this.parser.push(chunk)) {
        const next = this.waiting.shift();
        if (next === undefined) throw new GitError('failed', 'git cat-file --batch answered a request nobody made; this is a bug, please report it');
        next.resolve(content);
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.waiting.length === 0) this.hold(false);
  }

  /**
   * Keeps the event loop alive only while a read waits, so an idle reader a caller forgot to close
   * never holds the process open (and git then ends on its closed input).
   */
  private hold(on: boolean): void {
    const child = this.child;
    if (!child) return;
    for (const handle of [child, child.stdout, child.stderr, child.stdin] as { ref?: () => void; unref?: () => void }[]) {
      if (on) handle.ref?.();
      else handle.unref?.();
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.stdin.destroy();
      child.kill('SIGKILL');
    }
    for (const waiting of this.waiting.splice(0)) waiting.reject(this.failure);
  }
}

/**
 * Splits `cat-file --batch` output as it arrives into one content per request, in order: a blob's
 * bytes, or undefined for a missing, ambiguous or non-blob object.
 */
export class BatchOutputParser {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The header of the object whose content is being collected. */
  private expecting: { size: number; blob: boolean } | undefined;

  push(chunk: Buffer): (Buffer | undefined)[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: (Buffer | undefined)[] = [];
    for (;;) {
      if (this.expecting === undefined) {
        const data = this.flatten();
        const end = data.indexOf(0x0a);
        if (end < 0) return out;
        const header = parseBatchHeader(data.subarray(0, end).toString('utf8'));
        this.keep(data.subarray(end + 1));
        if (header === undefined) out.push(undefined);
        else this.expecting = { size: header.size, blob: header.type === 'blob' };
        continue;
      }
      // The content, then one line feed.
      if (this.buffered < this.expecting.size + 1) return out;
      const data = this.flatten();
      out.push(this.expecting.blob ? Buffer.from(data.subarray(0, this.expecting.size)) : undefined);
      this.keep(data.subarray(this.expecting.size + 1));
      this.expecting = undefined;
    }
  }

  private flatten(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private keep(rest: Buffer): void {
    this.chunks = rest.length === 0 ? [] : [rest];
    this.buffered = rest.length;
  }
}
