// Builds the committed bundles in dist/ (the action runs dist/index.js; npm's bin runs dist/cli.js;
// the package entry is dist/api.js) and the library's type declarations in dist/types/.
// Output is deterministic so CI can check that dist/ is current.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// Bundled dependencies may be CommonJS that calls require(); give the ESM bundle one.
const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: requireShim },
};

// The CLI and the library leave out exactly what npm installs with the package (its dependencies, among
// them the S3 SDK, which loads only when an s3:// path is used), and bundle the rest. The Octokit packages
// are bundled: as dependencies they would bring a consumer's npm an engine warning on Node 20 (content-type 3,
// through @octokit/request), which this repository's `overrides` cannot reach (docs/releasing.md#node-versions).
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const installed = { external: Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies }) };

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['src/action/index.ts'], outfile: 'dist/index.js' }),
  build({ ...common, ...installed, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${requireShim}` } }),
  build({ ...common, ...installed, entryPoints: ['src/index.ts'], outfile: 'dist/api.js' }),
]);
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// The config's JSON Schema for editors, generated from the zod schema that validates the file.
mkdirSync('.tmp', { recursive: true });
await build({ ...common, banner: {}, packages: 'external', entryPoints: ['src/policy/config/json-schema.ts'], outfile: '.tmp/json-schema.mjs' });
const { configJsonSchema } = await import(pathToFileURL('.tmp/json-schema.mjs').href);
writeFileSync('docs/guardrails.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
