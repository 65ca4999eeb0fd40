/** The shape of a CLI command; main.ts dispatches through a table of these. */
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from '../io.js';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Parsed option values: strings for string options, booleans for flags. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

export interface Command {
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  readonly options: OptionSpecs;
  /** Whether the command takes positional arguments. */
  readonly positionals: boolean;
  /** Runs with parsed arguments and returns the exit code; throws for failures main.ts maps. */
  run(values: OptionValues, positionals: readonly string[], io: CliIo): Promise<number>;
}

/**
 * A command that parses its own arguments: the scheduled jobs, whose entry points in jobs/ and the
 * scheduler call the same function with a plain argv.
 */
export interface DelegatedCommand {
  readonly name: string;
  readonly summary: string;
  runArgv(argv: readonly string[], io: CliIo): Promise<number>;
}

export type AnyCommand = Command | DelegatedCommand;

export function isDelegated(command: AnyCommand): command is DelegatedCommand {
  return 'runArgv' in command;
}
