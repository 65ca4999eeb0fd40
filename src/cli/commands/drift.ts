/** `guardrails drift`: the Schema Registry against the default branch, each drift reported and optionally tracked as a GitHub issue. */
import { openRepository } from '../../github/git/repository.js';
import { OctokitTracker, DEFAULT_API_URL, type OctokitTrackerOptions } from '../../postmortem/github/octokit.js';
import { loadConfig } from '../../policy/config/load.js';
import { runDrift } from '../../registry/drift/run.js';
import { EXIT, UsageError } from '../errors.js';
import { flag, option, repeatable } from '../options/define.js';
import { pathValue } from '../options/path.js';
import { textValue } from '../options/text.js';
import { displayUrl, urlValue } from '../options/url.js';
import { openRegistry, registryOptions, registrySettings } from './backup-registry.js';
import { defineCommand, type Command } from './command.js';
import { driftMetrics } from './metrics-drift.js';
import { printDrift } from './drift-output.js';
import { REPO_VALUE, TOKEN_VARIABLES, tokenFrom } from './followups-inputs.js';
import { jobFormatOption } from './shared.js';

const GITHUB = 'GitHub issues';

const options = {
  ...registryOptions,
  ref: option({ placeholder: 'GIT-REF', description: 'Branch, tag or commit to compare (default: the first of origin/HEAD, main, master, origin/main, origin/master that exists)', parse: textValue() }),
  config: option({ placeholder: 'PATH', description: 'Config file (default: guardrails.yaml at the repository root, or built-in defaults)', parse: textValue() }),
  cwd: option({ placeholder: 'DIR', description: 'Run in this directory instead of the current one', parse: pathValue('dir') }),
  'subject-prefix': repeatable({
    placeholder: 'PREFIX',
    description: 'In a shared registry, the subjects this repository owns (contexts as :.ctx:); others no file maps to are left alone',
    parse: textValue(),
  }),
  format: jobFormatOption,
  'open-issues': flag('Keep one GitHub issue per drift: opened or updated while it lasts, closed once it is gone', { group: GITHUB }),
  repo: option({ placeholder: 'OWNER/NAME', description: 'Repository of the issues (default $GITHUB_REPOSITORY)', env: 'GITHUB_REPOSITORY', parse: REPO_VALUE, group: GITHUB }),
  'api-url': option({
    placeholder: 'URL',
    description: `GitHub REST API URL (default ${DEFAULT_API_URL}; GHES: https://HOST/api/v3)`,
    env: 'GITHUB_API_URL',
    parse: urlValue({ credentialsFrom: `${TOKEN_VARIABLES}, never in a URL` }),
    display: displayUrl,
    fallback: DEFAULT_API_URL,
    group: GITHUB,
  }),
};

/** What tests may change: the GitHub client's pacing against nock or a local fake. */
export interface DriftCommandDeps {
  readonly trackerOptions?: Pick<OctokitTrackerOptions, 'throttle' | 'retryAfterBaseValue'>;
}

export function driftCommandWith(deps: DriftCommandDeps = {}): Command {
  return defineCommand({
    name: 'drift',
    summary: 'Report where the Schema Registry differs from the default branch',
    usage: ['drift [--registry-url URL] [--ref GIT-REF] [--config PATH] [--cwd DIR] [--subject-prefix PREFIX]... [--format text|json] [--open-issues [--repo OWNER/NAME] [--api-url URL]]'],
    description: `Compares the Schema Registry with the default branch: the schema files mapped to subjects by
guardrails.yaml, and every revision of each file on the branch's first-parent history. Reports,
with the subject, the version and what to do: a subject no file maps to (unmanaged-subject), a
file whose subject is not registered (missing-subject), a latest version that differs from the
file (latest-mismatch), a version git never had (foreign-version), a level other than
guardrails.yaml's (level-mismatch), a mode other than READWRITE (mode-not-readwrite), and a
soft-deleted version that a live one still references (deleted-but-referenced). Schemas are
compared in a canonical form: whitespace, key order and {"type":"string"} against "string" do
not count. The registry is only read.

With --open-issues each drift is one GitHub issue labelled registry-drift, found again by a
hidden key in its body: opened once, updated while the drift lasts, closed when it is gone. The
token comes from GITHUB_TOKEN (or GH_TOKEN) only.`,
    options,
    exits: {
      ok: 'no drift',
      failed: 'drift found, a GitHub write was refused, or the run was stopped before its issue writes were done',
      unavailable: 'the Schema Registry or GitHub could not answer',
    },
    notes: 'Environment: GUARDRAILS_REGISTRY_URL and its credentials; GITHUB_TOKEN or GH_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL as GitHub Actions sets them.',
    refine(values, { io }) {
      if (!values['open-issues']) return;
      if (tokenFrom(io.env) === undefined) throw new UsageError(`--open-issues needs a GitHub token: set ${TOKEN_VARIABLES} to a token with issues write`, 'drift');
      if (values.repo === undefined) throw new UsageError('--open-issues needs the repository of the issues: pass --repo OWNER/NAME or set GITHUB_REPOSITORY', 'drift');
    },
    async preflight(values, { io }) {
      registrySettings(values, io.env);
      const cwd = values.cwd ?? io.cwd;
      const repo = await openRepository(cwd);
      if (values.ref !== undefined) await repo.resolveCommit(values.ref);
      else await repo.defaultBase();
      await loadConfig({ path: values.config, cwd, root: repo.root });
    },
    async run(values, { io, signal, recordMetrics }) {
      const cwd = values.cwd ?? io.cwd;
      const { client } = openRegistry(registrySettings(values, io.env), signal);
      const token = tokenFrom(io.env);
      const tracker = values['open-issues'] && token !== undefined && values.repo !== undefined
        ? OctokitTracker.create({ token, repo: values.repo, baseUrl: values['api-url'], signal, log: (line) => io.stderr.write(`${line}\n`), ...deps.trackerOptions })
        : undefined;
      try {
        const result = await runDrift(
          { cwd, subjectPrefixes: values['subject-prefix'], ...(values.ref !== undefined && { ref: values.ref }), ...(values.config !== undefined && { configPath: values.config }) },
          { repo: await openRepository(cwd), registry: client, signal, ...(tracker && { tracker }) },
        );
        recordMetrics?.(driftMetrics(result));
        const failed = result.findings.length > 0 || result.stopped || (result.issues?.outcome.problems.length ?? 0) > 0;
        const exitCode = failed ? EXIT.FAILED : EXIT.OK;
        printDrift(result, exitCode, io, values.format);
        return exitCode;
      } finally {
        client.close();
      }
    },
  });
}

export const driftCommand = driftCommandWith();
