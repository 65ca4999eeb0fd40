/** The bad-input corpus of `guardrails drift`: refused with exit 2, one line, before any request or file. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runBadInputCase, startStrictFake, type BadInputCase, type StrictFake } from './harness.js';

const URL = ['--registry-url', '{fake}'];
const ISSUES = [...URL, '--open-issues', '--repo', 'acme/platform'];

const DRIFT: BadInputCase[] = [
  {
    name: 'credentials in --registry-url',
    argv: ['--registry-url', 'http://user:pw@registry.example:8081'],
    want: { exit: 2, stderr: /--registry-url "http:\/\/registry\.example:8081" holds credentials; put them in GUARDRAILS_REGISTRY_API_KEY/ },
  },
  {
    name: 'credentials in $GUARDRAILS_REGISTRY_URL',
    argv: [],
    env: { GUARDRAILS_REGISTRY_URL: 'https://key:secret@registry.example' },
    want: { exit: 2, stderr: /\$GUARDRAILS_REGISTRY_URL "https:\/\/registry\.example" holds credentials/ },
  },
  { name: 'no registry URL', argv: [], want: { exit: 2, stderr: /--registry-url URL is required \(or set GUARDRAILS_REGISTRY_URL\)/ } },
  { name: 'a registry URL of another scheme', argv: ['--registry-url', 'ftp://registry.example'], want: { exit: 2, stderr: /--registry-url .*ftp/ } },
  { name: 'half of the registry credentials', argv: URL, env: { GUARDRAILS_REGISTRY_API_SECRET: '' }, want: { exit: 2, stderr: /set both GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET, or neither/ } },
  { name: '--concurrency out of range', argv: [...URL, '--concurrency', '65'], want: { exit: 2, stderr: /--concurrency "65" is not a whole number from 1 to 64/ } },
  { name: 'a timeout with a unit', argv: [...URL, '--registry-timeout-ms', '10s'], want: { exit: 2, stderr: /--registry-timeout-ms "10s" is not a whole number from 1 to 600000/ } },
  { name: 'an unknown --format', argv: [...URL, '--format', 'yaml'], want: { exit: 2, stderr: /--format "yaml" is not one of text, json/ } },
  { name: 'a misspelt option', argv: [...URL, '--open-issue'], want: { exit: 2, stderr: /Unknown option '--open-issue'; did you mean --open-issues\?/ } },
  { name: '--cwd that is a file', argv: [...URL, '--cwd', 'a-file'], files: { 'a-file': 'x' }, want: { exit: 2, stderr: /--cwd "a-file" is a file, not a directory/ } },
  { name: '--cwd that does not exist', argv: [...URL, '--cwd', 'nowhere'], want: { exit: 2, stderr: /--cwd "nowhere" does not exist/ } },
  { name: 'outside a git repository', argv: URL, files: { 'guardrails.yaml': 'version: 1\n' }, want: { exit: 2, stderr: /is not inside a git work tree; run the command in a git checkout or pass --cwd/ } },
  { name: '--open-issues without a token', argv: ISSUES, env: { GITHUB_TOKEN: '' }, want: { exit: 2, stderr: /--open-issues needs a GitHub token: set GITHUB_TOKEN \(or GH_TOKEN\)/ } },
  { name: '--open-issues without a repository', argv: [...URL, '--open-issues'], want: { exit: 2, stderr: /--open-issues needs the repository of the issues: pass --repo OWNER\/NAME or set GITHUB_REPOSITORY/ } },
  { name: 'a --repo without an owner', argv: [...URL, '--open-issues', '--repo', 'platform'], want: { exit: 2, stderr: /--repo "platform" is not OWNER\/NAME/ } },
  { name: 'a bad $GITHUB_REPOSITORY', argv: [...URL, '--open-issues'], env: { GITHUB_REPOSITORY: 'a/b/c' }, want: { exit: 2, stderr: /\$GITHUB_REPOSITORY "a\/b\/c" is not OWNER\/NAME/ } },
  {
    name: 'credentials in --api-url',
    argv: [...ISSUES, '--api-url', 'https://x:ghp_secret@github.example/api/v3'],
    want: { exit: 2, stderr: /--api-url "https:\/\/github\.example\/api\/v3" holds credentials; put them in GITHUB_TOKEN \(or GH_TOKEN\)/ },
  },
];

let fake: StrictFake;
beforeAll(async () => (fake = await startStrictFake()));
afterAll(() => fake.close());

describe('guardrails drift: bad input', () => {
  it.each(DRIFT.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await runBadInputCase('drift', c, fake);
  });
});
