/** Option parsing and report output shared by the commands. */
import { renderGithub } from '../../policy/report/github.js';
import { renderJson } from '../../policy/report/json.js';
import { exitCodeOf, type CheckReport } from '../../policy/report/model.js';
import { styleFor } from '../../policy/report/style.js';
import { renderText } from '../../policy/report/text.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { OptionValues } from './command.js';

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_HELP = '  --format <format>    text (default), json (docs/report-format.md) or github (workflow-command annotations)';

export function formatOption(values: OptionValues, command: string): Format {
  const value = values.format ?? 'text';
  const format = FORMATS.find((f) => f === value);
  if (format === undefined) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got ${JSON.stringify(value)}`, command);
  return format;
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Writes the report in the chosen format to stdout and returns the exit code it implies. */
export function writeReport(report: CheckReport, format: Format, io: CliIo): number {
  const output =
    format === 'json' ? renderJson(report) : format === 'github' ? renderGithub(report) : renderText(report, styleFor(io.stdout.isTTY, io.env));
  io.stdout.write(output);
  return exitCodeOf(report);
}
