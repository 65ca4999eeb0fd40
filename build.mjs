// Builds the committed bundles in dist/ (the action runs dist/index.js; npm's bin runs dist/cli.js;
// the package entry is dist/api.js) and the library's type declarations in dist/types/.
// Output is deterministic so CI can check that dist/ is current.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['src/action/index.ts'], outfile: 'dist/index.js' }),
  // The CLI and the library keep their dependencies external: npm installs them with the package,
  // and the optional ones (the S3 SDK) load only when used.
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', packages: 'external', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/api.js', packages: 'external', banner: {} }),
]);
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// The config's JSON Schema for editors, generated from the zod schema that validates the file.
mkdirSync('.tmp', { recursive: true });
await build({ ...common, banner: {}, packages: 'external', entryPoints: ['src/policy/config/json-schema.ts'], outfile: '.tmp/json-schema.mjs' });
const { configJsonSchema } = await import(pathToFileURL('.tmp/json-schema.mjs').href);
writeFileSync('docs/guardrails.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
