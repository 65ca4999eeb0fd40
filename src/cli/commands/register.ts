/** `guardrails register`: the schema files of a commit into the Schema Registry, as git has them. */
import { appendFile } from 'node:fs/promises';
import { BackupError } from '../../backup/errors.js';
import { gitIn } from '../../backup/git.js';
import { createClient } from '../../github/api/client.js';
import { GitHubApiError } from '../../github/api/errors.js';
import { schemaFilesAt } from '../../registry/register/files.js';
import { readMergedPrProof } from '../../registry/register/merged-pr-proof.js';
import type { MergedPrProof } from '../../registry/register/model.js';
import { registerSchemas } from '../../registry/register/register.js';
import { RegistryError } from '../../registry/index.js';
import { UnavailableError, UsageError } from '../errors.js';
import { flag, option } from '../options/define.js';
import { intValue } from '../options/int.js';
import { pathValue } from '../options/path.js';
import { textValue } from '../options/text.js';
import { openRegistry, registryOptions, registrySettings } from './backup-registry.js';
import { defineCommand, type RunContext, type Values } from './command.js';
import { registerMetrics } from './metrics-register.js';
import { REPO_VALUE, tokenFrom } from './followups-inputs.js';
import { writeRegisterReport } from './register-output.js';
import { jobFormatOption, withJsonFailure } from './shared.js';

const PROOF = 'Allowed breaks (proof from the merged PR)';
const DEFAULT_CHECK = 'Schema guardrails (verified)';

const options = {
  ref: option({ placeholder: 'REF', description: 'Commit whose schema files are registered (default HEAD)', parse: textValue() }),
  'git-repo': option({ placeholder: 'DIR', description: 'The repository (default: the working directory)', parse: pathValue('dir') }),
  config: option({ placeholder: 'PATH', description: 'Config path inside the repository at REF (default guardrails.yaml)', parse: textValue() }),
  ...registryOptions,
  'dry-run': flag('Print the plan (lookups and compatibility tests only) and write nothing'),
  format: { ...jobFormatOption, description: 'text (default) or json: one versioned JSON document on stdout (docs/registry-gitops.md)' },
  'audit-log': option({ placeholder: 'FILE', description: 'Append one JSON line per allowed break registered', parse: pathValue('writable-file') }),
  repository: option({ placeholder: 'OWNER/NAME', description: 'Repository whose merged PR may allow breaks', env: 'GITHUB_REPOSITORY', parse: REPO_VALUE, group: PROOF }),
  'app-id': option({ placeholder: 'ID', description: 'The App whose verified check runs count', env: 'GUARDRAILS_APP_ID', parse: intValue(1, 2 ** 31 - 1), group: PROOF }),
  'check-name': option({ placeholder: 'NAME', description: `The verified check's name before ": <base>" (default "${DEFAULT_CHECK}")`, parse: textValue(), fallback: DEFAULT_CHECK, group: PROOF }),
  'github-api-url': option({ placeholder: 'URL', description: 'GitHub API (default https://api.github.com)', env: 'GITHUB_API_URL', parse: textValue(/^https?:\/\/[^\s@]+$/, 'an http(s) URL without credentials'), group: PROOF }),
};

type RegisterValues = Values<typeof options>;

