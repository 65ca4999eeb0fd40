/**
 * What `guardrails backup` and `guardrails restore` share: the io they get, option parsing with
 * strict node:util parseArgs, credential scrubbing of every output line, and the mapping of every
 * failure to one message and one exit code (never a stack trace).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { RegistryError } from '../registry/index.js';
import { BackupError, messageOf } from './errors.js';
import { REGISTRY_ENV } from './registry-env.js';

export interface CommandIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** stderr is a terminal (progress bar allowed); false when absent. */
  readonly isTty?: boolean;
  /** The guardrails version written to MANIFEST.json; `unknown` when absent. */
  readonly version?: string;
  /** Aborted on SIGINT/SIGTERM: a restore stops sending and puts every subject back before it ends. */
  readonly signal?: AbortSignal;
}

export const EXIT_CODES = {
  OK: 0,
  /** The operation ran and failed: conflicts, differences after restore, registry or destination failure. */
  FAILED: 1,
  /** Usage error, invalid input, or a backup that fails its checks. */
  BAD_INPUT: 2,
  /** A bug in guardrails. */
  INTERNAL: 3,
} as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export type OptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

export function parseOptions(argv: readonly string[], options: Options): OptionValues {
  try {
    return parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((messageOf(error).split(/\.\s/)[0] ?? 'invalid options').replace(/\.$/, ''));
  }
}

/** Every secret of the environment, so that no output line can carry one (defence in depth). */
export function scrubbingIo(io: CommandIo): CommandIo {
  const secrets = [REGISTRY_ENV.apiSecret, REGISTRY_ENV.bearerToken, REGISTRY_ENV.apiKey, 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
    .map((name) => io.env[name])
    .filter((v): v is string => typeof v === 'string' && v.length >= 4)
    .sort((a, b) => b.length - a.length);
  const scrub = (text: string) => secrets.reduce((out, s) => out.split(s).join('***'), text);
  return { ...io, stdout: (s) => io.stdout(scrub(s)), stderr: (s) => io.stderr(scrub(s)) };
}

/** Runs a command body; any failure becomes a line on stderr and an exit code. */
export async function runGuarded(command: string, io: CommandIo, body: (io: CommandIo) => Promise<number>): Promise<number> {
  const safe = scrubbingIo(io);
  try {
    return await body(safe);
  } catch (error) {
    const { code, lines } = describe(command, error);
    for (const line of lines) safe.stderr(`${line}\n`);
    return code;
  }
}

function describe(command: string, error: unknown): { code: number; lines: string[] } {
  if (error instanceof UsageError) return { code: EXIT_CODES.BAD_INPUT, lines: [`guardrails ${command}: ${error.message}`, `Run 'guardrails ${command} --help' for the options.`] };
  if (error instanceof BackupError) {
    const bad = error.kind === 'invalid-input' || error.kind === 'integrity';
    const details = error.details.length > 3 ? error.details.map((d) => `  ${d}`) : [];
    return { code: bad ? EXIT_CODES.BAD_INPUT : EXIT_CODES.FAILED, lines: [`guardrails ${command}: ${error.message}`, ...details] };
  }
  if (error instanceof RegistryError) {
    const code = error.kind === 'invalid-settings' ? EXIT_CODES.BAD_INPUT : EXIT_CODES.FAILED;
    return { code, lines: [`guardrails ${command}: ${error.message}`] };
  }
  return { code: EXIT_CODES.INTERNAL, lines: [`guardrails ${command}: internal error: ${messageOf(error)}`, 'This is a bug in guardrails; please report it with the command line.'] };
}

/** A whole number option, checked where it enters. */
export function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return Number(value);
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${value}'`);
  return value as T;
}

export function str(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function strs(values: OptionValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

/** The version in `<dir>/package.json` (the jobs run from the repository root); `unknown` otherwise. */
export function packageVersionIn(dir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
