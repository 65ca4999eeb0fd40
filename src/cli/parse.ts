/**
 * Reads one command's argv and environment into typed values, through its declaration: strict
 * flags (unknown ones refused, with the nearest known name), each value parsed once, variables read
 * for absent flags, required options enforced. Every refusal is a UsageError naming the input.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Command, OptionTable, Values } from './commands/command.js';
import { UsageError } from './errors.js';
import type { Given, OptionSpec } from './options/define.js';
import { InvalidValue } from './options/invalid-value.js';
import { displayUrl } from './options/url.js';

export interface ParsedArgs {
  readonly help: boolean;
  readonly values: Values<OptionTable>;
  readonly positionals: readonly string[];
  readonly passThrough: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

export async function parseCommandArgs(command: Command, argv: readonly string[], env: Env, cwd: string): Promise<ParsedArgs> {
  const cut = command.passThrough ? argv.indexOf('--') : -1;
  const own = cut >= 0 ? argv.slice(0, cut) : argv;
  const passThrough = cut >= 0 ? argv.slice(cut + 1) : [];
  const raw = tokenize(command, own);
  if (raw.values['help'] === true) return { help: true, values: {}, positionals: [], passThrough: [] };
  if (!command.positionals && raw.positionals.length > 0) {
    throw new UsageError(`unexpected argument ${JSON.stringify(raw.positionals[0])}${command.passThrough ? '; arguments for the job go after --' : ''}`, command.name);
  }
  if (command.positionals && raw.positionals.length < command.positionals.min) {
    throw new UsageError(`${command.name} needs ${command.positionals.placeholder}`, command.name);
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    values[name] = await readOne(command.name, name, spec, given(name, spec, raw.values[name], env), cwd);
  }
  return { help: false, values, positionals: raw.positionals, passThrough };
}

function tokenize(command: Command, argv: readonly string[]) {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(command.options)) {
    options[name] = { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) };
  }
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    // Node's messages are several sentences; the first says what is wrong.
    const message = (error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error)).replace(/\.$/, '');
    throw new UsageError(`${message}${suggestion(message, Object.keys(command.options))}`, command.name);
  }
}

function given(name: string, spec: OptionSpec<unknown>, value: unknown, env: Env): Given {
  if (value === true) return { present: true, where: `--${name}`, flag: true };
  if (typeof value === 'string') return { present: true, where: `--${name}`, texts: [value] };
  if (Array.isArray(value) && value.length > 0) return { present: true, where: `--${name}`, texts: value as string[] };
  const fromEnv = spec.env === undefined ? undefined : env[spec.env];
  if (spec.env !== undefined && fromEnv !== undefined && fromEnv !== '') return { present: true, where: `$${spec.env}`, texts: [fromEnv] };
  return { present: false };
}

async function readOne(command: string, name: string, spec: OptionSpec<unknown>, value: Given, cwd: string): Promise<unknown> {
  if (!value.present && spec.required === true) {
    const placeholder = spec.placeholder ? ` ${spec.placeholder}` : '';
    throw new UsageError(`--${name}${placeholder} is required${spec.env ? ` (or set ${spec.env})` : ''}`, command);
  }
  try {
    return await spec.read(value, { cwd });
  } catch (error) {
    if (!(error instanceof InvalidValue) || !value.present) throw error;
    const text = 'texts' in value ? (value.texts.find(() => true) ?? '') : '';
    const shown = spec.display ? spec.display(text) : withoutSecrets(text);
    throw new UsageError(`${value.where} ${JSON.stringify(shown)} ${error.reason}${error.hint ? `; ${error.hint}` : ''}`, command);
  }
}

/** A value as it may be echoed: anything URL-shaped loses its userinfo, query and fragment. */
function withoutSecrets(text: string): string {
  return text.includes('://') ? displayUrl(text) : text;
}

/** ` (did you mean --older-than?)` for an unknown option within two edits of a known one. */
function suggestion(message: string, known: readonly string[]): string {
  const unknown = /Unknown option '--([^']+)'/.exec(message)?.[1];
  if (unknown === undefined) return '';
  const near = known.map((k) => [k, distance(unknown, k)] as const).filter(([, d]) => d <= 2).sort((a, b) => a[1] - b[1])[0];
  return near ? `; did you mean --${near[0]}?` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}
