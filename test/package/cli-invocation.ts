/**
 * Checks a `guardrails …` command line written in a Dockerfile, a manifest or a workflow against the CLI's
 * command table: the command exists, each option is one it declares (the metrics options of a job included),
 * an option that takes a value gets one, and `schedule --run JOB -- ARGS` passes ARGS JOB's command accepts.
 * It reads names only: values are the deployment's (paths, `${VAR}`s), checked when the command runs.
 */
import { COMMANDS } from '../../src/cli/commands/index.js';
import type { Command } from '../../src/cli/commands/command.js';
import { withJobMetrics } from '../../src/cli/commands/metrics-job.js';

const GLOBAL_FLAGS = new Set(['--help', '-h', '--version', '-v']);

function commandNamed(name: string): Command | undefined {
  const command = COMMANDS.find((c) => c.name === name);
  return command === undefined ? undefined : withJobMetrics(command);
}

/** The problems of one command line (its words after `guardrails`), each naming where it was found. */
export function invocationProblems(where: string, argv: readonly string[]): string[] {
  const [name, ...rest] = argv;
  if (name === undefined) return [`${where}: guardrails without a command`];
  if (GLOBAL_FLAGS.has(name)) return [];
  const command = commandNamed(name);
  if (command === undefined) return [`${where}: "${name}" is not a guardrails command (${COMMANDS.map((c) => c.name).join(', ')})`];
  return argsProblems(`${where}: guardrails ${name}`, command, rest);
}

/** The problems of a job's arguments alone, as the scheduler's `schedule.jobs.<job>.args` gives them. */
export function jobArgsProblems(where: string, job: string, args: readonly string[]): string[] {
  const command = commandNamed(job);
  return command === undefined ? [`${where}: "${job}" is not a guardrails command`] : argsProblems(`${where}: ${job}`, command, args);
}

function argsProblems(where: string, command: Command, args: readonly string[]): string[] {
  const problems: string[] = [];
  let runJob: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i]!;
    if (word === '--') {
      const passed = args.slice(i + 1);
      if (!command.passThrough) problems.push(`${where} takes no arguments after --`);
      else if (runJob !== undefined) problems.push(...jobArgsProblems(`${where} --run ${runJob} --`, runJob, passed));
      break;
    }
    if (GLOBAL_FLAGS.has(word)) continue;
    // A shell expansion or a GitHub expression: its words are not known here.
    if (/^"?\$(\{[^}]+\}|[A-Za-z_][A-Za-z0-9_]*)"?$/.test(word) || /^\$\{\{.*\}\}$/.test(word)) continue;
    if (!word.startsWith('-')) {
      if (!command.positionals) problems.push(`${where}: unexpected argument ${JSON.stringify(word)}`);
      continue;
    }
    const long = word.startsWith('--');
    const [flagName, inline] = long ? splitInline(word.slice(2)) : [word.slice(1), undefined];
    const entry = Object.entries(command.options).find(([optionName, spec]) => (long ? optionName === flagName : spec.short === flagName));
    if (entry === undefined) {
      problems.push(`${where}: ${word} is not an option of ${command.name}`);
      // Whether it would take a value is unknown: a word after it is read as its value, not reported again.
      if (inline === undefined && args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) i += 1;
      continue;
    }
    const [optionName, spec] = entry;
    if (spec.type === 'boolean') {
      if (inline !== undefined) problems.push(`${where}: --${optionName} is a flag and takes no value`);
      continue;
    }
    const value = inline ?? args[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      problems.push(`${where}: --${optionName} needs a value`);
      continue;
    }
    if (inline === undefined) i += 1;
    if (optionName === 'run') runJob = value;
  }
  return problems;
}

function splitInline(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * Splits a shell command into words the way sh would for plain words, '…', "…" and backslash-newline, keeping
 * `$VAR`, `${VAR}` and `${{ … }}` as they are. Enough for the command lines we write, not a shell.
 */
export function shellWords(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i += 1) {
    const c = script[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < script.length) word += script[++i];
      else word += c;
      continue;
    }
    if (c === '$' && script.startsWith('${{', i)) {
      const end = script.indexOf('}}', i);
      word += script.slice(i, end + 2);
      inWord = true;
      i = end + 1;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && script[i + 1] === '\n') {
      i += 1;
    } else if (c === '\\') {
      word += script[++i] ?? '';
      inWord = true;
    } else if (c === '#' && !inWord) {
      while (i + 1 < script.length && script[i + 1] !== '\n') i += 1;
    } else if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      endCommand();
    } else if (c === ' ' || c === '\t') {
      endWord();
    } else if (c === '>' || c === '<') {
      // A redirection and its target are not arguments: `2>`, `>>`, `>&2`, `> file`, `> >(tee …)`.
      if (/^\d+$/.test(word)) [word, inWord] = ['', false];
      endWord();
      while (script[i + 1] === '>' || script[i + 1] === '&') i += 1;
      while (script[i + 1] === ' ') i += 1;
      if (script[i + 1] === '>' && script[i + 2] === '(') i += 1;
      if (script[i + 1] === '(' && script[i] === '>') {
        i = script.indexOf(')', i);
        continue;
      }
      let j = i + 1;
      while (j < script.length && !/[\s;|&]/.test(script[j]!)) j = script.startsWith('${{', j) ? script.indexOf('}}', j) + 2 : j + 1;
      i = j - 1;
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

/** The guardrails command lines of a shell script: the words after `guardrails`, `node dist/cli.js` or `npx guardrails`. */
export function guardrailsCommandLines(script: string): string[][] {
  const found: string[][] = [];
  for (const words of shellWords(script)) {
    let start = 0;
    // Leading VAR=value assignments and `exec` belong to the shell.
    while (start < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start]!) || words[start] === 'exec' || words[start] === 'npx')) start += 1;
    const head = words[start];
    if (head === 'guardrails') found.push(words.slice(start + 1));
    else if (head === 'node' && words[start + 1] === 'dist/cli.js') found.push(words.slice(start + 2));
  }
  return found;
}
