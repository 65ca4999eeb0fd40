/** `guardrails compat`: one subject's versions given as files. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCompatibilityLevel, InvalidCompatibilityLevelError, COMPATIBILITY_LEVELS, type CompatibilityLevel } from '../../avro/compat/index.js';
import { runCompat } from '../../policy/check/run-compat.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { Command, OptionValues } from './command.js';
import { FORMAT_HELP, formatOption, stringOption, writeReport } from './shared.js';

const HELP = `Usage: guardrails compat [--level <level>] [--format text|json|github] <older.avsc>... <candidate.avsc>

Checks whether <candidate.avsc> may be registered after the older versions of its subject, given
oldest first, at a Confluent compatibility level. The candidate is validated strictly, as the
registry validates a new schema; older versions are read leniently, as the registry reads what it
stores. With only a candidate, it is validated as a new subject.

Options:
  --level <level>      ${COMPATIBILITY_LEVELS.join(', ')}
                       (default: BACKWARD; any case)
${FORMAT_HELP}
  -h, --help           Show this help

Exit codes: 0 compatible, 1 incompatible, 2 bad input or usage error, 3 internal error.`;

export const compatCommand: Command = {
  name: 'compat',
  summary: 'Check one schema against older versions of its subject, given as files',
  help: HELP,
  options: { level: { type: 'string' }, format: { type: 'string' } },
  positionals: true,
  async run(values: OptionValues, positionals: readonly string[], io: CliIo): Promise<number> {
    const format = formatOption(values, 'compat');
    const level = levelOption(stringOption(values, 'level'));
    if (positionals.length === 0) throw new UsageError('compat needs at least one schema file: <older.avsc>... <candidate.avsc>', 'compat');
    const report = await runCompat({ files: positionals, level, readFile: (file) => readFile(resolve(io.cwd, file)) });
    return writeReport(report, format, io);
  },
};

function levelOption(value: string | undefined): CompatibilityLevel {
  if (value === undefined) return 'BACKWARD';
  try {
    return parseCompatibilityLevel(value);
  } catch (error) {
    if (error instanceof InvalidCompatibilityLevelError) {
      throw new UsageError(`--level must be one of ${COMPATIBILITY_LEVELS.join(', ')}; got ${JSON.stringify(value)}`, 'compat');
    }
    throw error;
  }
}
