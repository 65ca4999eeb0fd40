/** `guardrails check`: the offline check of changed schema files against their git history. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openRepository } from '../../github/git/repository.js';
import { runCheck } from '../../policy/check/run-check.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { Command, OptionValues } from './command.js';
import { FORMAT_HELP, formatOption, stringOption, writeReport } from './shared.js';

const HELP = `Usage: guardrails check [--against <git-ref>] [--all] [--format text|json|github] [--config <path>] [--cwd <dir>]

Checks the Avro schema files changed between the merge-base of <git-ref> and HEAD and the working
tree (committed, staged, unstaged and untracked changes; added, modified, renamed and deleted files).
Each file is checked at its subject's compatibility level against every committed version of it on
<git-ref>'s first-parent history, offline: no registry, network or token. When no schema file
changed, the whole committed history of every subject is audited instead.

Options:
  --against <git-ref>  Base branch, tag or commit (default: the first of origin/HEAD, main, master,
                       origin/main, origin/master that exists)
  --all                Check every schema file, changed or not
${FORMAT_HELP}
  --config <path>      Config file (default: guardrails.yaml at the repository root, or built-in
                       defaults when there is none)
  --cwd <dir>          Run in this directory instead of the current one
  -h, --help           Show this help

Exit codes: 0 compatible, 1 incompatible, 2 bad input or usage error, 3 internal error.`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check changed Avro schemas against their git history (offline)',
  help: HELP,
  options: {
    against: { type: 'string' },
    all: { type: 'boolean' },
    format: { type: 'string' },
    config: { type: 'string' },
    cwd: { type: 'string' },
  },
  positionals: false,
  async run(values: OptionValues, _positionals: readonly string[], io: CliIo): Promise<number> {
    const format = formatOption(values, 'check');
    const cwd = await directoryOption(stringOption(values, 'cwd'), io.cwd);
    const report = await runCheck({
      cwd,
      against: nonEmpty(stringOption(values, 'against'), '--against'),
      all: values.all === true,
      configPath: nonEmpty(stringOption(values, 'config'), '--config'),
      openRepository,
    });
    return writeReport(report, format, io);
  },
};

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
