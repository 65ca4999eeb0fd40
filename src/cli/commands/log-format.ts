/**
 * `--log-format text|json` for every job: with `json`, each line the job writes to stderr
 * (progress, warnings, errors) becomes one pino JSON record (`level`, `time`, `job`, `msg`), for
 * log pipelines that parse lines. Reports on stdout stay as `--format` says. The secret scrubbing
 * of secrets.ts runs on each line before it becomes a record, so an escaped secret cannot slip
 * through; the logger also drops the userinfo of any URL in a message.
 */
import { jsonLogger, type Level } from '../../scheduler/logging.js';
import type { CliIo, OutputStream } from '../io.js';
import { enumValue } from '../options/enum.js';
import { option } from '../options/define.js';
import { scrubbing } from '../secrets.js';
import type { Command, OptionTable } from './command.js';
import { jobLabel } from '../../scheduler/job-metrics.js';
import { METRICS_JOBS } from './metrics-job.js';

export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const logFormatOptions = {
  'log-format': option({
    placeholder: 'text|json',
    description: 'Lines on stderr (progress, warnings, errors) as text (default) or as pino JSON records: level, time, job, msg',
    env: 'GUARDRAILS_LOG_FORMAT',
    parse: enumValue(LOG_FORMATS),
    fallback: 'text',
    group: 'Logging',
  }),
} as const;

/** The command with `--log-format` when it is a job; any other command as it is. */
export function withLogFormat(command: Command): Command {
  if (!METRICS_JOBS.includes(command.name) || 'log-format' in command.options) return command;
  return { ...command, options: { ...command.options, ...logFormatOptions } as OptionTable };
}

export interface JobLog {
  /** The io the job writes through: `io` itself for text. */
  readonly io: CliIo;
  /** Writes a line left without its newline; call once the job has ended. */
  end(): void;
}

/** The io of a run of `command` with the parsed `values`: stderr as JSON records when asked. */
export function jobLog(command: string, values: Readonly<Record<string, unknown>>, io: CliIo): JobLog {
  if (values['log-format'] !== 'json') return { io, end: () => {} };
  const logger = jsonLogger((line) => io.stderr.write(line), { job: jobLabel(command) }, io.now);
  const records = lineStream((line) => {
    const { level, msg } = classify(line);
    logger.log(level, msg);
  });
  return { io: scrubbing({ ...io, stderr: records.stream }), end: records.end };
}

/** `error: …` and `warning: …` are the CLI's own prefixes (errors.ts, metrics-job.ts); the level replaces them. */
function classify(line: string): { level: Level; msg: string } {
  const match = /^(error|warning):\s*(.*)$/s.exec(line);
  if (match === null) return { level: 'info', msg: line };
  return { level: match[1] === 'error' ? 'error' : 'warn', msg: match[2] as string };
}

/** Cuts written text into lines (`\n`, `\r\n`, or a progress bar's `\r`); blank lines are dropped. */
function lineStream(emit: (line: string) => void): { stream: OutputStream; end: () => void } {
  let pending = '';
  const flush = (text: string) => {
    const line = text.trimEnd();
    if (line.trim() !== '') emit(line);
  };
  return {
    stream: {
      write(text: string) {
        const parts = (pending + text).split(/\r\n|\n|\r/);
        pending = parts.pop() ?? '';
        for (const part of parts) flush(part);
        return true;
      },
      isTTY: false,
    },
    end() {
      flush(pending);
      pending = '';
    },
  };
}
