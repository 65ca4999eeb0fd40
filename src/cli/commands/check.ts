/** `guardrails check`: changed schema files against their git history, or against a Schema Registry. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openRepository } from '../../github/git/repository.js';
import { RegistryCheckError } from '../../policy/check/registry-check.js';
import type { RegistryFlags } from '../../policy/check/registry-settings.js';
import { runRegistryCheck, type RegistryCheckOptions } from '../../policy/check/run-registry-check.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { Command, OptionValues } from './command.js';
import { FORMAT_HELP, formatOption, stringOption, writeReport } from './shared.js';

const HELP = `Usage: guardrails check [--against <git-ref>] [--all] [--format text|json|github] [--config <path>] [--cwd <dir>]
                        [--registry-url <url>] [--offline] [--on-registry-unavailable fail|offline]

Checks the Avro schema files changed between the merge-base of <git-ref> and HEAD and the working
tree (committed, staged, unstaged and untracked changes; added, modified, renamed and deleted files).
Each file is checked at its subject's compatibility level against every committed version of it on
<git-ref>'s first-parent history, offline: no registry, network or token. When no schema file
changed, the whole committed history of every subject is audited instead.

With a Schema Registry (--registry-url, $GUARDRAILS_REGISTRY_URL or registry.url in the config),
each subject's level, versions and verdict come from the registry instead, cross-checked by the
local engine (docs/registry.md). Credentials come from the environment only:
GUARDRAILS_REGISTRY_API_KEY and _API_SECRET, or GUARDRAILS_REGISTRY_BEARER_TOKEN.

Options:
  --against <git-ref>  Base branch, tag or commit (default: the first of origin/HEAD, main, master,
                       origin/main, origin/master that exists)
  --all                Check every schema file, changed or not
${FORMAT_HELP}
  --config <path>      Config file (default: guardrails.yaml at the repository root, or built-in
                       defaults when there is none)
  --cwd <dir>          Run in this directory instead of the current one
  --registry-url <url> Schema Registry base URL (comma-separated for failover)
  --registry-ca-file <path>, --registry-cert-file <path>, --registry-key-file <path>
                       PEM files for TLS and mutual TLS
  --registry-concurrency <n>  Requests in flight at once (default 4)
  --registry-timeout-ms <ms>  Per-request timeout (default 30000)
  --on-registry-unavailable fail|offline
                       When the registry cannot answer: fail (default) or fall back to the
                       git-history check, marked degraded (overrides the config)
  --offline            The git-history check even when a registry is configured
  -h, --help           Show this help

Exit codes: 0 compatible, 1 incompatible, 2 bad input or usage error (also refused registry
credentials), 3 internal error, 4 Schema Registry unavailable (the check failed closed).`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check changed Avro schemas against their git history or a Schema Registry',
  help: HELP,
  options: {
    against: { type: 'string' },
    all: { type: 'boolean' },
    format: { type: 'string' },
    config: { type: 'string' },
    cwd: { type: 'string' },
    'registry-url': { type: 'string' },
    'registry-ca-file': { type: 'string' },
    'registry-cert-file': { type: 'string' },
    'registry-key-file': { type: 'string' },
    'registry-concurrency': { type: 'string' },
    'registry-timeout-ms': { type: 'string' },
    'on-registry-unavailable': { type: 'string' },
    offline: { type: 'boolean' },
  },
  positionals: false,
  async run(values: OptionValues, _positionals: readonly string[], io: CliIo): Promise<number> {
    const format = formatOption(values, 'check');
    const cwd = await directoryOption(stringOption(values, 'cwd'), io.cwd);
    const options = {
      cwd,
      against: nonEmpty(stringOption(values, 'against'), '--against'),
      all: values.all === true,
      configPath: nonEmpty(stringOption(values, 'config'), '--config'),
      openRepository,
      registry: registryOptions(values, io),
    };
    try {
      return writeReport(await runRegistryCheck(options), format, io);
    } catch (error) {
      if (!(error instanceof RegistryCheckError)) throw error;
      io.stderr.write(`error: ${error.message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
      return error.kind === 'unavailable' ? EXIT.REGISTRY_UNAVAILABLE : EXIT.BAD_INPUT;
    }
  },
};

function registryOptions(values: OptionValues, io: CliIo): RegistryCheckOptions['registry'] {
  const unavailable = stringOption(values, 'on-registry-unavailable');
  if (unavailable !== undefined && unavailable !== 'fail' && unavailable !== 'offline') {
    throw new UsageError(`--on-registry-unavailable must be fail or offline; got ${JSON.stringify(unavailable)}`, 'check');
  }
  const flags: RegistryFlags = {
    url: nonEmpty(stringOption(values, 'registry-url'), '--registry-url'),
    caFile: nonEmpty(stringOption(values, 'registry-ca-file'), '--registry-ca-file'),
    certFile: nonEmpty(stringOption(values, 'registry-cert-file'), '--registry-cert-file'),
    keyFile: nonEmpty(stringOption(values, 'registry-key-file'), '--registry-key-file'),
    concurrency: intOption(values, 'registry-concurrency', 64),
    timeoutMs: intOption(values, 'registry-timeout-ms', 600_000),
  };
  return { flags, env: io.env, offline: values.offline === true, ...(unavailable !== undefined && { onUnavailable: unavailable }) };
}

function intOption(values: OptionValues, name: string, max: number): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}; got ${JSON.stringify(text)}`, 'check');
  return value;
}

async function directoryOption(value: string | undefined, cwd: string): Promise<string> {
  if (value === undefined) return cwd;
  const dir = resolve(cwd, nonEmpty(value, '--cwd') ?? value);
  const isDirectory = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDirectory) throw new UsageError(`--cwd ${JSON.stringify(value)} is not a directory`, 'check');
  return dir;
}

function nonEmpty(value: string | undefined, option: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`${option} needs a non-empty value`, 'check');
  return value;
}
