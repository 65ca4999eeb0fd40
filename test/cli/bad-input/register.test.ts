/** The bad-input corpus of `guardrails register`: refused with exit 2, one line, before any request or file. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runBadInputCase, startStrictFake, type BadInputCase, type StrictFake } from './harness.js';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_CONFIG_NOSYSTEM: '1' };
const root = mkdtempSync(join(tmpdir(), 'guardrails-register-corpus-'));

/** A committed repository of these files, outside the case's folder (which must stay unchanged). */
function repo(name: string, files: Record<string, string>): string {
  const path = join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(path, file)), { recursive: true });
    writeFileSync(join(path, file), text);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: path, env: GIT_ENV });
  git('init', '--quiet', '-b', 'main');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'schemas');
  return path;
}

const record = (name: string) => JSON.stringify({ type: 'record', name, namespace: 'acme', fields: [{ name: 'id', type: 'string' }] });
const TOPIC = 'version: 1\nsubjects:\n  - files: "schemas/*.avsc"\n    topic: users\n';
const GOOD = repo('good', { 'guardrails.yaml': TOPIC, 'schemas/user.avsc': record('User') });
const BAD_SCHEMA = repo('bad-schema', { 'guardrails.yaml': TOPIC, 'schemas/user.avsc': '{"type": "record", "name": "User", "fields": [{"name": "id", "type": "strin"}]}' });
const BAD_CONFIG = repo('bad-config', { 'guardrails.yaml': 'version: 1\ndefaults:\n  compatibility: SIDEWAYS\n', 'schemas/user.avsc': record('User') });
const SAME_SUBJECT = repo('same-subject', { 'guardrails.yaml': TOPIC, 'schemas/user.avsc': record('User'), 'schemas/other.avsc': record('Other') });
const UNMAPPED = repo('unmapped', { 'schemas/user.avsc': record('User') });

const URL = ['--registry-url', '{fake}'];
const IN = (path: string) => ['--git-repo', path];

const REGISTER: BadInputCase[] = [
  {
    name: 'credentials in --registry-url',
    argv: ['--registry-url', 'http://user:pw@registry.example:8081', ...IN(GOOD)],
    want: { exit: 2, stderr: /--registry-url "http:\/\/registry\.example:8081" holds credentials; put them in GUARDRAILS_REGISTRY_API_KEY/ },
  },
  {
    name: 'credentials in $GUARDRAILS_REGISTRY_URL',
    argv: IN(GOOD),
    env: { GUARDRAILS_REGISTRY_URL: 'https://key:secret@registry.example' },
    want: { exit: 2, stderr: /\$GUARDRAILS_REGISTRY_URL "https:\/\/registry\.example" holds credentials/ },
  },
  { name: 'no registry URL', argv: IN(GOOD), want: { exit: 2, stderr: /--registry-url URL is required \(or set GUARDRAILS_REGISTRY_URL\)/ } },
  {
    name: 'half of the registry credentials',
    argv: [...URL, ...IN(GOOD)],
    env: { GUARDRAILS_REGISTRY_API_SECRET: '' },
    want: { exit: 2, stderr: /set both GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET, or neither/ },
  },
  { name: '--concurrency out of range', argv: [...URL, ...IN(GOOD), '--concurrency', '65'], want: { exit: 2, stderr: /--concurrency "65" is not a whole number from 1 to 64/ } },
  { name: 'a timeout with a unit', argv: [...URL, ...IN(GOOD), '--registry-timeout-ms', '10s'], want: { exit: 2, stderr: /--registry-timeout-ms "10s" is not a whole number from 1 to 600000/ } },
  { name: 'an unknown --format', argv: [...URL, ...IN(GOOD), '--format', 'yaml'], want: { exit: 2, stderr: /--format "yaml" is not one of text, json/ } },
  { name: 'a misspelt option', argv: [...URL, ...IN(GOOD), '--dryrun'], want: { exit: 2, stderr: /Unknown option '--dryrun'; did you mean --dry-run\?/ } },
  { name: 'a --ref that is no commit', argv: [...URL, ...IN(GOOD), '--ref', 'no-such-branch'], want: { exit: 2, stderr: /'no-such-branch' is not a commit\. Give a branch, tag or commit/ } },
  { name: 'not a git repository', argv: URL, want: { exit: 2, stderr: /'HEAD' is not a commit/ } },
  { name: 'a --git-repo that does not exist', argv: [...URL, '--git-repo', 'nowhere'], want: { exit: 2, stderr: /--git-repo "nowhere" does not exist/ } },
  { name: 'a schema file that does not load', argv: [...URL, ...IN(BAD_SCHEMA)], want: { exit: 2, stderr: /the schema files at [0-9a-f]{12} do not load: .*strin/ } },
  { name: 'a bad guardrails.yaml at the ref', argv: [...URL, ...IN(BAD_CONFIG)], want: { exit: 2, stderr: /guardrails\.yaml:3:\d+.*SIDEWAYS/ } },
  { name: 'two files with one subject', argv: [...URL, ...IN(SAME_SUBJECT)], want: { exit: 2, stderr: /map to the same subject users-value\. Give each file its own subject/ } },
  { name: 'a file no entry maps', argv: [...URL, ...IN(UNMAPPED)], want: { exit: 2, stderr: /cannot name the subject of schemas\/user\.avsc: .*needs a topic/ } },
  { name: '--audit-log under a file', argv: [...URL, ...IN(GOOD), '--audit-log', 'a-file/audit.jsonl'], files: { 'a-file': 'x' }, want: { exit: 2, stderr: /--audit-log "a-file\/audit\.jsonl" cannot be created: .*a-file is a file, not a directory/ } },
  { name: '--app-id without a repository', argv: [...URL, ...IN(GOOD), '--app-id', '123'], want: { exit: 2, stderr: /--app-id needs --repository \(or \$GITHUB_REPOSITORY\)/ } },
  {
    name: '--app-id without a token',
    argv: [...URL, ...IN(GOOD), '--app-id', '123', '--repository', 'acme/platform'],
    env: { GITHUB_TOKEN: '', GH_TOKEN: '' },
    want: { exit: 2, stderr: /--app-id needs a token in GITHUB_TOKEN \(or GH_TOKEN\)/ },
  },
  { name: 'a bad --app-id', argv: [...URL, ...IN(GOOD), '--app-id', 'guardrails'], want: { exit: 2, stderr: /--app-id "guardrails" is not a whole number/ } },
  { name: 'a bad --repository', argv: [...URL, ...IN(GOOD), '--repository', 'platform'], want: { exit: 2, stderr: /--repository "platform" .*OWNER\/NAME/ } },
];

let fake: StrictFake;
beforeAll(async () => (fake = await startStrictFake()));
afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
});

describe('guardrails register: bad input', () => {
  it.each(REGISTER.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await runBadInputCase('register', c, fake);
  });
});
