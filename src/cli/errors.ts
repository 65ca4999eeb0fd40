/**
 * The one exit contract, and how every failure becomes one line on stderr and one of its codes.
 * Domains throw typed errors with their own kinds; this table is the only place that turns a kind
 * into an exit code. Never a stack trace, except under GUARDRAILS_DEBUG=1 for a bug.
 */
import { InvalidCompatibilityLevelError } from '../avro/compat/index.js';
import { SchemaError } from '../avro/errors.js';
import { BackupError } from '../backup/errors.js';
import { GitHubApiError } from '../github/api/errors.js';
import { GitError } from '../github/git/run.js';
import { IcebergError } from '../iceberg/errors.js';
import { ConfigError, formatConfigIssue } from '../policy/config/errors.js';
import { InputError } from '../policy/check/errors.js';
import { RegistryCheckError } from '../policy/check/registry-check.js';
import { FollowupsError } from '../postmortem/errors.js';
import { RegistryError, type RegistryErrorKind } from '../registry/index.js';

export const EXIT = {
  /** Success: compatible, complete, synced. */
  OK: 0,
  /** The command ran and found problems (incompatible schemas, conflicts), or the job failed or was stopped. */
  FAILED: 1,
  /** Bad input or usage, refused before any side effect. */
  BAD_INPUT: 2,
  /** A bug in guardrails. */
  BUG: 3,
  /** A dependency (registry, GitHub, catalog database, S3) could not be reached or answered with errors after retries. */
  UNAVAILABLE: 4,
} as const;

/** A command line that cannot be run: unknown option, missing argument, bad value, failed preflight. */
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

/** A dependency cannot be reached, found before or during the run. */
export class UnavailableError extends Error {
  override readonly name = 'UnavailableError';
}

export interface Failure {
  readonly exitCode: number;
  /** One line each, without trailing newlines. */
  readonly lines: readonly string[];
}

// Every other kind is 1: `incompatible`, `invalid-request`, `not-found`, and `cancelled` (a request
// cut by a stop, which ends the run as stopped). Likewise BackupError's `stopped`, `conflict`,
// `verification`, `incomplete` and `destination`.
const REGISTRY_UNAVAILABLE: readonly RegistryErrorKind[] = ['timeout', 'server', 'network', 'tls', 'rate-limited', 'malformed-response', 'http'];
const REGISTRY_BAD_INPUT: readonly RegistryErrorKind[] = ['invalid-settings', 'unauthorized', 'forbidden'];
/** Node's and pg's codes for a database or host that cannot be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', '57P01', '57P03', '08006', '08001']);

/** Maps a thrown value to stderr lines and an exit code. */
export function describeFailure(error: unknown, env: Readonly<Record<string, string | undefined>> = {}): Failure {
  if (error instanceof UsageError) {
    const help = error.command ? `guardrails ${error.command} --help` : 'guardrails --help';
    return bad(`${oneLine(error.message)} (see ${help})`);
  }
  if (error instanceof ConfigError) return { exitCode: EXIT.BAD_INPUT, lines: error.issues.map((issue) => `error: ${oneLine(formatConfigIssue(issue))}`) };
  // A stop while git was read ends the run as stopped (1), like every other job's stop.
  if (error instanceof GitError && error.kind === 'stopped') return line(EXIT.FAILED, error.message);
  if (error instanceof GitError || error instanceof InputError || error instanceof SchemaError || error instanceof InvalidCompatibilityLevelError) return bad(error.message);
  if (error instanceof RegistryCheckError) return line(error.kind === 'unavailable' ? EXIT.UNAVAILABLE : EXIT.BAD_INPUT, error.message);
  if (error instanceof UnavailableError) return line(EXIT.UNAVAILABLE, error.message);
  if (error instanceof BackupError) {
    const code = error.kind === 'invalid-input' || error.kind === 'integrity' ? EXIT.BAD_INPUT : error.kind === 'unavailable' ? EXIT.UNAVAILABLE : EXIT.FAILED;
    const details = error.details.length > 3 ? error.details.map((d) => `  ${oneLine(d)}`) : [];
    return { exitCode: code, lines: [`error: ${oneLine(error.message)}`, ...details] };
  }
  if (error instanceof RegistryError) {
    const code = REGISTRY_UNAVAILABLE.includes(error.kind) ? EXIT.UNAVAILABLE : REGISTRY_BAD_INPUT.includes(error.kind) ? EXIT.BAD_INPUT : EXIT.FAILED;
    return line(code, error.message);
  }
  if (error instanceof IcebergError) {
    const code = error.code === 'INVALID_INPUT' ? EXIT.BAD_INPUT : error.code === 'UNAVAILABLE' ? EXIT.UNAVAILABLE : error.code === 'INTERNAL' ? EXIT.BUG : EXIT.FAILED;
    if (code === EXIT.BUG) return bug(error, env);
    return line(code, error.message);
  }
  if (error instanceof GitHubApiError) {
    // A refused token or permission is the caller's to fix; no answer, or a 5xx after retries, is GitHub being away.
    const code = error.kind === 'forbidden' || error.kind === 'no-org-access' ? EXIT.BAD_INPUT : error.status === undefined || error.status >= 500 ? EXIT.UNAVAILABLE : EXIT.FAILED;
    return line(code, error.message);
  }
  if (error instanceof FollowupsError) {
    const code = error.kind === 'config' ? EXIT.BAD_INPUT : error.kind === 'unavailable' ? EXIT.UNAVAILABLE : EXIT.FAILED;
    return line(code, error.message);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return line(EXIT.UNAVAILABLE, `a dependency cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
  return bug(error, env);
}

function bug(error: unknown, env: Readonly<Record<string, string | undefined>>): Failure {
  const message = error instanceof Error ? error.message : String(error);
  const stack = env['GUARDRAILS_DEBUG'] === '1' && error instanceof Error && error.stack ? error.stack.split('\n').slice(1) : [];
  return {
    exitCode: EXIT.BUG,
    lines: [`internal error: ${oneLine(message)}`, 'This is a bug in guardrails; please report it with the command you ran and this message.', ...stack],
  };
}

function bad(message: string): Failure {
  return line(EXIT.BAD_INPUT, message);
}

function line(exitCode: number, message: string): Failure {
  return { exitCode, lines: [`error: ${oneLine(message)}`] };
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
