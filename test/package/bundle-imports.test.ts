/**
 * What dist/cli.js and dist/api.js import at run time is what npm installs with the package: each bare import
 * is a Node built-in or one of package.json's dependencies (build.mjs bundles everything else). Fast, and
 * without the registry, unlike the pack-and-install test, which would find a miss only by running the binary.
 */
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/**
 * The package names of a bundle's static and dynamic imports of bare specifiers, and of its require()
 * calls: packages loaded on first use are required through createRequire (src/scheduler/prom-client.ts),
 * whose variables esbuild renames require2, require3, ... beside the banner's own `require`.
 */
function importedPackages(bundle: string): string[] {
  const code = readFileSync(new URL(`../../dist/${bundle}`, import.meta.url), 'utf8');
  const specifiers = [...code.matchAll(/(?:^|[\s;}])(?:import|export)\s[^'"]*?from\s*["']([^"'./][^"']*)["']|\b(?:import|require\d*)\(\s*["']([^"'./][^"']*)["']\s*\)/gm)].map((m) => (m[1] ?? m[2])!);
  const packages = specifiers.filter((s) => !isBuiltin(s)).map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
  return [...new Set(packages)].sort();
}

describe.each(['cli.js', 'api.js'])('dist/%s', (bundle) => {
  it('imports only Node built-ins and dependencies, none of the bundled Octokit', () => {
    const imported = importedPackages(bundle);
    expect(imported.filter((name) => !(name in manifest.dependencies))).toEqual([]);
    expect(imported.filter((name) => name.startsWith('@octokit/'))).toEqual([]);
  });
});

describe('dist/cli.js', () => {
  it('bundles the Octokit client, a devDependency, and still imports runtime dependencies', () => {
    expect(manifest.devDependencies).toHaveProperty('@octokit/rest');
    expect(importedPackages('cli.js')).toEqual(expect.arrayContaining(['pg', 'zod', 'yaml']));
    expect(readFileSync(new URL('../../dist/cli.js', import.meta.url), 'utf8')).toContain('octokit-rest.js/');
  });
});
