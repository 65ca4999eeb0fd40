/** Exit codes, and how any failure becomes one line on stderr and one of them. */
import { InvalidCompatibilityLevelError } from '../avro/compat/index.js';
import { SchemaError } from '../avro/errors.js';
import { GitError } from '../github/git/run.js';
import { ConfigError, formatConfigIssue } from '../policy/config/errors.js';
import { InputError } from '../policy/check/errors.js';

export const EXIT = {
  /** Every subject is compatible. */
  OK: 0,
  /** Some subject is incompatible. */
  INCOMPATIBLE: 1,
  /** Bad input (schema, config, git state) or a usage error. */
  BAD_INPUT: 2,
  /** A bug in guardrails. */
  INTERNAL: 3,
  /** The Schema Registry could not be asked, so the check failed closed. */
  REGISTRY_UNAVAILABLE: 4,
} as const;

/** A command line that cannot be run: unknown option, missing argument, bad value. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose help explains the usage, if any. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export interface Failure {
  readonly exitCode: number;
  /** One line each, without trailing newlines. */
  readonly lines: readonly string[];
}

/** Maps a thrown value to stderr lines and an exit code; never a stack trace. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof UsageError) {
    const help = error.command ? `guardrails ${error.command} --help` : 'guardrails --help';
    return { exitCode: EXIT.BAD_INPUT, lines: [`error: ${oneLine(error.message)} (see ${help})`] };
  }
  if (error instanceof ConfigError) {
    return { exitCode: EXIT.BAD_INPUT, lines: error.issues.map((issue) => `error: ${oneLine(formatConfigIssue(issue))}`) };
  }
  if (error instanceof GitError || error instanceof InputError || error instanceof SchemaError || error instanceof InvalidCompatibilityLevelError) {
    return { exitCode: EXIT.BAD_INPUT, lines: [`error: ${oneLine(error.message)}`] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: EXIT.INTERNAL,
    lines: [`internal error: ${oneLine(message)}`, 'This is a bug in guardrails; please report it with the command you ran and this message.'],
  };
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
