import { describe, expect, it } from 'vitest';
import { compileGlob, GlobError } from '../../../src/policy/config/glob.js';

function matches(pattern: string, path: string): boolean {
  return compileGlob(pattern)(path);
}

describe('compileGlob', () => {
  it.each([
    ['schemas/**/*.avsc', 'schemas/a.avsc', true],
    ['schemas/**/*.avsc', 'schemas/x/y/a.avsc', true],
    ['schemas/**/*.avsc', 'schemas/a.avsc.bak', false],
    ['schemas/**/*.avsc', 'other/schemas/a.avsc', false],
    ['schemas/*.avsc', 'schemas/x/a.avsc', false],
    ['**/*.avsc', 'a.avsc', true],
    ['**/*.avsc', 'deep/er/a.avsc', true],
    ['schemas/**', 'schemas/x/y', true],
    ['schemas/**', 'schemasx/y', false],
    ['s/?.avsc', 's/a.avsc', true],
    ['s/?.avsc', 's/ab.avsc', false],
    ['s/?.avsc', 's//.avsc', false],
    ['s/{trades,quotes}.avsc', 's/quotes.avsc', true],
    ['s/{trades,quotes}.avsc', 's/ticks.avsc', false],
    ['s/{a,b/{c,d}}.avsc', 's/b/d.avsc', true],
    ['s/{a,}x', 's/x', true],
    ['/schemas/a.avsc', 'schemas/a.avsc', true],
    ['./schemas/a.avsc', 'schemas/a.avsc', true],
    ['schemas/a.avsc', './schemas/a.avsc', true],
    ['s/a+b(1).avsc', 's/a+b(1).avsc', true],
    ['s/a.avsc', 's/aXavsc', false],
    ['s/\\*.avsc', 's/*.avsc', true],
    ['s/\\*.avsc', 's/x.avsc', false],
    ['s/ü*.avsc', 's/üb.avsc', true],
    ['s/a**b', 's/aXYb', true],
    ['s/a**b', 's/aX/Yb', false],
  ])('%s against %s is %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it.each([
    ['', 'it is empty; write a path such as schemas/**/*.avsc'],
    ['s/{a,b', "a '{' has no matching '}'"],
    ['s/a}', "a '}' has no matching '{'"],
    ['s/[ab].avsc', 'character classes ([...]) are not supported; use {a,b} alternatives'],
    ['s/a\\', "it ends with a lone '\\'"],
  ])('rejects %j', (pattern, problem) => {
    const error = (() => {
      try {
        compileGlob(pattern);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(GlobError);
    expect((error as GlobError).problem).toBe(problem);
  });
});
