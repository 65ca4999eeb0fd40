/** A real git repository in a temporary directory, for tests of the git layer and the check. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export class TempRepo {
  private clock = Date.UTC(2026, 0, 1) / 1000;

  private constructor(readonly dir: string) {}

  /** `git init` on branch `main` with a local identity. */
  static create(prefix = 'guardrails-git-'): TempRepo {
    const repo = new TempRepo(mkdtempSync(join(tmpdir(), prefix)));
    repo.git('init', '-q', '-b', 'main');
    repo.git('config', 'user.name', 'Test');
    repo.git('config', 'user.email', 'test@example.com');
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  /** An existing directory, e.g. a clone made with `git clone`. */
  static at(dir: string): TempRepo {
    return new TempRepo(dir);
  }

  git(...args: string[]): string {
    const date = `@${this.clock} +0000`;
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...withoutHookVariables(process.env), GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, LC_ALL: 'C' },
    }).trim();
  }

  write(path: string, content: string | Uint8Array): this {
    const absolute = join(this.dir, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
    return this;
  }

  remove(path: string): this {
    rmSync(join(this.dir, path));
    return this;
  }

  /** Stages everything and commits one day after the previous commit; returns the commit id. */
  commit(message: string): string {
    this.clock += 86_400;
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** `git merge --no-ff` of a branch into the current one; returns the merge commit id. */
  merge(branch: string, message = `merge ${branch}`): string {
    this.clock += 86_400;
    this.git('merge', '-q', '--no-ff', '-m', message, branch);
    return this.git('rev-parse', 'HEAD');
  }

  /** The ISO committer date of a commit, as git prints it. */
  dateOf(commit: string): string {
    return this.git('show', '-s', '--format=%cI', commit);
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs git in a directory with the same clean environment, e.g. `git clone` into a new directory. */
export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...withoutHookVariables(process.env), LC_ALL: 'C' } }).trim();
}

/** Tests may run inside a git hook, whose GIT_DIR and friends would redirect every command. */
function withoutHookVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR', 'GIT_PREFIX']) delete clean[name];
  return clean;
}
