/**
 * Runs one command of a command table: finds it, parses and validates its options, runs its
 * preflight, runs it, and turns every outcome into the one exit contract. It never calls
 * process.exit and never lets an error escape. It takes the table as an argument, so that a
 * command can run others (the scheduler runs the jobs) without importing the full table.
 */
import type { Command, RunContext } from './commands/command.js';
import { asRun } from './commands/job-command.js';
import { jobLog } from './commands/log-format.js';
import { describeFailure, EXIT, UsageError } from './errors.js';
import { commandHelp, EXIT_TABLE } from './help.js';
import type { CliIo } from './io.js';
import { parseCommandArgs } from './parse.js';
import { scrubbing } from './secrets.js';
import { packageVersion } from './version.js';

/** Runs `guardrails <argv>` over `commands` and returns the exit code. */
export async function runCommands(commands: readonly Command[], argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = scrubbing(rawIo);
  try {
    return stoppedIsFailure(await dispatch(argv, io, commands), io);
  } catch (error) {
    return printFailure(error, io);
  }
}

/** A run a signal stopped did not finish, whatever it returned. */
function stoppedIsFailure(code: number, io: CliIo): number {
  if (!io.signal?.aborted || code !== EXIT.OK) return code;
  io.stderr.write('error: stopped by a signal before the command finished\n');
  return EXIT.FAILED;
}

function printFailure(error: unknown, io: CliIo): number {
  const failure = describeFailure(error, io.env);
  for (const line of failure.lines) io.stderr.write(`${line}\n`);
  return io.signal?.aborted && failure.exitCode === EXIT.OK ? EXIT.FAILED : failure.exitCode;
}

async function dispatch(argv: readonly string[], io: CliIo, commands: readonly Command[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(topHelp(commands));
    return EXIT.BAD_INPUT;
  }
  if (first === '--help' || first === '-h') return print(io, topHelp(commands));
  if (first === '--version' || first === '-v') return print(io, `${packageVersion()}\n`);
  if (first === 'help') return print(io, rest[0] === undefined ? topHelp(commands) : commandHelp(find(commands, rest[0])));
  const command = find(commands, first);
  const parsed = await parseCommandArgs(command, rest, io.env, io.cwd);
  if (parsed.help) return print(io, commandHelp(command));
  // From here on, a job's stderr may be JSON records (--log-format json): its failure lines too.
  const log = jobLog(command.name, parsed.values, io);
  const context: RunContext = {
    io: log.io,
    signal: io.signal ?? new AbortController().signal,
    now: io.now ?? (() => new Date()),
    positionals: parsed.positionals,
    passThrough: parsed.passThrough,
  };
  try {
    command.refine?.(parsed.values, context);
    await command.preflight?.(parsed.values, context);
    return stoppedIsFailure(await command.run(parsed.values, context), log.io);
  } catch (error) {
    if (log.io === io) throw error;
    return printFailure(error, log.io);
  } finally {
    log.end();
  }
}

/**
 * The named command; a job comes with the metrics options and records its run
 * (commands/metrics-job.ts), and takes --log-format (commands/log-format.ts).
 */
function find(commands: readonly Command[], name: string): Command {
  const command = commands.find((c) => c.name === name);
  if (command) return asRun(command);
  const what = name.startsWith('-') ? `unknown option ${JSON.stringify(name)}` : `unknown command ${JSON.stringify(name)}`;
  throw new UsageError(`${what}; expected one of: ${commands.map((c) => c.name).join(', ')}`);
}

function topHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: guardrails <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    "  -h, --help     Show help; `guardrails <command> --help` shows a command's options",
    '  -v, --version  Print the version',
    '',
    'Exit codes (every command):',
    ...EXIT_TABLE.map(([code, meaning]) => `  ${code}  ${meaning}`),
    '',
  ].join('\n');
}

function print(io: CliIo, text: string): number {
  io.stdout.write(text);
  return EXIT.OK;
}
