/**
 * TEMPORARY, removed once every job is declared: a job that still parses its own argv.
 */
import type { CliIo } from '../io.js';
import type { Command } from './command.js';

interface JobIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly signal?: AbortSignal;
}

export type LegacyCommand = Command & { readonly legacyArgv: (argv: readonly string[], io: CliIo) => Promise<number> };

export function legacy(name: string, summary: string, run: (argv: string[], io: JobIo) => Promise<number>): LegacyCommand {
  return {
    name,
    summary,
    usage: [name],
    description: summary,
    options: {},
    exits: { ok: 'ok', failed: 'failed' },
    run: () => Promise.resolve(3),
    legacyArgv: (argv, io) =>
      run([...argv], {
        stdout: (text) => io.stdout.write(text),
        stderr: (text) => io.stderr.write(text),
        env: io.env as NodeJS.ProcessEnv,
        cwd: io.cwd,
        ...(io.signal ? { signal: io.signal } : {}),
      }),
  };
}

export function isLegacy(command: Command): command is LegacyCommand {
  return 'legacyArgv' in command;
}
