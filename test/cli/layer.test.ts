/** The command layer itself, through a small declared command: parsing, help, exits, signals, secrets. */
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/cli/commands/command.js';
import { runCommands } from '../../src/cli/dispatch.js';
import { flag, option, repeatable, required } from '../../src/cli/options/define.js';
import { durationValue } from '../../src/cli/options/duration.js';
import { intValue } from '../../src/cli/options/int.js';
import { textValue } from '../../src/cli/options/text.js';
import { urlValue } from '../../src/cli/options/url.js';
import { describeFailure, UsageError } from '../../src/cli/errors.js';
import { GitHubApiError } from '../../src/github/api/errors.js';

const seen: unknown[] = [];

const demo = defineCommand({
  name: 'demo',
  summary: 'A command declared for these tests',
  usage: ['demo --name NAME [--count N] [-- ARGS]'],
  description: 'Prints what it was given.',
  options: {
    name: required({ placeholder: 'NAME', description: 'Who to greet', env: 'DEMO_NAME', parse: textValue() }),
    count: option({ placeholder: 'N', description: 'How many times, 1-3 (default 1)', parse: intValue(1, 3), fallback: 1, group: 'Tuning' }),
    wait: option({ placeholder: 'DURATION', description: 'How long to wait', parse: durationValue() }),
    tag: repeatable({ placeholder: 'TAG', description: 'A tag', parse: textValue() }),
    url: option({ placeholder: 'URL', description: 'Where', parse: urlValue({ credentialsFrom: 'DEMO_TOKEN' }), env: 'DEMO_URL' }),
    loud: flag('Shout'),
  },
  passThrough: true,
  exits: { ok: 'greeted', failed: 'could not greet' },
  refine(values) {
    if (values.loud && values.count > 1) throw new UsageError('--loud goes with --count 1 only', 'demo');
  },
  async run(values, { io, passThrough }) {
    seen.push({ values, passThrough });
    io.stdout.write(`hello ${values.name} ${values.count} ${io.env['DEMO_TOKEN'] ?? ''}\n`);
    return 0;
  },
});

async function demoRun(argv: string[], env: Record<string, string> = {}, signal?: AbortSignal) {
  let stdout = '';
  let stderr = '';
  const code = await runCommands([demo], argv, {
    cwd: '/',
    env,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    ...(signal ? { signal } : {}),
  });
  return { code, stdout, stderr };
}

describe('the command layer', () => {
  it('generates help from the declaration: groups, variables, defaults and the exit table', async () => {
    const { code, stdout } = await demoRun(['demo', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: guardrails demo --name NAME [--count N] [-- ARGS]\n');
    expect(stdout).toMatch(/^ {2}--name NAME +Who to greet \[env DEMO_NAME\]$/m);
    expect(stdout).toMatch(/^Tuning:\n {2}--count N +How many times, 1-3 \(default 1\)$/m);
    expect(stdout).toMatch(/^ {2}--tag TAG +A tag \(repeatable\)$/m);
    expect(stdout).toContain('Exit codes:\n  0  greeted\n  1  could not greet\n  2  bad input or usage, refused before any side effect\n  3  a bug in guardrails (please report it)\n');
  });

  it('parses each value once, with variables as the fallback and arguments after -- passed on', async () => {
    seen.length = 0;
    expect((await demoRun(['demo', '--count', '2', '--tag', 'a', '--tag', 'b', '--', '--not-ours', 'x'], { DEMO_NAME: 'ada' })).code).toBe(0);
    expect(seen).toEqual([
      { values: { name: 'ada', count: 2, wait: undefined, tag: ['a', 'b'], url: undefined, loud: false }, passThrough: ['--not-ours', 'x'] },
    ]);
  });

  it.each([
    [['demo'], 'error: --name NAME is required (or set DEMO_NAME) (see guardrails demo --help)'],
    [['demo', '--name', 'a', '--count', '9'], 'error: --count "9" is not a whole number from 1 to 3 (see guardrails demo --help)'],
    [['demo', '--name', 'a', '--wait', '5x'], 'error: --wait "5x" is not a duration; use a whole number and one of the units ms, s, m, h, d, w (e.g. 90d, 36h, 15m) (see guardrails demo --help)'],
    [['demo', '--name', 'a', '--loud', '--count', '2'], 'error: --loud goes with --count 1 only (see guardrails demo --help)'],
    [['demo', '--name', 'a', '--lod'], "error: Unknown option '--lod'; did you mean --loud? (see guardrails demo --help)"],
    [['demo', '--name', 'a', 'stray'], 'error: unexpected argument "stray"; arguments for the job go after -- (see guardrails demo --help)'],
  ])('refuses %j in one line, exit 2', async (argv, line) => {
    expect(await demoRun(argv)).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  });

  it('names the variable a bad value came from, without echoing its credentials', async () => {
    const { code, stderr } = await demoRun(['demo', '--name', 'a'], { DEMO_URL: 'https://me:hunter2@example.org' });
    expect(code).toBe(2);
    expect(stderr).toBe('error: $DEMO_URL "https://example.org" holds credentials; put them in DEMO_TOKEN, never in a URL (see guardrails demo --help)\n');
  });

  it('turns a success after a signal into exit 1, saying so', async () => {
    const controller = new AbortController();
    controller.abort();
    const { code, stderr } = await demoRun(['demo', '--name', 'a'], {}, controller.signal);
    expect(code).toBe(1);
    expect(stderr).toBe('error: stopped by a signal before the command finished\n');
  });

  it('scrubs the values of secret variables from everything it prints', async () => {
    const { stdout } = await demoRun(['demo', '--name', 'a'], { DEMO_TOKEN: 'x', GITHUB_TOKEN: 'ghp_secret_value' });
    expect(stdout).toBe('hello a 1 x\n');
    const leaked = await runCommands([demo], ['demo', '--name', 'ghp_secret_value'], {
      cwd: '/',
      env: { GITHUB_TOKEN: 'ghp_secret_value' },
      stdout: { write: (t: string) => expect(t).not.toContain('ghp_secret_value') },
      stderr: { write: () => true },
    });
    expect(leaked).toBe(0);
  });

  it('scrubs the password of a connection URI held in DATABASE_URL', async () => {
    const { stdout } = await demoRun(['demo', '--name', 'db-pass-9f2c'], { DATABASE_URL: 'postgres://app:db-pass-9f2c@db/catalog' });
    expect(stdout).toBe('hello *** 1 \n');
  });
});

describe('the exit contract for GitHub failures', () => {
  it.each([
    [new GitHubApiError('forbidden', 'GitHub refused to list check runs (HTTP 403: no)', 403), 2],
    [new GitHubApiError('no-org-access', 'the token cannot read org membership'), 2],
    [new GitHubApiError('failed', 'GitHub answered HTTP 502', 502), 4],
    [new GitHubApiError('failed', 'GitHub could not be reached'), 4],
    [new GitHubApiError('not-found', 'no such pull request', 404), 1],
  ])('%s is exit %i, in one line', (error, exitCode) => {
    expect(describeFailure(error)).toEqual({ exitCode, lines: [`error: ${error.message}`] });
  });
});
