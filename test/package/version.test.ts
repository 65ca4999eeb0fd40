/** Where `guardrails --version` reads the version: the manifest that declares the guardrails bin, whatever its name. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/cli/version.js';

const ROOT_MANIFEST = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

let root: string;

function manifestAt(dir: string, manifest: object): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
}

/** The URL of a module file in `dir`, as import.meta.url of dist/cli.js would be. */
function moduleIn(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return pathToFileURL(join(dir, 'cli.js')).href;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'guardrails-version-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('packageVersion', () => {
  it("is this checkout's package.json version from the source tree", () => {
    expect(packageVersion()).toBe(ROOT_MANIFEST.version);
  });

  it('finds a scoped package by its bin, from the bundle inside an installed package', () => {
    const pkg = join(root, 'consumer/node_modules/@acme/guardrails');
    manifestAt(join(root, 'consumer'), { name: 'consumer', version: '1.0.0', private: true });
    manifestAt(pkg, { name: '@acme/guardrails', version: '3.4.5', bin: { guardrails: 'dist/cli.js' } });
    expect(packageVersion(moduleIn(join(pkg, 'dist')))).toBe('3.4.5');
  });

  it('skips a nearer package.json without the bin, and one whose bin is another command', () => {
    manifestAt(root, { name: 'anything', version: '2.0.0', bin: { guardrails: 'cli.js' } });
    manifestAt(join(root, 'a'), { name: 'guardrails', version: '9.9.9' });
    manifestAt(join(root, 'a/b'), { name: 'other', version: '8.8.8', bin: { other: 'cli.js' } });
    mkdirSync(join(root, 'a/b/c'));
    writeFileSync(join(root, 'a/b/c/package.json'), '{ not json');
    expect(packageVersion(moduleIn(join(root, 'a/b/c')))).toBe('2.0.0');
  });

  it('is "unknown" when no manifest within six folders declares the bin as a key of bin', () => {
    // Deep enough that the walk never leaves this test's folder.
    const deep = join(root, 'x/y/z/w');
    manifestAt(join(deep, 'a'), { name: '@acme/guardrails', version: '1.2.3', bin: 'dist/cli.js' });
    expect(packageVersion(moduleIn(join(deep, 'a')))).toBe('unknown');
    manifestAt(root, { name: '@acme/guardrails', version: '1.2.3', bin: { guardrails: 'dist/cli.js' } });
    expect(packageVersion(moduleIn(join(root, 'a/b/c/d/e/f')))).toBe('unknown');
    expect(packageVersion(moduleIn(join(root, 'a/b/c/d/e')))).toBe('1.2.3');
  });
});