export const registerCommand = defineCommand({
  name: 'register',
  summary: 'Register the schema files of a commit in the Schema Registry (on merge)',
  usage: ['register [--ref REF] [--dry-run] [--format text|json] [--registry-url URL] [--app-id ID --repository OWNER/NAME] [--audit-log FILE]'],
  description: `Registers every schema file of REF (mapped to subjects by the guardrails.yaml of REF) whose
subject's latest version differs, references first, with normalize=true after a lookup, so a second
run writes nothing. Each subject's level is set to the one guardrails.yaml gives it first.

An incompatible schema is refused with the registry's own messages, unless the pull request merged
as REF was allowed the break: its newest "NAME: <base>" check run on its head, from the App --app-id,
succeeded and records the break (docs/registry-gitops.md, docs/security.md). An allowed break is
registered with the next value of the subject's compatibilityGroup property, or else with the
subject's level at NONE for that one registration, restored afterwards even on SIGTERM; each writes
an audit line.`,
  options,
  exits: {
    ok: 'every file registered or already the latest version',
    failed: 'a schema refused (incompatible and not allowed), a failure, a stop, or a file equal to an older version',
    unavailable: 'the Schema Registry or GitHub could not be reached, so nothing more was registered',
  },
  notes: 'Environment: GUARDRAILS_REGISTRY_URL and its credentials; GITHUB_TOKEN or GH_TOKEN for the proof.',
  refine(values, { io }) {
    const proofWanted = values['app-id'] !== undefined;
    if (proofWanted && values.repository === undefined) throw new UsageError('--app-id needs --repository (or $GITHUB_REPOSITORY)', 'register');
    if (proofWanted && tokenFrom(io.env) === undefined) throw new UsageError('--app-id needs a token in GITHUB_TOKEN (or GH_TOKEN) to read the merged pull request', 'register');
  },
  async preflight(values, { io }) {
    registrySettings(values, io.env);
  },
  async run(values, context) {
    return withJsonFailure(context.io, values.format, 'register', () => runRegister(values, context));
  },
});

async function runRegister(values: RegisterValues, { io, signal, now, recordMetrics }: RunContext): Promise<number> {
  const git = gitIn(values['git-repo'] ?? io.cwd, io.env as NodeJS.ProcessEnv);
  const { commit, files } = await schemaFilesAt(git, values.ref ?? 'HEAD', values.config ?? 'guardrails.yaml');
  const { proof, note } = await proofFor(values, io.env, commit);
  const { client, openCleanupClient } = openRegistry(registrySettings(values, io.env), signal);
  try {
    const result = await registerSchemas({ commit, files, dryRun: values['dry-run'], ...(proof ? { proof } : {}) }, { client, openCleanupClient, signal, now });
    recordMetrics?.(registerMetrics(result));
    if (values['audit-log'] !== undefined && result.audit.length > 0) {
      await appendFile(values['audit-log'], result.audit.map((line) => `${JSON.stringify(line)}\n`).join(''));
    }
    return writeRegisterReport(io, values.format, result, note);
  } catch (error) {
    if (signal.aborted && error instanceof RegistryError && error.kind === 'cancelled') {
      throw new BackupError('stopped', 'register was stopped by a signal while reading', 'Run it again: finished subjects are skipped');
    }
    throw error;
  } finally {
    client.close();
  }
}

async function proofFor(values: RegisterValues, env: RunContext['io']['env'], commit: string): Promise<{ proof?: MergedPrProof; note?: string }> {
  if (values['app-id'] === undefined || values.repository === undefined) return {};
  const [owner, repo] = values.repository.split('/') as [string, string];
  const github = createClient({ token: tokenFrom(env) as string, baseUrl: values['github-api-url'] ?? 'https://api.github.com' });
  try {
    const outcome = await readMergedPrProof(github, { owner, repo, sha: commit, appId: values['app-id'], checkName: values['check-name'] });
    if (!outcome.found) return { note: `no allowed breaks: ${outcome.reason}` };
    return { proof: outcome.proof, note: `PR #${outcome.proof.pr}, check run ${outcome.proof.checkRunId}: ${outcome.proof.allowed.size} allowed break(s)` };
  } catch (error) {
    const status = error instanceof GitHubApiError ? error.status : (error as { status?: unknown } | null)?.status;
    // Only GitHub's answers (or Octokit's for no answer) are GitHub's fault; anything else is a bug (3), not exit 4.
    if (!(error instanceof GitHubApiError) && typeof status !== 'number') throw error;
    if (status === 401 || status === 403) throw new UsageError(`GitHub refused the token while reading the merged pull request of ${commit.slice(0, 12)} (HTTP ${status}); give it contents, pull-requests and checks read access`, 'register');
    throw new UnavailableError(`GitHub could not be read for the merged pull request of ${commit.slice(0, 12)}: ${(error as Error).message.split('\n')[0]}; nothing was registered`);
  }
}
