/**
 * The CLI over the full command table. `run` never calls process.exit and never lets an error
 * escape, so tests and the jobs call it directly; process.ts wires it to the real process.
 */
import { COMMANDS } from './commands/index.js';
import type { Command } from './commands/command.js';
import { runCommands } from './dispatch.js';
import type { CliIo } from './io.js';

export type { CliIo, OutputStream } from './io.js';
export { EXIT } from './errors.js';

/** Runs `guardrails <argv>` and returns the exit code. */
export function run(argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  return runCommands(commands, argv, io);
}
