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
// bench/compat compares with Apache Avro's Python checker from Debian's python3-avro: install it when missing.
if ((wanted.length === 0 || wanted.includes('compat')) && !hasPythonAvro()) installPythonAvro();
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

function hasPythonAvro() {
  return spawnSync('/usr/bin/python3', ['-c', 'import avro.compatibility'], { stdio: 'ignore' }).status === 0;
}

function installPythonAvro() {
  const root = process.getuid?.() === 0;
  const apt = (...args) =>
    spawnSync(root ? 'apt-get' : 'sudo', root ? args : ['-n', 'apt-get', ...args], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (!(apt('update', '-qq') && apt('install', '-y', '-qq', '--no-install-recommends', 'python3-avro'))) {
    console.error('warning: could not install python3-avro from Debian; bench/compat skips the Python comparison');
  }
}
