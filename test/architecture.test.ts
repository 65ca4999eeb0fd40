/**
 * The layout rules of the developers' guide, checked on the source: no import circles; only the
 * command layer reads argv or decides exit codes; jobs/ holds thin entry points only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = [...sources('src'), ...sources('jobs')];

/**
 * Relative imports and re-exports of a module that load code, as repository paths of .ts files.
 * `import type` is erased by the compiler, so a circle of types alone never runs.
 */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gms)].map((m) => m[1] as string);
  return specifiers.map((s) => relative(root, resolve(join(root, dirname(file)), s)).replace(/\.js$/, '.ts'));
}

function cycles(): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe('the layout', () => {
  it('has no import circles', () => {
    expect(cycles()).toEqual([]);
  });

  it('reads argv, parses options and sets exit codes only in the command layer and the entry points', () => {
    const offenders = files
      .filter((f) => !f.startsWith('src/cli/') && !f.startsWith('jobs/') && !f.startsWith('src/action/'))
      .filter((f) => /\bparseArgs\s*\(|process\.argv|process\.exit(Code)?\b/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps jobs/ to thin entry points that run a CLI command', () => {
    const jobs = files.filter((f) => f.startsWith('jobs/'));
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(dirname(job), `${job} is not a top-level entry point`).toBe('jobs');
      expect(importsOf(job), job).toEqual(['src/cli/process.ts']);
      expect(readFileSync(join(root, job), 'utf8').split('\n').length, job).toBeLessThanOrEqual(10);
    }
  });
});
