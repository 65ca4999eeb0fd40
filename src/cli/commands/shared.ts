/** Options and output shared by several commands. */
import { renderGithub } from '../../policy/report/github.js';
import { renderJson } from '../../policy/report/json.js';
import { exitCodeOf, type CheckReport } from '../../policy/report/model.js';
import { styleFor } from '../../policy/report/style.js';
import { renderText } from '../../policy/report/text.js';
import { describeFailure } from '../errors.js';
import type { CliIo } from '../io.js';
import { option } from '../options/define.js';
import { enumValue } from '../options/enum.js';
import { displayUrls, urlListValue } from '../options/url.js';

export const REPORT_FORMATS = ['text', 'json', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `--format` of the schema checks: text, JSON (docs/report-format.md) or GitHub annotations. */
export const reportFormatOption = option({
  placeholder: 'FORMAT',
  description: 'text (default), json (docs/report-format.md) or github (workflow-command annotations)',
  parse: enumValue(REPORT_FORMATS),
  fallback: 'text' as ReportFormat,
});

/** `--format` of the jobs: text, or one versioned JSON document on stdout (docs/cli.md). */
export const jobFormatOption = option({
  placeholder: 'FORMAT',
  description: 'text (default) or json: one versioned JSON document on stdout (docs/cli.md)',
  parse: enumValue(['text', 'json'] as const),
  fallback: 'text' as 'text' | 'json',
});

export const REGISTRY_CREDENTIALS = 'GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET, or GUARDRAILS_REGISTRY_BEARER_TOKEN';

/** `--registry-url`, falling back to $GUARDRAILS_REGISTRY_URL; credentials in it are refused either way. */
export function registryUrlOption(group?: string) {
  return option({
    placeholder: 'URL',
    description: 'Schema Registry base URL (comma-separated for failover); credentials only from their variables',
    env: 'GUARDRAILS_REGISTRY_URL',
    parse: urlListValue({ credentialsFrom: REGISTRY_CREDENTIALS }),
    display: displayUrls,
    ...(group ? { group } : {}),
  });
}

/** Writes a check report in the chosen format to stdout and returns the exit code it implies. */
export function writeReport(report: CheckReport, format: ReportFormat, io: CliIo): number {
  const output =
    format === 'json' ? renderJson(report) : format === 'github' ? renderGithub(report) : renderText(report, styleFor(io.stdout.isTTY, io.env));
  io.stdout.write(output);
  return exitCodeOf(report);
}

/** Every versioned JSON document a job prints has these fields first (docs/cli.md). */
export interface JobReportHeader {
  readonly reportVersion: 1;
  readonly command: string;
  /** The exit code the command returns with this report. */
  readonly exitCode: number;
}

/** Prints a job's JSON report: the header, then the command's own fields. */
export function writeJobJson(io: CliIo, command: string, exitCode: number, body: Record<string, unknown>): number {
  const header: JobReportHeader = { reportVersion: 1, command, exitCode };
  io.stdout.write(`${JSON.stringify({ ...header, ...body }, null, 2)}\n`);
  return exitCode;
}

/**
 * Runs a job body; with `--format json`, a failure still prints the JSON document (with the exit
 * code errors.ts gives it, the message, and the command's own `fields`) before the error goes on to
 * its one stderr line, so a caller parsing stdout always gets an outcome.
 */
export async function withJsonFailure(
  io: CliIo,
  format: 'text' | 'json',
  command: string,
  body: () => Promise<number>,
  fields: Record<string, unknown> = { status: 'error' },
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (format === 'json') {
      const failure = describeFailure(error, io.env);
      writeJobJson(io, command, failure.exitCode, { ...fields, error: { message: failure.lines.join(' ').replace(/^(error|internal error): /, '') } });
    }
    throw error;
  }
}
