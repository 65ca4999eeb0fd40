/**
 * The CLI: parses the command line, runs one command, and turns every outcome into an exit code.
 * `run` never calls process.exit and never lets an error escape, so tests call it directly.
 */
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands/index.js';
import { isDelegated, type AnyCommand, type Command } from './commands/command.js';
import { describeFailure, EXIT, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { packageVersion } from './version.js';

export type { CliIo, OutputStream } from './io.js';
export { EXIT } from './errors.js';

/** Runs `guardrails <argv>` and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo, commands: readonly AnyCommand[] = COMMANDS): Promise<number> {
  try {
    return await dispatch(argv, io, commands);
  } catch (error) {
    const failure = describeFailure(error);
    for (const line of failure.lines) io.stderr.write(`${line}\n`);
    return failure.exitCode;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, commands: readonly AnyCommand[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(topHelp(commands));
    return EXIT.BAD_INPUT;
  }
  if (first === '--help' || first === '-h') return print(io, topHelp(commands));
  if (first === '--version' || first === '-v') return print(io, `${packageVersion()}\n`);
  if (first === 'help') return rest[0] === undefined ? print(io, topHelp(commands)) : help(find(commands, rest[0]), io);
  const command = find(commands, first);
  if (isDelegated(command)) return command.runArgv(rest, io);
  const { values, positionals } = parse(command, rest);
  if (values.help === true) return print(io, `${command.help}\n`);
  return command.run(values, positionals, io);
}

function help(command: AnyCommand, io: CliIo): Promise<number> | number {
  return isDelegated(command) ? command.runArgv(['--help'], io) : print(io, `${command.help}\n`);
}

function find(commands: readonly AnyCommand[], name: string): AnyCommand {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const what = name.startsWith('-') ? `unknown option ${JSON.stringify(name)}` : `unknown command ${JSON.stringify(name)}`;
  throw new UsageError(`${what}; expected one of: ${commands.map((c) => c.name).join(', ')}`);
}

function parse(command: Command, args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: command.positionals,
    });
  } catch (error) {
    // Node's messages are several sentences; the first says what is wrong.
    const message = error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error);
    throw new UsageError(message.replace(/\.$/, ''), command.name);
  }
}

function topHelp(commands: readonly AnyCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: guardrails <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help; `guardrails <command> --help` shows a command\'s options',
    '  -v, --version  Print the version',
    '',
    'Exit codes: 0 compatible, 1 incompatible, 2 bad input or usage error, 3 internal error,',
    '4 Schema Registry unavailable (the check failed closed).',
    '',
  ].join('\n');
}

function print(io: CliIo, text: string): number {
  io.stdout.write(text);
  return EXIT.OK;
}
