/**
 * The package as a user gets it: `npm pack` of this checkout (the committed dist/), `npm install <tgz>` into an
 * empty folder with production dependencies only, then the installed `guardrails` binary: --version, compat on
 * two files, and check in a fresh git repository. npm reads the registry (or its cache, --prefer-offline); slow,
 * so the timeouts are generous.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; files: string[]; bin: Record<string, string> };
const NPM_TIMEOUT_MS = 240_000;

/**
 * Engine warnings a consumer's install may print, each with why it cannot be avoided from here: a package's own
 * `overrides` apply to this repository's installs only, never to its consumers'. None: the Octokit packages, whose
 * content-type 3 declared Node >= 22, are bundled into dist/ (build.mjs, docs/releasing.md#node-versions).
 */
const KNOWN_ENGINE_WARNINGS: Readonly<Record<string, string>> = {};

const V1 = { type: 'record', name: 'Trade', namespace: 'acme.market', fields: [{ name: 'id', type: 'string' }] };
const V2_COMPATIBLE = { ...V1, fields: [...V1.fields, { name: 'venue', type: 'string', default: 'XNYS' }] };
const V2_BREAKING = { ...V1, fields: [...V1.fields, { name: 'venue', type: 'string' }] };

let work: string;
let installed: string;
let packed: { files: Array<{ path: string }> };
let install: SpawnSyncReturns<string>;

/** npm with a cache of its own inside the test's folder would download everything; the user's cache is what --prefer-offline reads. */
function npm(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=warn'], { cwd, encoding: 'utf8', timeout: NPM_TIMEOUT_MS, env: { ...process.env, npm_config_update_notifier: 'false' } });
}

/** The installed binary, with no path to this checkout: PATH holds only the install's bin folder and node's. */
function guardrails(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const path = [join(installed, 'node_modules/.bin'), join(process.execPath, '..'), '/usr/bin', '/bin'].join(':');
  return spawnSync('guardrails', args, { cwd, encoding: 'utf8', timeout: 60_000, env: { PATH: path, HOME: work, LANG: 'C' } });
}

function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'guardrails-pack-'));
  const pack = npm(['pack', '--json', '--pack-destination', work], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const [result] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = result!;
  installed = join(work, 'consumer');
  mkdirSync(installed);
  writeFileSync(join(installed, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2)}\n`);
  install = npm(['install', '--prefer-offline', '--omit=dev', join(work, result!.filename.replace(/^.*\//, ''))], installed);
}, 2 * NPM_TIMEOUT_MS);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships only dist/, the config JSON Schema, the README, the license and package.json', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'docs/guardrails.schema.json', manifest.bin.guardrails!.replace(/^\.\//, '')]));
    const outside = paths.filter((p) => !p.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'docs/guardrails.schema.json'].includes(p));
    expect(outside).toEqual([]);
  });
});

describe('the image build (deploy/docker/Dockerfile)', { timeout: NPM_TIMEOUT_MS }, () => {
  it('packs the same files from only what the Dockerfile copies as npm pack of the checkout', () => {
    const copied = [...readFileSync(join(ROOT, 'deploy/docker/Dockerfile'), 'utf8').matchAll(/^COPY (?!--from)(.+) (\S+)$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    const stage = join(work, 'image-context');
    for (const path of copied) cpSync(join(ROOT, path), join(stage, path), { recursive: true });
    const pack = npm(['pack', '--dry-run', '--json'], stage);
    expect(pack.status, pack.stderr).toBe(0);
    const [result] = JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>;
    expect(result!.files.map((f) => f.path).sort()).toEqual(packed.files.map((f) => f.path).sort());
  });
});

// Each test starts several node processes; a loaded machine makes them slow, never wrong.
describe('npm install <tgz> into an empty folder', { timeout: 180_000 }, () => {
  it('installs with production dependencies only, and no engine warning on this Node', () => {
    expect(install.status, install.stderr).toBe(0);
    const warned = [...install.stderr.matchAll(/EBADENGINE\s+package: '((?:@[^/]+\/)?[^@']+)@/g)].map((m) => m[1]!);
    expect(warned.filter((name) => !(name in KNOWN_ENGINE_WARNINGS)), install.stderr).toEqual([]);
    expect(readdirSync(join(installed, 'node_modules/.bin'))).toContain('guardrails');
  });

  it('installs the package under its name and none of what dist/ bundles (Octokit)', () => {
    const own = JSON.parse(readFileSync(join(installed, 'node_modules', manifest.name, 'package.json'), 'utf8')) as { version: string };
    expect(own.version).toBe(manifest.version);
    expect(readdirSync(join(installed, 'node_modules'))).not.toContain('@octokit');
  });

  it('prints the package version with guardrails --version, also through npx', () => {
    expect(guardrails(['--version'], installed)).toMatchObject({ status: 0, stdout: `${manifest.version}\n` });
    const npx = spawnSync('npx', ['--no-install', 'guardrails', '--version'], { cwd: installed, encoding: 'utf8', timeout: 60_000 });
    expect(npx.stdout, npx.stderr).toBe(`${manifest.version}\n`);
    expect(npx.status).toBe(0);
  });

  it('runs guardrails compat on two files: compatible exits 0, a field without a default exits 1 and names it', () => {
    const dir = join(work, 'compat');
    mkdirSync(dir);
    writeFileSync(join(dir, 'v1.avsc'), JSON.stringify(V1));
    writeFileSync(join(dir, 'v2.avsc'), JSON.stringify(V2_COMPATIBLE));
    writeFileSync(join(dir, 'v2-breaking.avsc'), JSON.stringify(V2_BREAKING));
    const compatible = guardrails(['compat', 'v1.avsc', 'v2.avsc'], dir);
    expect(compatible.status, compatible.stdout + compatible.stderr).toBe(0);
    const breaking = guardrails(['compat', '--format', 'json', 'v1.avsc', 'v2-breaking.avsc'], dir);
    expect(breaking.status, breaking.stderr).toBe(1);
    expect(breaking.stdout).toContain('READER_FIELD_MISSING_DEFAULT_VALUE');
  });

  it('runs guardrails check in a fresh git repository: the committed schema, then a breaking edit of it', () => {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'schemas'), { recursive: true });
    git(['init', '-q'], repo);
    writeFileSync(join(repo, 'guardrails.yaml'), 'version: 1\nschemas:\n  paths: ["schemas/**/*.avsc"]\nsubjects:\n  - files: schemas/trade.avsc\n    topic: market.trades\n');
    writeFileSync(join(repo, 'schemas/trade.avsc'), `${JSON.stringify(V1, null, 2)}\n`);
    git(['add', '.'], repo);
    git(['commit', '-q', '-m', 'v1'], repo);
    const clean = guardrails(['check', '--against', 'main'], repo);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    writeFileSync(join(repo, 'schemas/trade.avsc'), `${JSON.stringify(V2_BREAKING, null, 2)}\n`);
    const broken = guardrails(['check', '--against', 'main', '--format', 'json'], repo);
    expect(broken.status, broken.stdout + broken.stderr).toBe(1);
    expect(broken.stdout).toContain('READER_FIELD_MISSING_DEFAULT_VALUE');
    expect(broken.stdout).toContain('schemas/trade.avsc');
  });
});
