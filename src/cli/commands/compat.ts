/** `guardrails compat`: one subject's versions given as files. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '../../avro/compat/index.js';
import { runCompat } from '../../policy/check/run-compat.js';
import { defineCommand } from './command.js';
import { option } from '../options/define.js';
import { enumValue } from '../options/enum.js';
import { reportFormatOption, writeReport } from './shared.js';

export const compatCommand = defineCommand({
  name: 'compat',
  summary: 'Check one schema against older versions of its subject, given as files',
  usage: ['compat [--level LEVEL] [--format text|json|github] <older.avsc>... <candidate.avsc>'],
  description: `Checks whether <candidate.avsc> may be registered after the older versions of its subject, given
oldest first, at a Confluent compatibility level. The candidate is validated strictly, as the
registry validates a new schema; older versions are read leniently, as the registry reads what it
stores. With only a candidate, it is validated as a new subject.`,
  options: {
    level: option({
      placeholder: 'LEVEL',
      description: `${COMPATIBILITY_LEVELS.join(', ')} (default BACKWARD; any case)`,
      parse: enumValue(COMPATIBILITY_LEVELS, { ignoreCase: true }),
      fallback: 'BACKWARD' as CompatibilityLevel,
    }),
    format: reportFormatOption,
  },
  positionals: { placeholder: 'at least one schema file: <older.avsc>... <candidate.avsc>', min: 1 },
  exits: { ok: 'compatible', failed: 'incompatible' },
  async run(values, { io, positionals }) {
    const report = await runCompat({ files: positionals, level: values.level, readFile: (file) => readFile(resolve(io.cwd, file)) });
    return writeReport(report, values.format, io);
  },
});
