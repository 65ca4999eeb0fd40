import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './support.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('guardrails (top level)', () => {
  it('prints help listing every command, exit 0', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await runCli(args, process.cwd());
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: guardrails <command> \[options\]/);
      expect(result.stdout).toMatch(/^ {2}check +Check changed Avro schemas/m);
      expect(result.stdout).toMatch(/^ {2}compat +Check one schema/m);
      expect(result.stdout).toContain('  2  bad input or usage, refused before any side effect\n');
      expect(result.stdout).toContain('  4  a dependency unavailable: registry, GitHub, catalog database or S3\n');
    }
  });

  it('prints the package version', async () => {
    expect(await runCli(['--version'], process.cwd())).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('shows help on stderr and exits 2 without a command', async () => {
    const result = await runCli([], process.cwd());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: guardrails/);
  });

  it('names an unknown command in one line, exit 2', async () => {
    const result = await runCli(['chek'], process.cwd());
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'error: unknown command "chek"; expected one of: check, compat, backup, restore, expire-snapshots, remove-orphans, followups, drift, register, schedule (see guardrails --help)\n' });
  });

  it.each([['check'], ['compat']])('has --help for %s', async (command) => {
    for (const args of [[command, '--help'], [command, '-h'], ['help', command]]) {
      const result = await runCli(args, process.cwd());
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: guardrails ${command} `));
      expect(result.stdout).toContain('--format');
    }
  });

  it('rejects unknown options and bad values in one line, exit 2', async () => {
    const cases: [string[], string][] = [
      [['check', '--bogus'], "error: Unknown option '--bogus' (see guardrails check --help)\n"],
      [['check', 'extra'], 'error: unexpected argument "extra" (see guardrails check --help)\n'],
      [['check', '--formt', 'json'], "error: Unknown option '--formt'; did you mean --format? (see guardrails check --help)\n"],
      [['check', '--format', 'xml'], 'error: --format "xml" is not one of text, json, github (see guardrails check --help)\n'],
      [['check', '--against'], "error: Option '--against <value>' argument missing (see guardrails check --help)\n"],
      [['check', '--cwd', '/nonexistent/dir'], 'error: --cwd "/nonexistent/dir" does not exist (see guardrails check --help)\n'],
      [['compat'], 'error: compat needs at least one schema file: <older.avsc>... <candidate.avsc> (see guardrails compat --help)\n'],
      [
        ['compat', '--level', 'SIDEWAYS', 'a.avsc'],
        'error: --level "SIDEWAYS" is not one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE (see guardrails compat --help)\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      const result = await runCli(args, process.cwd());
      expect(result).toEqual({ code: 2, stdout: '', stderr });
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });
});

describe('failures that are bugs', () => {
  it('prints "internal error" and a request to report it, exit 3, without a stack trace', async () => {
    const { run } = await import('../../src/cli/main.js');
    let stderr = '';
    const broken = {
      name: 'boom',
      summary: 'fails',
      usage: ['boom'],
      description: 'Fails.',
      options: {},
      exits: { ok: 'never', failed: 'never' },
      run: async () => {
        throw new TypeError('cannot read properties of undefined\n    at somewhere (file.js:1:2)');
      },
    };
    const code = await run(['boom'], {
      cwd: process.cwd(),
      env: {},
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
    }, [broken]);
    expect(code).toBe(3);
    expect(stderr).toBe(
      'internal error: cannot read properties of undefined at somewhere (file.js:1:2)\n' +
        'This is a bug in guardrails; please report it with the command you ran and this message.\n',
    );
  });
});

describe('the job commands', () => {
  it.each([['backup'], ['restore'], ['expire-snapshots'], ['followups'], ['schedule']])('%s parses its own arguments and has --help', async (command) => {
    for (const args of [[command, '--help'], ['help', command]]) {
      const result = await runCli(args, process.cwd());
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`guardrails ${command}`));
    }
    const wrong = await runCli([command, '--no-such-option'], process.cwd());
    expect(wrong.code).toBe(2);
    expect(hasStackTrace(wrong.stderr)).toBe(false);
  });
});
