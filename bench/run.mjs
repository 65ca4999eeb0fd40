// `npm run bench [-- name...]`: bundles each bench/<name>.ts with esbuild and runs it in its own
// Node process, so one benchmark's heap never skews another's numbers.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const available = readdirSync('bench').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
mkdirSync('.tmp/bench', { recursive: true });
let failed = false;
for (const name of wanted.length > 0 ? wanted : available) {
  const outfile = join('.tmp/bench', `${name}.mjs`);
  await build({
    entryPoints: [join('bench', `${name}.ts`)], outfile, bundle: true, platform: 'node', format: 'esm',
    target: 'node20', packages: 'external', logLevel: 'warning',
  });
  console.log(`\n== bench/${name} ==`);
  const result = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
