/**
 * Runs git without a shell: an argument array, raw byte output (callers ask for `-z` output so any
 * file name survives), and a typed error that says what failed and what to do.
 */
import { execFile } from 'node:child_process';

export type GitErrorKind =
  /** git is not installed or not on PATH. */
  | 'git-missing'
  /** The directory is not inside a git work tree. */
  | 'not-a-repository'
  /** A ref given by the user (or a default branch) does not exist. */
  | 'ref-not-found'
  /** The base ref and HEAD share no history. */
  | 'no-merge-base'
  /** The clone is shallow, so the history the check needs is missing. */
  | 'shallow'
  /** The run was stopped (SIGINT, SIGTERM) while git was being read. */
  | 'stopped'
  /** Any other git failure; the message quotes git's own first error line. */
  | 'failed';

export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    readonly kind: GitErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Runs one git command in a directory and returns its standard output. */
export type GitRunner = (args: readonly string[], input?: Uint8Array) => Promise<Buffer>;

// Output of `git log` or `cat-file --batch` on a large history can be big; the limit only stops runaways.
const MAX_OUTPUT = 2 ** 31 - 1;

/**
 * A runner bound to `cwd`. Paths are never quoted (`core.quotePath=false`), no pager or prompt can
 * start, an fsmonitor hook configured in the repository cannot run, and messages are in English.
 */
export function gitRunner(cwd: string): GitRunner {
  return (args, input) =>
    new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        ['-c', 'core.quotePath=false', '-c', 'core.fsmonitor=false', '--no-pager', ...args],
        {
          cwd,
          encoding: 'buffer',
          maxBuffer: MAX_OUTPUT,
          env: gitEnvironment(process.env),
        },
        (error, stdout, stderr) => {
          if (error) reject(gitFailure(args, error, stderr));
          else resolve(stdout);
        },
      );
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input);
    });
}

// Set by git for hooks; inherited, they would point every command at the hook's repository instead of `cwd`.
const LOCATION_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_PREFIX'];

export function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Paths are always literal: `schemas/a[1].avsc` must not also match `schemas/a1.avsc`.
  const clean: NodeJS.ProcessEnv = { ...env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_LITERAL_PATHSPECS: '1' };
  for (const name of LOCATION_VARIABLES) delete clean[name];
  return clean;
}

function gitFailure(args: readonly string[], error: Error & { code?: unknown }, stderr: Buffer): GitError {
  if (error.code === 'ENOENT') {
    return new GitError('git-missing', 'git is not installed or not on PATH; install git and run again');
  }
  const detail = firstLine(stderr.toString('utf8')) || error.message.split('\n')[0] || 'no message';
  return new GitError('failed', `git ${args[0] ?? ''} failed: ${detail}`);
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}

/** Splits NUL-separated output (`-z`) into its fields, dropping the empty one after the final NUL. */
export function splitNul(output: Buffer | string): string[] {
  const text = typeof output === 'string' ? output : output.toString('utf8');
  const fields = text.split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  return fields;
}
