/** Help text generated from a command's declaration, and the one exit-code table. */
import type { Command } from './commands/command.js';
import type { OptionSpec } from './options/define.js';

/** The exit contract, the same for every command (README "Exit codes", docs/cli.md). */
export const EXIT_TABLE: readonly (readonly [number, string])[] = [
  [0, 'ok'],
  [1, 'the command ran and found problems, or the job failed or was stopped'],
  [2, 'bad input or usage, refused before any side effect'],
  [3, 'a bug in guardrails (please report it)'],
  [4, 'a dependency unavailable: registry, GitHub, catalog database or S3'],
];

export function commandHelp(command: Command): string {
  const lines = command.usage.map((u, i) => `${i === 0 ? 'Usage: ' : '       '}guardrails ${u}`);
  lines.push('', command.description.trim(), '');
  const groups = new Map<string, string[]>();
  for (const [name, spec] of Object.entries(command.options)) {
    const group = spec.group ?? 'Options';
    groups.set(group, [...(groups.get(group) ?? []), ...optionLines(name, spec)]);
  }
  groups.set('Options', [...(groups.get('Options') ?? []), ...optionLines('help', { type: 'boolean', short: 'h', description: 'Show this help', read: () => true })]);
  for (const [group, rows] of groups) lines.push(`${group}:`, ...rows, '');
  lines.push('Exit codes:', ...exitLines(command), '');
  if (command.notes) lines.push(command.notes.trim(), '');
  return `${lines.join('\n')}`;
}

const WIDTH = 30;

function optionLines(name: string, spec: OptionSpec<unknown>): string[] {
  const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.placeholder ? ` ${spec.placeholder}` : ''}`;
  const description = `${spec.description}${spec.env ? ` [env ${spec.env}]` : ''}${spec.multiple ? ' (repeatable)' : ''}`;
  const head = `  ${flag}`;
  return head.length < WIDTH ? [`${head.padEnd(WIDTH)}${description}`] : [head, `${''.padEnd(WIDTH)}${description}`];
}

function exitLines(command: Command): string[] {
  const specific: Record<number, string | undefined> = { 0: command.exits.ok, 1: command.exits.failed, 4: command.exits.unavailable };
  return EXIT_TABLE.map(([code, meaning]) => `  ${code}  ${specific[code] ?? meaning}`);
}
